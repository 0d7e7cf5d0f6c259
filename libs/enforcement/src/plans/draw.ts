import { createHash, randomBytes } from 'node:crypto';

/** A fresh published seed for a 双随机 draw. */
export function newSeed(): string {
  return randomBytes(12).toString('hex');
}

/** Deterministic uniform integers in [0, n) from a seed: sha256(seed:salt:counter), rejection-sampled. */
function* randomInts(seed: string, salt: string): Generator<(n: number) => number> {
  let counter = 0;
  let pool: Buffer = Buffer.alloc(0);
  const next32 = () => {
    if (pool.length < 4) {
      pool = Buffer.concat([pool, createHash('sha256').update(`${seed}:${salt}:${counter++}`).digest()]);
    }
    const v = pool.readUInt32BE(0);
    pool = pool.subarray(4);
    return v;
  };
  for (;;) {
    yield (n: number) => {
      const limit = Math.floor(0x1_0000_0000 / n) * n;
      for (;;) {
        const v = next32();
        if (v < limit) return v % n;
      }
    };
  }
}

/** A seeded Fisher–Yates shuffle: the same seed, salt and input always give the same order. */
export function seededShuffle<T>(items: readonly T[], seed: string, salt: string): T[] {
  const out = [...items];
  const rand = randomInts(seed, salt).next().value as (n: number) => number;
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * 双随机: draws `count` enterprises from the frame and, for each, `perInspection` different inspectors
 * from the pool. Reproducible by anyone from the published seed, frame and pool (一公开): the frame and
 * pool are sorted first, so the draw does not depend on the order they were read in.
 */
export function drawInspections(
  frame: readonly string[],
  pool: readonly string[],
  count: number,
  perInspection: number,
  seed: string,
): { enterprises: string[]; inspectors: string[][] } {
  const enterprises = seededShuffle([...new Set(frame)].sort(), seed, 'enterprises').slice(0, count);
  const sortedPool = [...new Set(pool)].sort();
  const inspectors = enterprises.map((cc) =>
    seededShuffle(sortedPool, seed, `inspectors:${cc}`).slice(0, perInspection),
  );
  return { enterprises, inspectors };
}
