import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { SNIFF_BYTES } from './file-sniff';

export type SpooledUpload =
  | { ok: true; path: string; size: number; sha256: string; head: Buffer }
  | { ok: false; reason: 'too-large' | 'empty'; size: number };

/** Bytes of an oversized body we still read (and discard) so the client sees our 400, not a reset. */
const DRAIN_ALLOWANCE = 64 * 1024 * 1024;

/**
 * Spools a raw request body to a temp file, hashing (sha256) and counting on the way and keeping the
 * first bytes for type sniffing. Stops writing at `maxBytes`; the rest is drained, up to an allowance.
 */
export async function spoolUpload(
  body: Readable,
  tmpDir: string,
  name: string,
  maxBytes: number,
): Promise<SpooledUpload> {
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, name);
  const out = createWriteStream(path, { flags: 'wx' });
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLen = 0;
  let size = 0;
  let tooLarge = false;
  let writeError: unknown;
  out.on('error', (e) => (writeError = e));
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (tooLarge) {
        if (size > maxBytes + DRAIN_ALLOWANCE) break;
        continue;
      }
      if (size > maxBytes) {
        tooLarge = true;
        continue;
      }
      if (headLen < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headLen));
        headLen += Math.min(chunk.length, SNIFF_BYTES - headLen);
      }
      hash.update(chunk);
      if (writeError) throw writeError;
      if (!out.write(chunk)) {
        await new Promise<void>((r) => {
          out.once('drain', () => r());
          out.once('error', () => r());
        });
      }
    }
  } catch (e) {
    out.destroy();
    await rm(path, { force: true });
    throw e;
  } finally {
    out.end();
    await finished(out).catch(() => undefined);
  }
  if (writeError) {
    await rm(path, { force: true });
    throw writeError;
  }
  if (tooLarge || size === 0) {
    await rm(path, { force: true });
    return { ok: false, reason: tooLarge ? 'too-large' : 'empty', size };
  }
  return { ok: true, path, size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
}
