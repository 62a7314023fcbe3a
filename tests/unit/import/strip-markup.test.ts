import { describe, expect, it } from 'vitest';
import { stripMarkup, withoutMarkup } from '../../../scripts/import/strip-markup.ts';
import { toLines } from '../../../scripts/import/read-source.ts';

describe('markup left by the extraction', () => {
  it('removes list, paragraph and line-break tags, keeping their text', () => {
    expect(withoutMarkup('轉型風險\t<ul style="list-style-type: none"> 政策和法規 技術 市場')).toBe('轉型風險\t 政策和法規 技術 市場');
    expect(withoutMarkup('<p>We assess climate risk.</p> <ul><li>Heat</li><li>Floods</li></ul>')).toBe('We assess climate risk. Heat Floods');
    expect(withoutMarkup('Line one<br/>line two<BR>')).toBe('Line one line two');
  });
  it('leaves what only looks like markup: comparisons, autolinks, links, spacing', () => {
    for (const s of ['<=35', '<5% of revenue', 'see <https://www.alibabagroup.com/esg>', '<a href="x">site</a>', 'a  b', 'x < y > z']) expect(withoutMarkup(s)).toBe(s);
  });
  it('records one repair per changed line, with the tags as proof, and cleans table cells', () => {
    const lines = toLines('Physical risk\t<ul style="list-style-type: none"> Acute Chronic\t<p>Short term</p>\n<=35\t%\t\t75.8\nplain line');
    const repairs = stripMarkup(lines);
    expect(repairs.map((r) => [r.kind, r.line])).toEqual([['markup', 1]]);
    expect(repairs[0].proof).toContain('<ul style="list-style-type: none">');
    expect(lines[0].cells).toEqual(['Physical risk', 'Acute Chronic', 'Short term']);
    expect(lines[1].text).toBe('<=35 %  75.8');
  });
});
