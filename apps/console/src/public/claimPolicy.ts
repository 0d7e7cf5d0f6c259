import { DEFAULT_CLAIM_CODE_POLICY, type ClaimCodePolicy } from '@zhiben/contracts';

/**
 * The claim code and password rules of `@zhiben/tipline-domain` (claim-code.ts), mirrored for the
 * browser: the console may import only the contracts (eslint module boundaries), so the pure checks are
 * repeated here and a spec holds them to the same vectors. The server checks everything again.
 */
export const CLAIM_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = CLAIM_CODE_ALPHABET.length;

/** A finding of the checks: a stable code; the page shows `zhiben.tipline.public.problems.<code>`. */
export type ClaimProblem = 'required' | 'format' | 'checksum' | 'length' | 'classes' | 'guessable';

/** Luhn mod 32 check character over the alphabet. */
export const claimCodeCheckChar = (data: string): string => {
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
};

/** Upper case, no spaces or dashes, O→0 and I/L→1 as Crockford reads them. */
export const normalizeClaimCode = (input: string): string =>
  input
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');

/** `7KQ2M9XD4TR8` → `7KQ2-M9XD-4TR8`. */
export const formatClaimCode = (code: string): string => (code.match(/.{1,4}/g) ?? []).join('-');

/** The typed code's problem (format, then check character), or null when it may be sent. */
export const claimCodeProblem = (
  input: string,
  policy: ClaimCodePolicy = DEFAULT_CLAIM_CODE_POLICY,
): ClaimProblem | null => {
  if (input.trim() === '') return 'required';
  const code = normalizeClaimCode(input);
  if (code.length !== policy.codeLength || [...code].some((c) => !CLAIM_CODE_ALPHABET.includes(c))) {
    return 'format';
  }
  return claimCodeCheckChar(code.slice(0, -1)) === code.slice(-1) ? null : 'checksum';
};

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

const sequential = (s: string): boolean => {
  if (s.length < 4) return false;
  const codes = [...s.toLowerCase()].map((c) => c.charCodeAt(0));
  const step = codes[1] - codes[0];
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
};

/** Problems of a new claim password (empty when acceptable), as `checkClaimPassword` finds them. */
export const claimPasswordProblems = (
  password: string,
  options: { code?: string | null; policy?: ClaimCodePolicy } = {},
): ClaimProblem[] => {
  const policy = options.policy ?? DEFAULT_CLAIM_CODE_POLICY;
  if (password.length === 0) return ['required'];
  const problems: ClaimProblem[] = [];
  const length = [...password].length;
  if (length < policy.passwordMinLength || length > policy.passwordMaxLength) problems.push('length');
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push('classes');
  const lower = password.toLowerCase();
  const code = options.code ? normalizeClaimCode(options.code) : '';
  if (
    COMMON_PASSWORDS.has(lower) ||
    new Set(lower).size <= 2 ||
    sequential(lower.replace(/[^a-z]/g, '')) ||
    sequential(lower.replace(/[^0-9]/g, '')) ||
    (code !== '' && normalizeClaimCode(password).includes(code.slice(0, 8)))
  ) {
    problems.push('guessable');
  }
  return problems;
};
