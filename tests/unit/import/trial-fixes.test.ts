/**
 * The general fixes found by issue 14's acceptance trial (tests/fixtures/import/trial/), each on a
 * small fixture of its own that fails without the fix:
 * - PDF: a band line holding the report's name and a chapter name in two cells is a running header
 *   (the name recurs, the line does not);
 * - PDF: a table column whose cells are aligned differently (`persons` left, `%` right) is one column;
 * - PDF: a short bold line a little larger than the body (12 pt bold over 10.5 pt) is a heading;
 *   a pull quote set large is not;
 * - Word: headings set only by bold, larger type become headings;
 * - Word: a table under a bold heading (read as its caption) stays when the heading is a unit title.
 */
import { describe, expect, it } from 'vitest';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { findFurniture, tableColumns, rowCells } from '../../../scripts/import/read/pdf-layout.ts';
import type { PdfLine, PdfPage } from '../../../scripts/import/read/pdf.ts';
import { typesetHeading } from '../../../scripts/import/type-size.ts';
import { readDocx } from '../../../scripts/import/read/docx.ts';
import { docBlocks } from '../../../scripts/import/doc-blocks.ts';
import { runPipeline } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import type { Line } from '../../../scripts/import/types.ts';

const cell = (text: string, x: number, right = x + text.length * 5) => ({ text, x, right });
function line(page: number, y: number, cells: { text: string; x: number; right: number }[], size = 8): PdfLine {
  return { page, y, size, bold: false, x: cells[0].x, right: cells[cells.length - 1].right, text: cells.map((c) => c.text).join(' '), cells };
}
const page = (number: number, lines: PdfLine[]): PdfPage => ({ number, width: 595, height: 842, lines });

describe('PDF running header: the report name and the chapter name on one line', () => {
  const chapters = ['Message from the CEO', 'Our Approach', 'Environment', 'Community'];
  const pages = chapters.map((ch, k) => page(k + 1, [
    line(k + 1, 815, [cell('Harbourland Properties Holdings Limited', 68), cell(ch, 450)]),
    line(k + 1, 700, [cell(`Body text of page ${k + 1} about ${ch.toLowerCase()}.`, 68)], 9),
  ]));

  it('is furniture although the whole line occurs once (a cell of it recurs in the band)', () => {
    const { kind } = findFurniture(pages);
    for (const p of pages) {
      expect(kind.get(p.lines[0])).toBe('running header');
      expect(kind.has(p.lines[1])).toBe(false);
    }
  });

  it('a line of one cell that occurs once is not', () => {
    const single = chapters.map((ch, k) => page(k + 1, [line(k + 1, 815, [cell(`${ch} at the top`, 68)])]));
    expect(findFurniture(single).kind.size).toBe(0);
  });
});

describe('PDF table columns: one column whose cells are aligned differently', () => {
  // Unit column: `persons` set at its left edge, `%` at its right edge (x 200–260)
  const rows = [
    line(1, 500, [cell('Indicator', 60), cell('Unit', 200), cell('2024', 300), cell('2023', 360)]),
    line(1, 485, [cell('Total employees', 60), cell('persons', 200, 235), cell('2,846', 300), cell('2,771', 360)]),
    line(1, 470, [cell('Female employees', 60), cell('%', 254, 260), cell('43.2', 300), cell('42.8', 360)]),
    line(1, 455, [cell('Turnover rate', 60), cell('%', 254, 260), cell('11.4', 300), cell('12.9', 360)]),
  ];
  it('keeps the printed four columns (the unit cells in one)', () => {
    const cols = tableColumns(rows);
    expect(cols).toHaveLength(4);
    expect(rows.map((r) => rowCells(r, cols))).toEqual([
      ['Indicator', 'Unit', '2024', '2023'],
      ['Total employees', 'persons', '2,846', '2,771'],
      ['Female employees', '%', '43.2', '42.8'],
      ['Turnover rate', '%', '11.4', '12.9'],
    ]);
  });
  it('columns that a row fills both of stay apart', () => {
    const full = [...rows, line(1, 440, [cell('Lost days', 60), cell('days', 200, 220), cell('x', 250, 258), cell('612', 300), cell('745', 360)])];
    expect(tableColumns(full)).toHaveLength(5);
  });
});

describe('PDF heading evidence: weight', () => {
  const l = (size: number, bold: boolean, text = '(一) 排放物'): Line => ({ text, size, bold } as Line);
  it('a short bold line 1.1× the body size is a heading; the same size in regular weight is not', () => {
    expect(typesetHeading(l(12, true), 10.5)).toBe(true);
    expect(typesetHeading(l(11, true), 10)).toBe(true);
    expect(typesetHeading(l(12, false), 10.5)).toBe(false);
    expect(typesetHeading(l(10.5, true), 10.5)).toBe(false); // bold at the body size: a lead-in, a caption
    expect(typesetHeading(l(13, false), 10.5)).toBe(true);
  });
  it('a pull quote set large is no heading; a heading quoting a name is', () => {
    expect(typesetHeading(l(13, false, '“We build for the people who will live and work in our buildings'), 9)).toBe(false);
    expect(typesetHeading(l(13, false, 'long after we hand over the keys.”'), 9)).toBe(false);
    expect(typesetHeading(l(13, false, '「點亮社區」'), 9)).toBe(false);
    expect(typesetHeading(l(12, true, '「暖心電力」計劃'), 10.5)).toBe(true);
    expect(typesetHeading(l(13, false, 'The “Green Lease” Programme'), 9)).toBe(true);
  });
});

/** A small Word draft: headings only by bold, larger type (no heading style), a contents typed as paragraphs. */
async function formattedDraft(): Promise<Uint8Array> {
  const big = (text: string, size: number) => new Paragraph({ children: [new TextRun({ text, bold: true, size })] });
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const table = new Table({ rows: [['層面', '章節'], ['A1 一般披露', '二、環境'], ['B1 一般披露', '三、社會']].map((r, i) => new TableRow({ tableHeader: i === 0, children: r.map((c) => new TableCell({ children: [p(c)] })) })) });
  const doc = new Document({
    styles: { default: { document: { run: { size: 21 } } } },
    sections: [{
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '嶺南水務控股有限公司', bold: true, size: 24 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '2024 環境、社會及管治報告', size: 24 })] }),
        big('一、環境', 36),
        p('本集團之環境管理體系已取得ISO 14001認證，涵蓋全部水廠及泵房。'),
        big('(一) 排放物', 26),
        p('本集團之水廠以電力驅動水泵，溫室氣體排放主要來自外購電力。年內排放量較上年下降百分之六。'),
        big('(二) 資源使用', 26),
        p('本集團以再造水清洗濾池，年內節省食水約十二萬立方米，並持續檢測管網漏損。'),
        big('二、社會', 36),
        p('本集團重視員工之健康、安全及發展，並與社區保持緊密聯繫。'),
        big('(一) 僱傭', 26),
        p('於年底本集團共有員工八百二十人，女性員工佔百分之二十九，流失率為百分之五點一。'),
        big('三、內容索引', 36),
        table,
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('Word: headings set by direct formatting', () => {
  it('bold, larger paragraphs followed by text become Heading 1/2 by size; the bold cover line does not', async () => {
    const src = await readDocx(await formattedDraft(), 'draft.docx');
    const lines = src.text.split('\n');
    const heads = src.lines.flatMap((d, i) => (d?.heading ? [[d.heading, lines[i]]] : []));
    expect(heads).toEqual([[1, '一、環境'], [2, '(一) 排放物'], [2, '(二) 資源使用'], [1, '二、社會'], [2, '(一) 僱傭'], [1, '三、內容索引']]);
  });

  it('a draft that uses heading styles is left as it is', async () => {
    const { HeadingLevel } = await import('docx');
    const doc = new Document({ sections: [{ children: [
      new Paragraph({ text: 'Environment', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun({ text: 'Bold large line', bold: true, size: 40 })] }),
      new Paragraph('Running text follows the bold line here, as a sentence.'),
      new Paragraph({ children: [new TextRun({ text: 'Another bold line', bold: true, size: 40 })] }),
      new Paragraph('More running text follows it, as another sentence.'),
    ] }] });
    const src = await readDocx(new Uint8Array(await Packer.toBuffer(doc)), 'styled.docx');
    expect(src.lines.filter((d) => d?.heading)).toHaveLength(1);
  });

  it('the imported draft: units from the headings, the index table kept under its bold heading', async () => {
    const src = await readDocx(await formattedDraft(), 'draft.docx');
    const r = runPipeline(Buffer.from(src.text), 'zh-Hant', parseOverrides('', '(none)'), 'draft.docx', { structure: src.lines });
    expect(r.outline.source).toBe('document headings');
    expect(r.fidelity.missing).toEqual([]);
    expect(r.fidelity.fidelity).toBe(1);
    const last = r.sections[r.sections.length - 1];
    expect(last.title).toBe('內容索引');
    expect(last.mdx).toContain('| A1 一般披露 | 二、環境 |');
  });
});

describe('Word: a table whose caption line is a unit title', () => {
  it('keeps the table without the caption', () => {
    const block = { kind: 'table' as const, caption: '四、內容索引', header: ['層面', '章節'], rows: [['A1', '二、環境']], page: 0 };
    const lines = [
      { text: '', n: 1, page: 9, doc: { block } },
      { text: '層面\t章節', n: 2, page: 9 },
      { text: 'A1\t二、環境', n: 3, page: 9 },
    ] as unknown as Line[];
    expect(docBlocks(lines)).toEqual([{ kind: 'table', header: ['層面', '章節'], rows: [['A1', '二、環境']], page: 9 }]);
  });
});
