import { describe, expect, it } from '@jest/globals';
import {
  claimCodeCheckChar,
  claimCodeProblem,
  claimPasswordProblems,
  formatClaimCode,
  normalizeClaimCode,
} from './claimPolicy';

/**
 * Vectors produced by `@zhiben/tipline-domain` (claimCodeFromRandom, checkClaimPassword): the console's
 * mirror must agree with the service's rules on every one of them.
 */
const SERVICE_CODES = ['7KQ2-M9XD-4TR1', '0110-5678-9AB5', 'ZYXW-VTSR-QPN0'];
const SERVICE_PASSWORDS: [string, string[]][] = [
  ['', ['required']],
  ['short1', ['length']],
  ['abcdefgh', ['classes', 'guessable']],
  ['12345678', ['classes', 'guessable']],
  ['password1', ['guessable']],
  ['abcd1234', ['guessable']],
  ['Zhiben2026safe', []],
  ['aaaa1111', ['guessable']],
  ['Qx7!mP2#kL9', []],
];

describe('claim codes on the status page', () => {
  it.each(SERVICE_CODES)('accepts the service-generated code %s, however it is typed', (code) => {
    expect(claimCodeProblem(code)).toBeNull();
    expect(claimCodeProblem(code.toLowerCase().replace(/-/g, ' '))).toBeNull();
    const plain = normalizeClaimCode(code);
    expect(claimCodeCheckChar(plain.slice(0, -1))).toBe(plain.slice(-1));
    expect(formatClaimCode(plain)).toBe(code);
  });

  it('reads O as 0 and I/L as 1', () => {
    expect(normalizeClaimCode('olio-5678-9ab5')).toBe('011056789AB5');
    expect(claimCodeProblem('olio-5678-9ab5')).toBeNull();
  });

  it('catches a typo before it is sent (and before it counts as a failed attempt)', () => {
    expect(claimCodeProblem('')).toBe('required');
    expect(claimCodeProblem('7KQ2-M9XD-4TR')).toBe('format');
    expect(claimCodeProblem('7KQ2-M9XD-4TRU')).toBe('format');
    expect(claimCodeProblem('<script>')).toBe('format');
    expect(claimCodeProblem('7KQ2-M9XD-4TR2')).toBe('checksum');
    expect(claimCodeProblem('K7Q2-M9XD-4TR1')).toBe('checksum');
  });
});

describe('claim passwords', () => {
  it.each(SERVICE_PASSWORDS)('"%s" gets the service’s verdict %j', (password, expected) => {
    expect(claimPasswordProblems(password)).toEqual(expected);
  });

  it('refuses a password built from the claim code', () => {
    expect(claimPasswordProblems('7KQ2M9XDx9', { code: '7KQ2-M9XD-4TR1' })).toEqual(['guessable']);
  });
});
