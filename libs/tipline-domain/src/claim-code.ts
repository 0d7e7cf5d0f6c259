import { DEFAULT_CLAIM_CODE_POLICY, type ClaimCodePolicy } from '@zhiben/contracts/workflow';

/**
 * The anonymous reporter's claim code and password, as pure rules (tipline-service supplies the random
 * bytes, hashes and stores; nothing here touches I/O or secrets).
 *
 * - The code: Crockford base-32 (no I, L, O, U: nothing to misread over the phone), its last character a
 *   Luhn mod 32 check so that a mistyped character or a swap of neighbours is caught before any lookup
 *   (and before it counts as a failed attempt). Shown as `7KQ2-M9XD-4TR8`.
 * - The password: the reporter's own secret, checked for length, letters and digits, and obvious guesses.
 * - Lock-out: after `maxFailures` wrong attempts within `failureWindowMinutes`, `lockoutMinutes`.
 */
export const CLAIM_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = CLAIM_CODE_ALPHABET.length; // 32

export interface Problem {
  code: string;
  zh: string;
  en: string;
}

/** Luhn mod N check character over the alphabet (catches one wrong character and most adjacent swaps). */
export function claimCodeCheckChar(data: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i--) {
    const v = CLAIM_CODE_ALPHABET.indexOf(data[i]);
    if (v < 0) throw new RangeError(`Not a claim-code character: ${data[i]}`);
    const addend = factor * v;
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return CLAIM_CODE_ALPHABET[(BASE - (sum % BASE)) % BASE];
}

/**
 * A new code from `policy.codeLength - 1` random bytes (the service passes `crypto.randomBytes`); each
 * byte's low 5 bits pick a character, uniformly (256 is a multiple of 32).
 */
export function claimCodeFromRandom(
  random: Uint8Array,
  policy: ClaimCodePolicy = DEFAULT_CLAIM_CODE_POLICY,
): string {
  const n = policy.codeLength - 1;
  if (random.length < n) throw new RangeError(`Need ${n} random bytes, got ${random.length}`);
  let data = '';
  for (let i = 0; i < n; i++) data += CLAIM_CODE_ALPHABET[random[i] & 31];
  return data + claimCodeCheckChar(data);
}

/** What a person typed, canonical: upper case, no spaces or dashes, O→0 and I/L→1 as Crockford reads them. */
export function normalizeClaimCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** `7KQ2M9XD4TR8` → `7KQ2-M9XD-4TR8`. */
export function formatClaimCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? []).join('-');
}

export type ClaimCodeCheck = { ok: true; code: string } | { ok: false; problem: Problem };

/** Checks the format and the check character of a typed code; returns the canonical code when valid. */
export function checkClaimCode(
  input: unknown,
  policy: ClaimCodePolicy = DEFAULT_CLAIM_CODE_POLICY,
): ClaimCodeCheck {
  if (typeof input !== 'string') {
    return { ok: false, problem: { code: 'format', zh: '请输入查询码', en: 'Enter your claim code' } };
  }
  const code = normalizeClaimCode(input);
  if (code.length !== policy.codeLength || [...code].some((c) => !CLAIM_CODE_ALPHABET.includes(c))) {
    return {
      ok: false,
      problem: {
        code: 'format',
        zh: `查询码应为${policy.codeLength}位字母或数字（如 7KQ2-M9XD-4TR8）`,
        en: `A claim code has ${policy.codeLength} letters or digits (e.g. 7KQ2-M9XD-4TR8)`,
      },
    };
  }
  if (claimCodeCheckChar(code.slice(0, -1)) !== code.slice(-1)) {
    return {
      ok: false,
      problem: {
        code: 'checksum',
        zh: '查询码有误，请核对后重新输入',
        en: 'The claim code has a typo; check it and retry',
      },
    };
  }
  return { ok: true, code };
}

const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'passw0rd',
  'qwerty123',
  'qwertyuiop',
  'abc12345',
  'abcd1234',
  'a1234567',
  'aa123456',
  'woaini1314',
  'iloveyou1',
  'admin123',
  '1q2w3e4r',
  'zxcvbnm1',
]);

function sequential(s: string): boolean {
  if (s.length < 4) return false;
  const codes = [...s.toLowerCase()].map((c) => c.charCodeAt(0));
  const step = codes[1] - codes[0];
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
}

/** Problems of a claim password (bilingual); empty when acceptable. */
export function checkClaimPassword(
  password: unknown,
  options: { code?: string | null; policy?: ClaimCodePolicy } = {},
): Problem[] {
  const policy = options.policy ?? DEFAULT_CLAIM_CODE_POLICY;
  if (typeof password !== 'string' || password.length === 0) {
    return [{ code: 'required', zh: '请设置密码', en: 'Set a password' }];
  }
  const problems: Problem[] = [];
  const length = [...password].length;
  if (length < policy.passwordMinLength || length > policy.passwordMaxLength) {
    problems.push({
      code: 'length',
      zh: `密码长度须为${policy.passwordMinLength}至${policy.passwordMaxLength}位`,
      en: `A password has ${policy.passwordMinLength} to ${policy.passwordMaxLength} characters`,
    });
  }
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    problems.push({ code: 'classes', zh: '密码须同时包含字母和数字', en: 'Use both letters and digits' });
  }
  const lower = password.toLowerCase();
  const code = options.code ? normalizeClaimCode(options.code) : '';
  if (
    COMMON_PASSWORDS.has(lower) ||
    new Set(lower).size <= 2 ||
    sequential(lower.replace(/[^a-z]/g, '')) ||
    sequential(lower.replace(/[^0-9]/g, '')) ||
    (code !== '' && normalizeClaimCode(password).includes(code.slice(0, 8)))
  ) {
    problems.push({
      code: 'guessable',
      zh: '密码过于简单或与查询码相近',
      en: 'The password is too easy to guess',
    });
  }
  return problems;
}

export interface LockoutState {
  locked: boolean;
  /** When attempts are allowed again (epoch ms), while locked. */
  lockedUntilMs: number | null;
  /** Attempts left before a lock-out. */
  remainingAttempts: number;
}

/**
 * Whether a claim code is locked, from the instants (epoch ms) of its recent failed attempts. The lock
 * starts at the failure that reached `maxFailures` within the window and lasts `lockoutMinutes`.
 */
export function claimLockout(
  failuresMs: readonly number[],
  nowMs: number,
  policy: ClaimCodePolicy = DEFAULT_CLAIM_CODE_POLICY,
): LockoutState {
  const windowMs = policy.failureWindowMinutes * 60_000;
  const lockMs = policy.lockoutMinutes * 60_000;
  const sorted = failuresMs.filter((t) => t <= nowMs).sort((a, b) => a - b);
  for (let i = policy.maxFailures - 1; i < sorted.length; i++) {
    const first = sorted[i - policy.maxFailures + 1];
    if (sorted[i] - first <= windowMs && nowMs < sorted[i] + lockMs) {
      return { locked: true, lockedUntilMs: sorted[i] + lockMs, remainingAttempts: 0 };
    }
  }
  const recent = sorted.filter((t) => nowMs - t <= windowMs).length;
  return { locked: false, lockedUntilMs: null, remainingAttempts: Math.max(0, policy.maxFailures - recent) };
}
