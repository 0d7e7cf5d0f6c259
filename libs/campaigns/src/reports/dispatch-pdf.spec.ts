import { aggregateReports, DISPATCH_FORM_2023 } from '@zhiben/campaigns-domain';
import { inflateSync } from 'node:zlib';
import { CJK_FONT_CANDIDATES, dispatchPdf, PdfFontMissingError, resolvePdfFont } from './dispatch-pdf';

/**
 * Reads the text back out of a PDF written by pdfkit: inflates its streams, builds the glyph → Unicode map
 * from the font's ToUnicode CMap, and decodes the hex strings of the text operators in page order.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      streams.push(inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1'));
    } catch {
      // not a Flate stream (or the font program itself): skip
    }
    re.lastIndex = end;
  }
  const map = new Map<string, string>();
  const hexToString = (hex: string) =>
    String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const s of streams.filter((s) => s.includes('begincmap'))) {
    for (const [, body] of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, dst] of body.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
        const targets = [...dst.matchAll(/<([0-9a-f]+)>/gi)].map((t) => hexToString(t[1]));
        for (let g = parseInt(lo, 16), i = 0; g <= parseInt(hi, 16); g++, i++) {
          map.set(g.toString(16).padStart(4, '0'), targets[i]);
        }
      }
    }
    for (const [, body] of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, src, dst] of body.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) {
        map.set(src.toLowerCase().padStart(4, '0'), hexToString(dst));
      }
    }
  }
  const pieces: string[] = [];
  for (const s of streams.filter((s) => /\bBT\b/.test(s))) {
    for (const [, arr] of s.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      for (const [, hex] of arr.matchAll(/<([0-9a-f]+)>/gi)) {
        pieces.push((hex.match(/.{4}/g) ?? []).map((g) => map.get(g.toLowerCase()) ?? '?').join(''));
      }
      pieces.push('\n');
    }
  }
  return pieces.join('');
}

describe('dispatch table PDF', () => {
  const font = (() => {
    try {
      return resolvePdfFont(process.env.PDF_FONT);
    } catch {
      return null;
    }
  })();

  it('finds a CJK font, or says exactly how to get one', () => {
    expect(() => resolvePdfFont(undefined, () => false)).toThrow(PdfFontMissingError);
    expect(() => resolvePdfFont(undefined, () => false)).toThrow(/apt-get install fonts-noto-cjk/);
    expect(() => resolvePdfFont('/nope/font.ttf', () => false)).toThrow(/\/nope\/font\.ttf/);
    expect(resolvePdfFont('/x/a.ttc#FamilyX', () => true)).toEqual({ path: '/x/a.ttc', family: 'FamilyX' });
    const second = CJK_FONT_CANDIDATES[1].path;
    expect(resolvePdfFont(undefined, (p) => p === second)).toEqual(CJK_FONT_CANDIDATES[1]);
    // CI installs fonts-noto-cjk (.ci/run); the rendering test below needs it.
    expect(font).not.toBeNull();
  });

  it('lays the form out like the seed: title, header, every section and row with its total, footnote', async () => {
    const tree = aggregateReports(
      DISPATCH_FORM_2023,
      [
        { code: 'd', parentCode: null, name: '江津区' },
        { code: 't1', parentCode: 'd', name: '贾嗣镇' },
        { code: 't2', parentCode: 'd', name: '白沙镇' },
        { code: 't3', parentCode: 'd', name: '石门镇' },
      ],
      [
        { unitCode: 't1', values: { G1: 3, G2: 1, E3b: 1.5 } },
        { unitCode: 't2', values: { G1: 2, G2: 2, E3b: 0.25 } },
      ],
      { rootCode: 'd', expected: ['t1', 't2', 't3'] },
    );
    const pdf = await dispatchPdf(
      DISPATCH_FORM_2023,
      tree,
      { unitName: '江津区', occurrenceKey: '2023-06', generatedOn: '2023-06-25' },
      font!,
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, '');
    const flat = (s: string) => s.replace(/\s+/g, '');
    expect(text).toContain(flat(DISPATCH_FORM_2023.titleZh));
    expect(text).toContain('填报单位：江津区（汇总）');
    expect(text).toContain('期次：2023-06');
    let at = 0;
    for (const section of DISPATCH_FORM_2023.sections) {
      const i = text.indexOf(flat(section.titleZh), at);
      expect(i).toBeGreaterThanOrEqual(at); // sections in the form's order
      at = i;
      for (const [l, r] of section.lines) {
        for (const cell of [l, r]) if (cell) expect(text).toContain(flat(cell.labelZh));
      }
    }
    // G1 = 3 + 2 right after its label; E3b sums decimals; the unit that did not report is named.
    const g1 = DISPATCH_FORM_2023.sections[0].lines[0][0]!;
    expect(text).toContain(`${flat(g1.labelZh)}5`);
    expect(text).toContain('1.75');
    expect(text).toContain('未报送单位：石门镇');
    expect(text).toContain(flat(DISPATCH_FORM_2023.footnoteZh).slice(0, 40));
  });
});
