import { aggregateReports, DISPATCH_FORM_2023 } from '@zhiben/campaigns-domain';
import ExcelJS from 'exceljs';
import { dispatchWorkbook } from './dispatch-xlsx';

describe('dispatch table .xlsx', () => {
  it('lays the form out with title, sections, rows and footnote, and parses back', async () => {
    const tree = aggregateReports(
      DISPATCH_FORM_2023,
      [
        { code: 'd', parentCode: null, name: '江津区' },
        { code: 't1', parentCode: 'd', name: '贾嗣镇' },
        { code: 't2', parentCode: 'd', name: '白沙镇' },
      ],
      [
        { unitCode: 't1', values: { G1: 3, G2: 1, E3b: 1.5, L6: true } },
        { unitCode: 't2', values: { G1: 2, G2: 2, E3b: 0.25, L6: false } },
      ],
      { rootCode: 'd', expected: ['t1', 't2'] },
    );
    const buf = await dispatchWorkbook(DISPATCH_FORM_2023, tree, {
      unitName: '江津区',
      occurrenceKey: '2023-06',
      generatedOn: '2023-06-25',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as never);
    const sheet = wb.getWorksheet('调度表')!;
    expect(sheet.getCell('A1').value).toBe(DISPATCH_FORM_2023.titleZh);
    const texts: string[] = [];
    sheet.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    for (const s of DISPATCH_FORM_2023.sections) expect(texts).toContain(s.titleZh);
    for (const [left, right] of DISPATCH_FORM_2023.sections[0].lines) {
      if (left) expect(texts).toContain(left.labelZh);
      if (right) expect(texts).toContain(right.labelZh);
    }
    expect(texts).toContain(DISPATCH_FORM_2023.footnoteZh);
    const data = wb.getWorksheet('数据')!;
    const byCode = new Map<string, unknown[]>();
    data.eachRow((r) => byCode.set(String(r.getCell(1).value), (r.values as unknown[]).slice(1)));
    expect(byCode.get('G1')).toEqual(['G1', '1', '企业自查发现的重大事故隐患', '个', 5, 3, 2]);
    expect(byCode.get('E3b')?.[4]).toBe(1.75);
    expect(byCode.get('L6')?.[4]).toBe(1);
    expect(byCode.size).toBeGreaterThanOrEqual(DISPATCH_FORM_2023.rows.length + 1);
  });
});
