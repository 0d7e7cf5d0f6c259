import { scriptProblems } from './text-guard';
import { clientAddress, TokenBuckets } from './throttle';

describe('tip intake guards', () => {
  it('throttles per key with a refilling bucket', () => {
    const b = new TokenBuckets(60, 3);
    const t = 1_000_000;
    expect([b.take('a', t), b.take('a', t), b.take('a', t), b.take('a', t)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(b.take('b', t)).toBe(true);
    expect(b.take('a', t + 1000)).toBe(true);
    expect(b.retryAfter('a')).toBeGreaterThanOrEqual(1);
  });

  it('reads the client address behind the trusted proxies only', () => {
    const req = (xff: string | undefined) => ({
      header: (n: string) => (n === 'x-forwarded-for' ? xff : undefined),
      socket: { remoteAddress: '10.0.0.9' },
    });
    expect(clientAddress(req('6.6.6.6, 1.2.3.4') as never, 1)).toBe('1.2.3.4');
    expect(clientAddress(req('6.6.6.6, 1.2.3.4') as never, 2)).toBe('6.6.6.6');
    expect(clientAddress(req(undefined) as never, 1)).toBe('10.0.0.9');
  });

  it('refuses scripts and markup in text fields, with the field path', () => {
    expect(scriptProblems({ description: '工厂夜间违规动火', location: '贾嗣镇' })).toEqual([]);
    const errs = scriptProblems({
      description: 'x<script>alert(1)</script>',
      enterprise: { name: '<img src=x onerror=alert(1)>' },
      location: 'javascript:alert(1)',
    });
    expect(errs.map((e) => e.path)).toEqual(['description', 'enterprise.name', 'location']);
    expect(errs[0].messageZh).toContain('脚本');
  });
});
