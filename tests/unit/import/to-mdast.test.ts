import { describe, expect, it } from 'vitest';
import { FN } from '../../../scripts/import/footnotes.ts';
import { phrasing, toMdast } from '../../../scripts/import/to-mdast.ts';
import type { Block } from '../../../scripts/import/types.ts';

const text = (value: string) => ({ type: 'text', value });
const link = (url: string, value: string) => ({ type: 'link', url, children: [text(value)] });

describe('to-mdast', () => {
  it('text stays as written: no escaping in the tree', () => {
    expect(phrasing('a {b} <c> *d* _e_ | f \\ g')).toEqual([text('a {b} <c> *d* _e_ | f \\ g')]);
  });

  it('bare URLs, www. addresses and e-mail addresses become links; trailing punctuation and CJK stay outside', () => {
    expect(phrasing('網站（http://www.irasia.com/listco/hk/alihealth/）或www.hkexnews.hk。E-mail alihealth_info@alibaba-inc.com.')).toEqual([
      text('網站（'), link('http://www.irasia.com/listco/hk/alihealth/', 'http://www.irasia.com/listco/hk/alihealth/'),
      text('）或'), link('http://www.hkexnews.hk', 'www.hkexnews.hk'),
      text('。E-mail '), link('mailto:alihealth_info@alibaba-inc.com', 'alihealth_info@alibaba-inc.com'), text('.'),
    ]);
    // the www. inside a URL is part of that URL, not a second link
    expect(phrasing('see https://www.jdh.com')).toEqual([text('see '), link('https://www.jdh.com', 'https://www.jdh.com')]);
  });

  it('footnote placeholders become footnoteReference nodes', () => {
    expect(phrasing(`FY2018${FN(1)} and 消耗量${FN(2)}。`)).toEqual([
      text('FY2018'), { type: 'footnoteReference', identifier: '1', label: '1' }, text(' and 消耗量'), { type: 'footnoteReference', identifier: '2', label: '2' }, text('。'),
    ]);
  });

  it('a table gets a header row (empty when none was printed), rows padded to the widest, bold group cells', () => {
    const tree = toMdast([{ kind: 'table', caption: 'Suppliers', rows: [['**Group**', ''], ['a', '1', 'x']], page: 2 }]);
    expect(tree.children[0]).toEqual({ type: 'paragraph', children: [{ type: 'strong', children: [text('Suppliers')] }] });
    const t = tree.children[1];
    expect(t.type).toBe('table');
    if (t.type !== 'table') return;
    expect(t.children.map((r) => r.children.length)).toEqual([3, 3, 3]);
    expect(t.children[0].children.every((c) => c.children.length === 0)).toBe(true);
    expect(t.children[1].children[0].children).toEqual([{ type: 'strong', children: [text('Group')] }]);
    expect(t.children[2].children.map((c) => c.children)).toEqual([[text('a')], [text('1')], [text('x')]]);
  });

  it('a box is an <aside class="box"> with its title as ### and its blocks; footnotes inside go to the end', () => {
    const blocks: Block[] = [
      { kind: 'box', title: 'Title', page: 1, blocks: [{ kind: 'para', text: 'x', page: 1 }, { kind: 'footnote', n: 1, text: 'note', page: 1 }] },
      { kind: 'para', text: 'after', page: 1 },
    ];
    expect(toMdast(blocks).children).toEqual([
      {
        type: 'mdxJsxFlowElement', name: 'aside', attributes: [{ type: 'mdxJsxAttribute', name: 'class', value: 'box' }],
        children: [{ type: 'heading', depth: 3, children: [text('Title')] }, { type: 'paragraph', children: [text('x')] }],
      },
      { type: 'paragraph', children: [text('after')] },
      { type: 'footnoteDefinition', identifier: '1', label: '1', children: [{ type: 'paragraph', children: [text('note')] }] },
    ]);
  });

  it('headings, quotes and lists map to their mdast nodes (lists tight)', () => {
    expect(toMdast([
      { kind: 'heading', level: 2, text: '01 Title', number: '01', page: 1 },
      { kind: 'quote', text: '「引言」', page: 1 },
      { kind: 'list', items: ['a', 'b'], page: 1 },
    ]).children).toEqual([
      { type: 'heading', depth: 2, children: [text('01 Title')] },
      { type: 'blockquote', children: [{ type: 'paragraph', children: [text('「引言」')] }] },
      { type: 'list', ordered: false, spread: false, children: ['a', 'b'].map((v) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(v)] }] })) },
    ]);
  });
});
