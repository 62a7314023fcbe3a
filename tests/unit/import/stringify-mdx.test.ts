import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { FN } from '../../../scripts/import/footnotes.ts';
import { stringifyMdx } from '../../../scripts/import/stringify-mdx.ts';
import { toMdast } from '../../../scripts/import/to-mdast.ts';
import type { Block } from '../../../scripts/import/types.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { mdxSyntaxError } from '../../../src/lib/mdx-syntax.ts';
import { ROOT } from './helpers.ts';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const write = (blocks: Block[]) => stringifyMdx(toMdast(blocks));
const readBack = (mdx: string) => parser.runSync(parser.parse(mdx)) as Root;
const para = (text: string): Block => ({ kind: 'para', text, page: 1 });

// every ASCII punctuation character, and the constructs they open at a line start or inside text
const PUNCT = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
const HOSTILE = [
  '# not a heading', '## also not', '- not a list', '+ not a list', '* not a list', '1. not a list', '2) not a list',
  '> not a quote', '=== not a rule', '--- not a rule', '*** not a rule', '```not a fence', '~~~ not a fence',
  '<div> not JSX </aside>', '{x} not an expression', 'a {b} c <d> e', '&amp; stays text', '&#105; stays text',
  '[link](x) *em* _em_ **strong** `code` ~~strike~~', 'a | b', '[^1] not a footnote', '![img](x)',
  'snake_case_word and _edge_', 'back\\slash \\* already escaped', ':::not a directive', '$math$',
  'import x from "y"', 'export default 1', 'important is not ESM', 'exports are not ESM',
];

describe('stringify-mdx', () => {
  it('every ASCII punctuation character round-trips as text, alone and inside words', () => {
    const texts = PUNCT.flatMap((c) => [c, `${c}a`, `a${c}`, `a ${c} b`, `${c}${c}${c} x ${c}${c}`]);
    const tree = readBack(write(texts.map(para)));
    expect(tree.children.map((c) => c.type)).toEqual(texts.map(() => 'paragraph'));
    expect(tree.children.map((c) => toString(c))).toEqual(texts);
  });

  it('block starts, JSX, expressions and Markdown syntax in prose stay text in every block kind', () => {
    const blocks: Block[] = HOSTILE.flatMap((t): Block[] => [
      para(t),
      { kind: 'heading', level: 2, text: t, page: 1 },
      { kind: 'quote', text: t, page: 1 },
      { kind: 'list', items: [t, t], page: 1 },
    ]);
    const tree = readBack(write(blocks));
    expect(tree.children.map((c) => c.type)).toEqual(HOSTILE.flatMap(() => ['paragraph', 'heading', 'blockquote', 'list']));
    expect(tree.children.map((c) => toString(c))).toEqual(HOSTILE.flatMap((t) => [t, t, t, t + t]));
  });

  it('a paragraph starting with import/export is written as a paragraph, not ESM', () => {
    const mdx = write([para('import x from "y"'), para('export const a = {b};')]);
    expect(mdx).toBe('&#x69;mport x from "y"\n\n&#x65;xport const a = \\{b};\n');
    expect(readBack(mdx).children.map((c) => [c.type, toString(c)])).toEqual([['paragraph', 'import x from "y"'], ['paragraph', 'export const a = {b};']]);
    expect(mdxSyntaxError(mdx)).toBeUndefined();
  });

  it('`{`, `<`, `|` and line breaks in table cells stay inside their cell', () => {
    const rows = [['a | b', '{x}', '<y>'], ['1|2', 'c\nd', '**bold | group**']];
    const mdx = write([{ kind: 'table', caption: 'Caption {x} | y', header: ['h|1', 'h{2}', 'h<3>'], rows, page: 1 }]);
    expect(mdx).toContain('| h\\|1 | h\\{2} | h\\<3> |\n| - | - | - |\n| a \\| b | \\{x} | \\<y> |');
    const tree = readBack(mdx);
    const [cap, table] = tree.children;
    expect(cap.type === 'paragraph' && cap.children[0].type).toBe('strong');
    expect(toString(cap)).toBe('Caption {x} | y');
    expect(table.type).toBe('table');
    const cells = table.type === 'table' ? table.children.map((r) => r.children.map((c) => toString(c))) : [];
    // the paragraphs of one cell are kept apart by a line break element
    expect(cells).toEqual([['h|1', 'h{2}', 'h<3>'], ['a | b', '{x}', '<y>'], ['1|2', 'cd', 'bold | group']]);
    expect(mdx).toContain('| 1\\|2 | c<br />d |');
    expect(mdxSyntaxError(mdx)).toBeUndefined();
  });

  it('bare URLs are links that stop before the CJK text around them', () => {
    const text = '可在香港聯合交易所網站（www.hkexnews.hk）及本公司網站（https://www.example.com/a_b/?q=1）下載，電郵esg_team@example.com。';
    const mdx = write([para(text)]);
    expect(mdx).toBe('可在香港聯合交易所網站（[www.hkexnews.hk](http://www.hkexnews.hk)）及本公司網站（[https://www.example.com/a_b/?q=1](https://www.example.com/a_b/?q=1)）下載，電郵[esg_team@example.com](mailto:esg_team@example.com)。\n');
    const p = readBack(mdx).children[0];
    expect(toString(p)).toBe(text);
    expect(p.type === 'paragraph' && p.children.flatMap((c) => (c.type === 'link' ? [[c.url, toString(c)]] : []))).toEqual([
      ['http://www.hkexnews.hk', 'www.hkexnews.hk'],
      ['https://www.example.com/a_b/?q=1', 'https://www.example.com/a_b/?q=1'],
      ['mailto:esg_team@example.com', 'esg_team@example.com'],
    ]);
  });

  it('footnote placeholders become references and the definitions are written last', () => {
    const mdx = write([
      { kind: 'heading', level: 2, text: `能源消耗量${FN(1)}`, page: 3 },
      para(`FY2018${FN(2)} emissions`),
      { kind: 'footnote', n: 1, text: '包括 *直接* 能源。', page: 3 },
      { kind: 'footnote', n: 2, text: 'Scope 1 {and} 2.', page: 3 },
      para('After the notes.'),
    ]);
    expect(mdx).toBe('## 能源消耗量[^1]\n\nFY2018[^2] emissions\n\nAfter the notes.\n\n[^1]: 包括 \\*直接\\* 能源。\n\n[^2]: Scope 1 \\{and} 2.\n');
    const tree = readBack(mdx);
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'paragraph', 'paragraph', 'footnoteDefinition', 'footnoteDefinition']);
    expect(toString(tree.children[3])).toBe('包括 *直接* 能源。');
    expect(mdxSyntaxError(mdx)).toBeUndefined();
  });

  it('boxes are <aside class="box"> elements whose title and content read back as Markdown', () => {
    const mdx = write([{ kind: 'box', title: 'Box <title>', page: 1, blocks: [para('Text {x}.'), { kind: 'list', items: ['- a', 'b'], page: 1 }] }, para('after')]);
    expect(mdx).toBe('<aside class="box">\n  ### Box \\<title>\n\n  Text \\{x}.\n\n  - \\- a\n  - b\n</aside>\n\nafter\n');
    const [box, after] = readBack(mdx).children;
    expect(box.type).toBe('mdxJsxFlowElement');
    if (box.type !== 'mdxJsxFlowElement') return;
    expect(box.name).toBe('aside');
    expect(box.attributes).toMatchObject([{ name: 'class', value: 'box' }]);
    expect(box.children.map((c) => [c.type, toString(c)])).toEqual([['heading', 'Box <title>'], ['paragraph', 'Text {x}.'], ['list', '- ab']]);
    expect(toString(after)).toBe('after');
  });

  it('adjacent lists stay two lists (the second with another bullet)', () => {
    const mdx = write([{ kind: 'list', items: ['a', 'b'], page: 1 }, { kind: 'list', items: ['c'], page: 1 }]);
    expect(mdx).toBe('- a\n- b\n\n* c\n');
    expect(readBack(mdx).children.map((c) => c.type === 'list' && c.children.length)).toEqual([2, 1]);
  });

  it('every committed section of the bundled reports compiles as MDX', () => {
    const files = readdirSync(join(ROOT, 'content/reports'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const parts = splitFrontmatter(readFileSync(join(ROOT, 'content/reports', f), 'utf8'));
      expect(parts, f).toBeDefined();
      expect(mdxSyntaxError(parts!.body, parts!.bodyLine), f).toBeUndefined();
    }
  }, 120_000);
});
