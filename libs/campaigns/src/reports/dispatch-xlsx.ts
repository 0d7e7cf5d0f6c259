import type { AggregateNode } from '@zhiben/campaigns-domain';
import type { FormCell, FormDefinition } from '@zhiben/contracts';
import ExcelJS from 'exceljs';
import { missingUnitNames } from './dispatch-pdf';

/**
 * The aggregated dispatch table as .xlsx, laid out like the seed form (000:125-323): title, the
 * header line (unit and date), each section with its printed two-column grid (number, item, value ×2),
 * and the footnote. A second sheet lists every row with its code, unit, total and each reporting unit's
 * own figure (the drill-down), for re-use in other spreadsheets.
 */
export async function dispatchWorkbook(
  form: FormDefinition,
  tree: AggregateNode,
  meta: { unitName: string; occurrenceKey: string; generatedOn: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhiben 治本';
  const ws = wb.addWorksheet('调度表', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true },
  });
  ws.columns = [{ width: 6 }, { width: 44 }, { width: 14 }, { width: 6 }, { width: 44 }, { width: 14 }];
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };

  const title = ws.addRow([form.titleZh]);
  ws.mergeCells(title.number, 1, title.number, 6);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  title.height = 40;
  const header = ws.addRow([
    `填报单位：${meta.unitName}（汇总）`,
    null,
    null,
    `期次：${meta.occurrenceKey}    时间：${meta.generatedOn}`,
  ]);
  ws.mergeCells(header.number, 1, header.number, 3);
  ws.mergeCells(header.number, 4, header.number, 6);

  const rowsById = new Map(form.rows.map((r) => [r.id, r]));
  const value = (cell: FormCell | null): string | number | null => {
    if (!cell) return null;
    const vals = cell.rows.map((id) => {
      const v = tree.total[id] ?? 0;
      return rowsById.get(id)?.unit === '是否' ? `${v} 个单位“是”` : v;
    });
    return vals.length === 1 ? vals[0] : vals.join('；');
  };
  for (const section of form.sections) {
    const s = ws.addRow([section.titleZh]);
    ws.mergeCells(s.number, 1, s.number, 6);
    s.font = { bold: true };
    s.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    for (const [left, right] of section.lines) {
      const line = ws.addRow([
        left?.number ?? null,
        left?.labelZh ?? null,
        value(left),
        right?.number ?? null,
        right?.labelZh ?? null,
        value(right),
      ]);
      line.alignment = { vertical: 'middle', wrapText: true };
      for (let i = 1; i <= 6; i++) line.getCell(i).border = border;
    }
  }
  const foot = ws.addRow([form.footnoteZh]);
  ws.mergeCells(foot.number, 1, foot.number, 6);
  foot.alignment = { wrapText: true, vertical: 'top' };
  foot.height = 90;

  const data = wb.addWorksheet('数据');
  const reporting: AggregateNode[] = [];
  const walk = (n: AggregateNode) => {
    if (n.own) reporting.push(n);
    n.children.forEach(walk);
  };
  walk(tree);
  data.addRow(['代码', '序号', '项目', '单位', '合计', ...reporting.map((n) => n.name ?? n.code)]).font = {
    bold: true,
  };
  for (const row of form.rows) {
    data.addRow([
      row.id,
      row.number ?? '',
      row.labelZh,
      row.unit,
      tree.total[row.id] ?? 0,
      ...reporting.map((n) => n.own?.[row.id] ?? 0),
    ]);
  }
  data.addRow([]);
  data.addRow(['未报送单位', missingUnitNames(tree).join('、') || '无']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
