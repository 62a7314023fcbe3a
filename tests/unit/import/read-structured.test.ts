/**
 * read/structured.ts on HTML as mammoth writes it: the text lines and what each says (headings and
 * their unit level, whole blocks), footnotes placed after their first reference, captions, nested
 * lists, the Word contents as a list.
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { structuredText } from '../../../scripts/import/read/structured.ts';
import { FN } from '../../../scripts/import/footnotes.ts';

const read = (html: string) => structuredText(unified().use(rehypeParse, { fragment: true }).parse(html));
const lines = (html: string) => { const r = read(html); return r.text.replace(/\n$/, '').split('\n').map((t, i) => ({ t, d: r.lines[i] })); };

describe('structuredText', () => {
  it('one line per paragraph, item and row; a blank line between blocks; the block on its first line', () => {
    const ls = lines('<p>Intro <strong>bold</strong> text.</p><ul><li>one<ul><li>one a</li></ul></li><li>two</li></ul><table><thead><tr><th><p>Item</p></th><th><p>2024</p></th></tr></thead><tbody><tr><td><p>Water</p><p>(m³)</p></td><td><p>12</p></td></tr></tbody></table>');
    expect(ls.map((l) => l.t)).toEqual(['Intro bold text.', '', 'one', 'one a', 'two', '', 'Item\t2024', 'Water (m³)\t12']);
    expect(ls[2].d?.block).toEqual({ kind: 'list', items: ['one', 'one a', 'two'], ordered: false, depths: [0, 1, 0], page: 0 });
    expect(ls[3].d).toBeUndefined();
    expect(ls[6].d?.block).toEqual({ kind: 'table', header: ['Item', '2024'], rows: [['Water (m³)', '12']], page: 0 });
  });

  it('units from the top two heading levels without a contents, counted from the top heading; deeper ones are ## / ###', () => {
    const ls = lines('<h2>1 Environment</h2><p>a</p><h3>1.1 Emissions</h3><p>b</p><h4>Scope 1</h4><p>c</p><h5>Note</h5><p>d</p>');
    const heads = ls.filter((l) => l.d?.heading).map((l) => [l.t, l.d!.heading, l.d!.unit, (l.d!.block as any).level]);
    expect(heads).toEqual([['1 Environment', 1, true, 2], ['1.1 Emissions', 2, true, 2], ['Scope 1', 3, false, 2], ['Note', 4, false, 3]]);
  });

  it("the Word contents' depth decides which headings cut units, and is written as a list of its entries", () => {
    const ls = lines('<p class="toc1">About\t3</p><p class="toc1">Environment\t4</p><h1>About</h1><p>x</p><h2>Scope</h2><p>y</p>');
    expect(ls[0].d?.block).toEqual({ kind: 'list', items: ['About … 3', 'Environment … 4'], page: 0 });
    expect(ls.filter((l) => l.d?.unit).map((l) => l.t)).toEqual(['About']);
  });

  it('a footnote: digit glued in the line, reference in the block, definition right after the block', () => {
    const ls = lines('<p>Emissions fell<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> by 5%.</p><p>Next.</p><ol><li id="footnote-1"><p>Grid factor 0.57. <a href="#footnote-ref-1">↑</a></p></li></ol>');
    expect(ls.map((l) => l.t)).toEqual(['Emissions fell1 by 5%.', '', 'Grid factor 0.57.', '', 'Next.']);
    expect(ls[0].d?.block).toEqual({ kind: 'para', text: `Emissions fell${FN(1)} by 5%.`, page: 0 });
    expect(ls[2].d?.block).toEqual({ kind: 'footnote', n: 1, text: 'Grid factor 0.57.', page: 0 });
  });

  it('a bold line right above a table is its caption; pictures are blocks with their alt text or an empty line', () => {
    const ls = lines('<p><strong>Table 1: Energy</strong></p><table><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></table><p><img src="image:1" alt="Solar roof" /></p><p><img src="image:2" /></p>');
    expect(ls[0].d?.block).toEqual({ kind: 'table', caption: 'Table 1: Energy', header: ['A', '1'], rows: [['B', '2']], page: 0 });
    expect(ls.map((l) => l.t)).toEqual(['Table 1: Energy', 'A\t1', 'B\t2', '', 'Solar roof', '', '']);
    expect(ls[4].d).toEqual({ block: { kind: 'image', src: 'image:1', alt: 'Solar roof', page: 0 } });
    expect(ls[6].d).toEqual({ block: { kind: 'image', src: 'image:2', alt: '', page: 0 }, empty: true });
  });
});
