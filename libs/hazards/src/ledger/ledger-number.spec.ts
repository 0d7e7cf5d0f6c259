import { CASE_REF_PATTERN, formatCaseRef, ledgerPrefix, shanghaiYear, splitPinyin } from './ledger-number';

describe('ledger number (台账编号)', () => {
  it('formats prefix, year and a zero-padded sequence', () => {
    expect(formatCaseRef('JJ', 2026, 123)).toBe('JJ-2026-000123');
    expect(formatCaseRef('JJ', 2026, 1234567)).toBe('JJ-2026-1234567');
    expect(CASE_REF_PATTERN.test(formatCaseRef('TL', 2024, 1))).toBe(true);
    expect(() => formatCaseRef('jj', 2026, 1)).toThrow();
    expect(() => formatCaseRef('JJ', 2026, 0)).toThrow();
  });

  it('derives the prefix from the district code by pinyin initials', () => {
    expect(ledgerPrefix('jiangjin')).toBe('JJ');
    expect(ledgerPrefix('cq.tongliang')).toBe('TL');
    expect(ledgerPrefix('banan')).toBe('BN');
    expect(ledgerPrefix('jiulongpo')).toBe('JLP');
    expect(ledgerPrefix('changshou')).toBe('CS');
    expect(ledgerPrefix('x1')).toBe('X');
    expect(ledgerPrefix(null)).toBe('ZB');
  });

  it('splits pinyin preferring consonant-initial syllables', () => {
    expect(splitPinyin('jiangjin')).toEqual(['jiang', 'jin']);
    expect(splitPinyin('banan')).toEqual(['ba', 'nan']);
    expect(splitPinyin('qqq')).toBeNull();
  });

  it('takes the year in Asia/Shanghai', () => {
    expect(shanghaiYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(shanghaiYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
  });
});
