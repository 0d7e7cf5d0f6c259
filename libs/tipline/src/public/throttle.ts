import type { Request } from 'express';

/**
 * In-process token buckets (one per key: a client address, a claim code). Checked before anything is
 * stored, so a throttled request costs nothing; a request that passed is committed before its 2xx.
 * Per instance: with N replicas the effective limit is N× (the DB-backed lock-out is global).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Takes a token for `key`; false (throttled) when none is left. */
  take(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) * this.perMinute) / 60_000);
    b.at = now;
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.prune(now);
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Seconds until the next token for `key`. */
  retryAfter(key: string): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    return Math.max(1, Math.ceil(((1 - b.tokens) * 60) / this.perMinute));
  }

  private prune(now: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) * this.perMinute) / 60_000 >= this.burst) this.buckets.delete(k);
    }
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}

/**
 * The caller's address: `trustedProxies` proxies in front of the service each append to
 * X-Forwarded-For (the gateway is one), so the entry that many places from the end is the client's;
 * anything before it is the client's own claim and is ignored.
 */
export function clientAddress(req: Pick<Request, 'header' | 'socket'>, trustedProxies: number): string {
  const hops = (req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (trustedProxies > 0 && hops.length >= trustedProxies) return hops[hops.length - trustedProxies];
  return req.socket.remoteAddress ?? 'unknown';
}
