/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015) check, duplicated from the directory
 * service on purpose: the console may not import server code, and the check is small and fixed.
 */

/** The 31 characters allowed, in value order (no I, O, S, V, Z). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
export const USCC_LENGTH = 18;

export type UsccProblem =
  | { kind: 'length'; length: number }
  | { kind: 'charset'; position: number; char: string }
  | { kind: 'checksum'; expected: string };

/** The check character for the first 17 characters: c = 31 − (Σ value × weight mod 31), with 31 → 0. */
export const usccCheckChar = (body17: string): string => {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i += 1) {
    sum += CHARSET.indexOf(body17[i]) * WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return CHARSET[check === 31 ? 0 : check];
};

/** Returns what is wrong with a code, or null when it is valid. Expects upper case. */
export const usccProblem = (code: string): UsccProblem | null => {
  if (code.length !== USCC_LENGTH) return { kind: 'length', length: code.length };
  for (let i = 0; i < code.length; i += 1) {
    if (!CHARSET.includes(code[i])) return { kind: 'charset', position: i + 1, char: code[i] };
  }
  const expected = usccCheckChar(code.slice(0, USCC_LENGTH - 1));
  return code[USCC_LENGTH - 1] === expected ? null : { kind: 'checksum', expected };
};

export const isValidUscc = (code: string): boolean => usccProblem(code) === null;

/**
 * react-admin validator: an i18n key with arguments, so the message follows the UI language
 * (`zhiben.validation.uscc.*` in zh-CN.ts and en.ts). Empty values are left to `required()`.
 */
export const validateUscc = (
  value: unknown,
): { message: string; args: Record<string, unknown> } | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  const problem = usccProblem(String(value).trim().toUpperCase());
  if (problem === null) return undefined;
  switch (problem.kind) {
    case 'length':
      return { message: 'zhiben.validation.uscc.length', args: { length: problem.length } };
    case 'charset':
      return {
        message: 'zhiben.validation.uscc.charset',
        args: { position: problem.position, char: problem.char },
      };
    case 'checksum':
      return { message: 'zhiben.validation.uscc.checksum', args: { expected: problem.expected } };
  }
};
