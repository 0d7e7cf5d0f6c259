import { describe, expect, it } from '@jest/globals';
import {
  checkReportValues,
  checkRowValue,
  keptPrefilledRows,
  parseValue,
  reportChip,
  rowsBySection,
  splitServerErrors,
} from './reportForm';

const count = { id: 'G1', labelZh: '企业自查发现的重大事故隐患', labelEn: 'Self-found', unit: '个' as const };
const amount = { id: 'E3b', labelZh: '行政处罚', labelEn: 'Fines', unit: '万元' as const };
const yesNo = { id: 'L5', labelZh: '是否播放', labelEn: 'Broadcast', unit: '是否' as const };
const now = Date.parse('2023-06-26T00:00:00Z');

describe('report status chips', () => {
  it('reads 已报, 迟报, 逾期, 待签发 and 未到期', () => {
    expect(reportChip({ status: 'submitted', late: false, dueAt: '2023-06-25T00:00:00Z' }, now)).toBe(
      'reported',
    );
    expect(reportChip({ status: 'submittedLate', late: true, dueAt: '2023-06-25T00:00:00Z' }, now)).toBe(
      'reportedLate',
    );
    expect(reportChip({ status: 'open', late: false, dueAt: '2023-06-25T00:00:00Z' }, now)).toBe('overdue');
    expect(reportChip({ status: 'review', late: false, dueAt: '2023-07-25T00:00:00Z' }, now)).toBe(
      'inReview',
    );
    expect(reportChip({ status: 'open', late: false, dueAt: '2023-07-25T00:00:00Z' }, now)).toBe('notDue');
  });
});

describe('dispatch form values', () => {
  it('parses what the unit types', () => {
    expect(parseValue('', '个')).toBeNull();
    expect(parseValue(' 12 ', '个')).toBe(12);
    expect(parseValue('abc', '个')).toBeNaN();
    expect(parseValue('true', '是否')).toBe(true);
  });

  it('checks counts, amounts and yes/no like the contract', () => {
    expect(checkRowValue(count, -1, false)?.zh).toBe('不能为负数');
    expect(checkRowValue(count, 1.5, false)?.zh).toBe('须为整数');
    expect(checkRowValue(amount, 1.23456, false)?.en).toBe('At most 4 decimal places');
    expect(checkRowValue(amount, 0.1 + 0.2, false)).toBeNull();
    expect(checkRowValue(count, null, false)).toBeNull();
    expect(checkRowValue(count, null, true)?.zh).toBe('请填写“企业自查发现的重大事故隐患”（无则填 0）');
    expect(checkRowValue(yesNo, null, true)?.en).toBe('Answer "Broadcast" (yes or no)');
    expect(
      Object.keys(checkReportValues([count, amount, yesNo], { G1: 3, E3b: null, L5: false }, true)),
    ).toEqual(['E3b']);
  });

  it('keeps the rows still holding the pre-filled figure', () => {
    const rows = [
      { id: 'G1', prefilledValue: 4 },
      { id: 'G2', prefilledValue: 2 },
      { id: 'S1', prefilledValue: null },
    ];
    expect(keptPrefilledRows(rows, { G1: 4, G2: 3, S1: 0 })).toEqual(['G1']);
  });

  it('maps server row errors onto rows', () => {
    const ids = new Set(['G1', 'G2']);
    expect(
      splitServerErrors(
        { 'values.G2': 'G2 不能大于 G1', G1: '不能为负数', 'signature.signedBy': '不能为空', root: {} },
        ids,
      ),
    ).toEqual({
      rows: { G2: 'G2 不能大于 G1', G1: '不能为负数' },
      fields: { 'signature.signedBy': '不能为空' },
    });
  });

  it('groups rows by section in order', () => {
    const grouped = rowsBySection([
      { id: 'a', sectionId: 'overall' },
      { id: 'b', sectionId: 'enforcement' },
      { id: 'c', sectionId: 'overall' },
    ]);
    expect(grouped.map(([s, rows]) => [s, rows.map((r) => r.id)])).toEqual([
      ['overall', ['a', 'c']],
      ['enforcement', ['b']],
    ]);
  });
});
