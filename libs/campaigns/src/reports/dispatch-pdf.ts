import type { AggregateNode } from '@zhiben/campaigns-domain';
import type { FormCell, FormDefinition } from '@zhiben/contracts';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/**
 * The aggregated dispatch table as a PDF laid out like the seed form (000:125-323), the same layout as
 * the .xlsx: title, the header line, each section's printed two-column grid (number, item, value ×2), the
 * footnote, then the units that have not reported. A4 portrait, ruled cells, rows that do not fit move to
 * the next page with the section title repeated.
 *
 * Chinese text needs a CJK font. PDF_FONT names one (a .ttf/.otf, or a .ttc collection as
 * `path#PostScriptName`); otherwise the usual Debian/Ubuntu locations are tried (fonts-noto-cjk,
 * fonts-wqy-zenhei, fonts-arphic-uming).
 */

/** Where a CJK font is found, in order, when PDF_FONT is not set. */
export const CJK_FONT_CANDIDATES: readonly { path: string; family?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'AR PL UMing CN' },
];

export interface PdfFont {
  path: string;
  family?: string;
}

export class PdfFontMissingError extends Error {
  constructor(tried: string[]) {
    super(
      `No CJK font for PDF export: set PDF_FONT to a .ttf/.otf (or path#PostScriptName for a .ttc), or ` +
        `install one (Debian/Ubuntu: apt-get install fonts-noto-cjk). Tried: ${tried.join(', ')}`,
    );
  }
}

/** The font for PDF export: PDF_FONT when set (it must exist), else the first candidate present. */
export function resolvePdfFont(setting: string | undefined, exists = existsSync): PdfFont {
  if (setting) {
    const [path, family] = setting.split('#');
    if (!exists(path)) throw new PdfFontMissingError([path]);
    return family ? { path, family } : { path };
  }
  const found = CJK_FONT_CANDIDATES.find((c) => exists(c.path));
  if (!found) throw new PdfFontMissingError(CJK_FONT_CANDIDATES.map((c) => c.path));
  return found;
}

const A4_MARGIN = 40;
const COLS = [28, 170, 59.6, 28, 170, 59.6]; // points; the sum is the printable width of A4 (515.2)
const PAD = 3;
const FONT_SIZE = 8.5;

/** The names of the units that have not reported (their codes where the tree has no name). */
export function missingUnitNames(tree: AggregateNode): string[] {
  const names = new Map<string, string>();
  const walk = (n: AggregateNode) => {
    if (n.name) names.set(n.code, n.name);
    n.children.forEach(walk);
  };
  walk(tree);
  return tree.missing.map((code) => names.get(code) ?? code);
}

export async function dispatchPdf(
  form: FormDefinition,
  tree: AggregateNode,
  meta: { unitName: string; occurrenceKey: string; generatedOn: string },
  font: PdfFont,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: A4_MARGIN,
    info: { Title: `${form.titleZh} ${meta.unitName} ${meta.occurrenceKey}`, Creator: 'Zhiben 治本' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (font.family) doc.registerFont('cjk', font.path, font.family);
  else doc.registerFont('cjk', font.path);
  doc.font('cjk');

  const left = A4_MARGIN;
  const width = COLS.reduce((a, b) => a + b, 0);
  const bottom = doc.page.height - A4_MARGIN;
  const rowsById = new Map(form.rows.map((r) => [r.id, r]));
  const value = (cell: FormCell | null): string => {
    if (!cell) return '';
    const vals = cell.rows.map((id) => {
      const v = tree.total[id] ?? 0;
      return rowsById.get(id)?.unit === '是否' ? `${v} 个单位“是”` : String(v);
    });
    return vals.join('；');
  };

  let y = A4_MARGIN;
  doc.fontSize(15).text(form.titleZh, left, y, { width, align: 'center' });
  y = doc.y + 8;
  doc.fontSize(FONT_SIZE + 1);
  doc.text(`填报单位：${meta.unitName}（汇总）`, left, y, { width: width / 2 });
  doc.text(`期次：${meta.occurrenceKey}    时间：${meta.generatedOn}`, left + width / 2, y, {
    width: width / 2,
    align: 'right',
  });
  y = doc.y + 6;
  doc.fontSize(FONT_SIZE);

  const cellHeight = (text: string, w: number) =>
    text ? doc.heightOfString(text, { width: w - 2 * PAD }) + 2 * PAD : FONT_SIZE + 2 * PAD;
  const drawBand = (text: string, fill: string) => {
    const h = cellHeight(text, width);
    doc.rect(left, y, width, h).fillAndStroke(fill, '#000');
    doc.fillColor('#000').text(text, left + PAD, y + PAD, { width: width - 2 * PAD });
    y += h;
  };
  const newPageIfNeeded = (h: number, sectionTitle: string) => {
    if (y + h <= bottom) return;
    doc.addPage();
    y = A4_MARGIN;
    drawBand(`${sectionTitle}（续）`, '#efefef');
  };

  doc.lineWidth(0.5);
  for (const section of form.sections) {
    if (y + 3 * (FONT_SIZE + 2 * PAD) > bottom) {
      doc.addPage();
      y = A4_MARGIN;
    }
    drawBand(section.titleZh, '#efefef');
    for (const [l, r] of section.lines) {
      const texts = [
        l?.number ?? '',
        l?.labelZh ?? '',
        value(l),
        r?.number ?? '',
        r?.labelZh ?? '',
        value(r),
      ].map(String);
      const h = Math.max(...texts.map((t, i) => cellHeight(t, COLS[i])));
      newPageIfNeeded(h, section.titleZh);
      let x = left;
      texts.forEach((t, i) => {
        doc.rect(x, y, COLS[i], h).stroke();
        if (t) {
          doc.text(t, x + PAD, y + PAD, {
            width: COLS[i] - 2 * PAD,
            align: i === 2 || i === 5 ? 'right' : i === 0 || i === 3 ? 'center' : 'left',
          });
        }
        x += COLS[i];
      });
      y += h;
    }
  }
  const tail = [form.footnoteZh, `未报送单位：${missingUnitNames(tree).join('、') || '无'}`];
  for (const text of tail) {
    const h = doc.heightOfString(text, { width }) + 8;
    if (y + h > bottom) {
      doc.addPage();
      y = A4_MARGIN;
    }
    doc.text(text, left, y + 6, { width });
    y = doc.y;
  }
  doc.end();
  return done;
}
