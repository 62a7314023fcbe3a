import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { escapeCell, escapeMdx } from '../../../scripts/import/escape-mdx.ts';
import { FN } from '../../../scripts/import/footnotes.ts';
import { LANGS, run } from './helpers.ts';

describe('escape-mdx', () => {
  it('escapes JSX and Markdown syntax in prose', () => {
    expect(escapeMdx('a {b} <c> d')).toBe('a \\{b\\} &lt;c&gt; d');
    expect(escapeMdx('# not a heading')).toBe('\\# not a heading');
    expect(escapeMdx('- not a list')).toBe('\\- not a list');
    expect(escapeMdx('1. not a list')).toBe('1\\. not a list');
    expect(escapeMdx('import x from y')).toBe('&#105;mport x from y');
    expect(escapeMdx('export default 1')).toBe('&#101;xport default 1');
    expect(escapeMdx('[link](x) *em* `code` a|b ~~s~~')).toBe('\\[link\\](x) \\*em\\* \\`code\\` a\\|b \\~\\~s\\~\\~');
    expect(escapeMdx('&amp; stays text')).toBe('&amp;amp; stays text');
    expect(escapeMdx('mail alihealth_info@alibaba-inc.com')).toBe('mail alihealth_info@alibaba-inc.com');
    expect(escapeMdx(`FY2018${FN(1)}`)).toBe('FY2018[^1]');
    expect(escapeMdx('（http://www.irasia.com/listco/hk/alihealth/）或')).toBe('（[http://www.irasia.com/listco/hk/alihealth/](http://www.irasia.com/listco/hk/alihealth/)）或');
  });
  it('hostile text compiles as MDX', async () => {
    const text = escapeMdx('import a from "b"; export const c = {d}; <div> </aside> {x} a < b > c $ \\ * _ #');
    await expect(compile(text, { remarkPlugins: [remarkGfm] })).resolves.toBeTruthy();
  });
  for (const lang of LANGS) {
    it(`${lang}: every generated section compiles with MDX + GFM`, async () => {
      for (const s of run(lang).sections) {
        const src = s.mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
        await expect(compile(src, { remarkPlugins: [remarkGfm] }), s.file).resolves.toBeTruthy();
        expect(src.match(/<aside class="box">/g)?.length ?? 0).toBe(src.match(/<\/aside>/g)?.length ?? 0);
      }
    });
  }
  it('a table cell keeps its paragraphs apart with <br />, escaping each', () => {
    expect(escapeCell('第一段 {a}\n第二段 | b')).toBe('第一段 \\{a\\}<br />第二段 \\| b');
    expect(escapeCell('one\n\n')).toBe('one');
  });
});
