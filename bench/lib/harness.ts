/**
 * Tiny benchmark harness: timed samples, percentiles, and a report that always prints the
 * baseline measured in the same run next to the measured path.
 */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function stats(samplesMs: number[]): Stats {
  const s = [...samplesMs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return {
    n: s.length,
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    mean: s.reduce((a, b) => a + b, 0) / s.length,
    max: s[s.length - 1],
  };
}

export async function sample(
  n: number,
  fn: (i: number) => Promise<unknown>,
  warmup = Math.min(20, n),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

const f = (x: number) => x.toFixed(2);

export interface Verdict {
  name: string;
  ok: boolean;
  detail: string;
}

export const verdicts: Verdict[] = [];

/** Prints measured vs baseline latencies and checks the targets. */
export function reportLatency(
  name: string,
  measured: Stats,
  baseline: Stats,
  targets: { p95Ms?: number; maxRatio?: number },
): void {
  const ratio = measured.p95 / baseline.p95;
  console.log(`\n${name}`);
  console.log(
    `  measured  p50 ${f(measured.p50)} ms  p95 ${f(measured.p95)} ms  p99 ${f(measured.p99)} ms  (n=${measured.n})`,
  );
  console.log(
    `  baseline  p50 ${f(baseline.p50)} ms  p95 ${f(baseline.p95)} ms  p99 ${f(baseline.p99)} ms  (n=${baseline.n})`,
  );
  console.log(`  ratio p95 measured/baseline = ${ratio.toFixed(2)}`);
  const parts: string[] = [];
  let ok = true;
  if (targets.p95Ms !== undefined) {
    ok &&= measured.p95 < targets.p95Ms;
    parts.push(`p95 ${f(measured.p95)} < ${targets.p95Ms} ms`);
  }
  if (targets.maxRatio !== undefined) {
    ok &&= ratio <= targets.maxRatio;
    parts.push(`ratio ${ratio.toFixed(2)} ≤ ${targets.maxRatio}`);
  }
  verdicts.push({ name, ok, detail: parts.join(', ') || `p95 ratio ${ratio.toFixed(2)}` });
}

export function record(name: string, ok: boolean, detail: string): void {
  console.log(`\n${name}\n  ${detail}`);
  verdicts.push({ name, ok, detail });
}

export function summary(): number {
  console.log('\n== summary ==');
  for (const v of verdicts) console.log(`${v.ok ? 'MET   ' : 'MISSED'} ${v.name}: ${v.detail}`);
  return verdicts.every((v) => v.ok) ? 0 : 1;
}
