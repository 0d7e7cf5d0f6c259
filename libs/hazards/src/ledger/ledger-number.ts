import { SHANGHAI_OFFSET_MS } from '@zhiben/calendar';

/**
 * 台账编号: `<district prefix>-<year>-<6-digit sequence>`, e.g. `JJ-2026-000123` for 江津区. The prefix is
 * the pinyin initials of the district's org-unit code (`jiangjin` → `JJ`); the sequence restarts every
 * (Asia/Shanghai) year and is drawn from `ledger_counters` in the registration transaction.
 */
export function formatCaseRef(prefix: string, year: number, seq: number): string {
  if (!/^[A-Z]{1,6}$/.test(prefix)) throw new RangeError(`bad ledger prefix ${prefix}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`bad ledger sequence ${seq}`);
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

export const CASE_REF_PATTERN = /^[A-Z]{1,6}-\d{4}-\d{6,}$/;

export function shanghaiYear(at: Date): number {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

const INITIALS = [
  'zh',
  'ch',
  'sh',
  'b',
  'p',
  'm',
  'f',
  'd',
  't',
  'n',
  'l',
  'g',
  'k',
  'h',
  'j',
  'q',
  'x',
  'r',
  'z',
  'c',
  's',
  'y',
  'w',
];
const FINALS = new Set(
  (
    'a o e i u v ai ei ao ou an en ang eng ong er ia ie iao iu ian in iang ing iong ' +
    'ua uo uai ui uan un uang ue ve'
  ).split(' '),
);

function isSyllable(s: string): boolean {
  const initial = INITIALS.find((i) => s.startsWith(i) && s.length > i.length);
  return FINALS.has(initial ? s.slice(initial.length) : s);
}

/**
 * Splits a toneless pinyin word into syllables, preferring splits whose syllables start with a consonant
 * (`banan` → ba·nan, not ban·an), then fewer syllables. Null when the word is not pinyin.
 */
export function splitPinyin(word: string): string[] | null {
  const best = new Map<number, { parts: string[]; cost: number } | null>();
  const solve = (at: number): { parts: string[]; cost: number } | null => {
    if (at === word.length) return { parts: [], cost: 0 };
    if (best.has(at)) return best.get(at)!;
    let result: { parts: string[]; cost: number } | null = null;
    for (let end = Math.min(word.length, at + 6); end > at; end--) {
      const syl = word.slice(at, end);
      if (!isSyllable(syl)) continue;
      const rest = solve(end);
      if (!rest) continue;
      const cost = rest.cost + 1 + (/^[aeiouv]/.test(syl) ? 100 : 0);
      if (!result || cost < result.cost) result = { parts: [syl, ...rest.parts], cost };
    }
    best.set(at, result);
    return result;
  };
  return solve(0)?.parts ?? null;
}

/** Ledger prefix for a district code (last dot segment, pinyin initials; letters of the code otherwise). */
export function ledgerPrefix(districtCode: string | null | undefined): string {
  const word = (districtCode ?? '')
    .split('.')
    .pop()!
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const parts = word ? splitPinyin(word) : null;
  if (parts && parts.length > 0)
    return parts
      .map((p) => p[0].toUpperCase())
      .join('')
      .slice(0, 6);
  return word ? word.slice(0, 2).toUpperCase() : 'ZB';
}
