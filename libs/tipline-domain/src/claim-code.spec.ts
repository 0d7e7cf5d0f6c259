import { DEFAULT_CLAIM_CODE_POLICY } from '@zhiben/contracts';
import {
  CLAIM_CODE_ALPHABET,
  checkClaimCode,
  checkClaimPassword,
  claimCodeCheckChar,
  claimCodeFromRandom,
  claimLockout,
  formatClaimCode,
  normalizeClaimCode,
} from './claim-code';

const bytes = (...values: number[]) => Uint8Array.from(values);
const sample = claimCodeFromRandom(bytes(7, 19, 23, 2, 20, 9, 29, 13, 4, 26, 24));

describe('claim codes', () => {
  it('are 12 characters of Crockford base-32 ending in a check character', () => {
    expect(sample).toHaveLength(DEFAULT_CLAIM_CODE_POLICY.codeLength);
    expect([...sample].every((c) => CLAIM_CODE_ALPHABET.includes(c))).toBe(true);
    expect(sample.slice(-1)).toBe(claimCodeCheckChar(sample.slice(0, -1)));
    expect(formatClaimCode(sample)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(() => claimCodeFromRandom(bytes(1, 2, 3))).toThrow(RangeError);
  });

  it('accept what people type: lower case, spaces, dashes, O for 0 and I/L for 1', () => {
    const code = claimCodeFromRandom(bytes(0, 1, 1, 0, 5, 6, 7, 8, 9, 10, 11)); // "0110…"
    const typed = formatClaimCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normalizeClaimCode(` ${typed} `)).toBe(code);
    expect(checkClaimCode(typed)).toEqual({ ok: true, code });
  });

  it('catch one wrong character and a swap of neighbours before any lookup', () => {
    const chars = [...sample];
    let caught = 0;
    let tried = 0;
    for (let i = 0; i < chars.length; i++) {
      for (const c of CLAIM_CODE_ALPHABET) {
        if (c === chars[i]) continue;
        const wrong = [...chars];
        wrong[i] = c;
        tried++;
        if (!checkClaimCode(wrong.join('')).ok) caught++;
      }
    }
    expect(caught).toBe(tried);
    const swapped = [...chars];
    const i = swapped.findIndex((c, k) => k < swapped.length - 1 && c !== swapped[k + 1]);
    [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    expect(checkClaimCode(swapped.join(''))).toMatchObject({ ok: false, problem: { code: 'checksum' } });
  });

  it('reject wrong lengths, foreign characters and non-strings with a bilingual message', () => {
    expect(checkClaimCode(sample.slice(1))).toMatchObject({ ok: false, problem: { code: 'format' } });
    expect(checkClaimCode(`${sample.slice(0, -1)}U`)).toMatchObject({
      ok: false,
      problem: { code: 'format' },
    });
    expect(checkClaimCode('<script>')).toMatchObject({ ok: false });
    const r = checkClaimCode(undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toEqual({ code: 'format', zh: '请输入查询码', en: 'Enter your claim code' });
  });
});

describe('claim passwords', () => {
  it('accept a reasonable password', () => {
    expect(checkClaimPassword('river7Stone42', { code: sample })).toEqual([]);
  });

  it.each([
    ['', ['required']],
    ['ab1', ['length']],
    ['abcdefghij', ['classes', 'guessable']],
    ['river-stone-lake', ['classes']],
    ['12345678', ['classes', 'guessable']],
    ['password1', ['guessable']],
    ['aaaa1111', ['guessable']],
    ['x'.repeat(60) + '12345', ['length', 'guessable']],
  ])('%j → %j', (password, codes) => {
    expect(checkClaimPassword(password).map((p) => p.code)).toEqual(codes);
  });

  it('refuse the claim code itself as the password', () => {
    expect(checkClaimPassword(formatClaimCode(sample), { code: sample }).map((p) => p.code)).toContain(
      'guessable',
    );
  });
});

describe('lock-out after repeated failures', () => {
  const min = 60_000;
  const t0 = Date.parse('2026-03-02T08:00:00Z');
  it('counts failures inside the window and locks for the lock-out time', () => {
    const four = [0, 1, 2, 3].map((k) => t0 + k * min);
    expect(claimLockout(four, t0 + 4 * min)).toEqual({
      locked: false,
      lockedUntilMs: null,
      remainingAttempts: 1,
    });
    const five = [...four, t0 + 4 * min];
    expect(claimLockout(five, t0 + 5 * min)).toEqual({
      locked: true,
      lockedUntilMs: t0 + 34 * min,
      remainingAttempts: 0,
    });
    expect(claimLockout(five, t0 + 34 * min).locked).toBe(false);
  });

  it('does not lock for failures spread wider than the window', () => {
    const spread = [0, 5, 10, 15, 20].map((k) => t0 + k * min);
    expect(claimLockout(spread, t0 + 21 * min).locked).toBe(false);
  });
});
