/**
 * Stage: the importer's blocks → an mdast tree (GFM + MDX nodes), one handler per block kind.
 * Text goes into `text` nodes as it is: escaping is the serializer's job (stringify-mdx.ts).
 * Footnote placeholders (footnotes.ts `FN(n)`) become `footnoteReference` nodes, footnote blocks
 * `footnoteDefinition`s at the end, bare URLs and e-mail addresses `link` nodes (written
 * `[url](url)`: an autolink literal would swallow the CJK text after it), a table cell or row
 * label `**…**` a `strong` node, and boxes `<aside class="box">` elements.
 */
import type { BlockContent, FootnoteDefinition, Heading, ListItem, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
// (remark-mdx's types add the MDX nodes, `mdxJsxFlowElement`, to mdast's content types)
import type {} from 'remark-mdx';
import type { Block } from './types.ts';
import { ALT_TEXT_MARKER } from '../../src/lib/content-markers.ts';

type Of<K extends Block['kind']> = Extract<Block, { kind: K }>;

// http(s) URLs as the old escaper cut them; www. and e-mail addresses as GFM autolink literals do
const URL_RE = /https?:\/\/[A-Za-z0-9./_~%?=&#:+\-]*[A-Za-z0-9/_~#=+\-]/g;
const WWW_RE = /(?<![\w.@/-])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[A-Za-z0-9./_~%?=&#:+\-]*[A-Za-z0-9/_~#=+\-])?/g;
const MAIL_RE = /(?<![\w.+-])[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]*[A-Za-z0-9])+/g;
const FN_RE = /\u0000FN(\d+)\u0000/g;

interface Cut { start: number; end: number; node: PhrasingContent }

function cuts(text: string): Cut[] {
  const out: Cut[] = [];
  const add = (re: RegExp, node: (m: string) => PhrasingContent) => {
    for (const m of text.matchAll(re)) {
      const start = m.index!, end = start + m[0].length;
      if (!out.some((c) => start < c.end && c.start < end)) out.push({ start, end, node: node(m[0]) });
    }
  };
  add(FN_RE, (m) => { const n = m.slice(3, -1); return { type: 'footnoteReference', identifier: n, label: n }; });
  const link = (url: string, value: string): PhrasingContent => ({ type: 'link', url, children: [{ type: 'text', value }] });
  add(URL_RE, (m) => link(m, m));
  add(WWW_RE, (m) => link(`http://${m}`, m));
  add(MAIL_RE, (m) => link(`mailto:${m}`, m));
  return out.sort((a, b) => a.start - b.start);
}

/** Phrasing content of one run of text. */
export function phrasing(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  const push = (s: string) => { if (s) out.push({ type: 'text', value: s }); };
  for (const c of cuts(text)) {
    push(text.slice(last, c.start));
    out.push(c.node);
    last = c.end;
  }
  push(text.slice(last));
  return out;
}

/** A table cell or caption: `**…**` is a bold group label; the paragraphs of one cell are kept apart by `<br />`. */
function cellContent(text: string): PhrasingContent[] {
  const t = text.trim();
  const bold = /^\*\*(.+)\*\*$/s.exec(t);
  if (bold) return [{ type: 'strong', children: phrasing(bold[1].replace(/\s*\n\s*/g, ' ')) }];
  return t.split(/\s*\n\s*/).flatMap((p, i): PhrasingContent[] => (i ? [{ type: 'html', value: '<br />' }, ...phrasing(p)] : phrasing(p)));
}

const paragraph = (text: string): BlockContent => ({ type: 'paragraph', children: phrasing(text) });

function heading(b: Of<'heading'>): Heading {
  return { type: 'heading', depth: b.level, children: phrasing(b.text) };
}

function list(b: Of<'list'>): BlockContent {
  return nest(b.items.map((text, i) => ({ text, depth: b.depths?.[i] ?? 0 })), 0, !!b.ordered);
}

/** Items of one depth as a list; deeper items that follow an item become its sub-list (bulleted). */
function nest(items: { text: string; depth: number }[], depth: number, ordered: boolean): Extract<BlockContent, { type: 'list' }> {
  const children: ListItem[] = [];
  for (let i = 0; i < items.length; i++) {
    let j = i + 1;
    while (j < items.length && items[j].depth > depth) j++;
    const sub = items.slice(i + 1, j);
    children.push({ type: 'listItem', spread: false, children: [paragraph(items[i].text), ...(sub.length ? [nest(sub, depth + 1, false)] : [])] });
    i = j - 1;
  }
  return { type: 'list', ordered, ...(ordered ? { start: 1 } : {}), spread: false, children };
}

function quote(b: Of<'quote'>): BlockContent {
  return { type: 'blockquote', children: [paragraph(b.text)] };
}

/** A caption (bold paragraph) and a GFM table; a table without a printed header gets an empty header row. */
function table(b: Of<'table'>): RootContent[] {
  const ncols = Math.max(b.header?.length ?? 0, ...b.rows.map((r) => r.length));
  const row = (r: string[]): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: ncols }, (_, i) => ({ type: 'tableCell', children: cellContent(r[i] ?? '') })),
  });
  const t: RootContent = { type: 'table', children: [row(b.header ?? []), ...b.rows.map(row)] };
  return b.caption ? [{ type: 'paragraph', children: [{ type: 'strong', children: phrasing(b.caption) }] }, t] : [t];
}

function box(b: Of<'box'>, notes: FootnoteDefinition[]): Extract<RootContent, { type: 'mdxJsxFlowElement' }> {
  return {
    type: 'mdxJsxFlowElement', name: 'aside',
    attributes: [{ type: 'mdxJsxAttribute', name: 'class', value: 'box' }],
    children: [{ type: 'heading', depth: 3, children: phrasing(b.title) }, ...all(b.blocks, notes)] as BlockContent[],
  };
}

/** The image beside the section; without alt text, a comment asking for one (the image is then decorative until described). */
function image(b: Of<'image'>): RootContent[] {
  const img: RootContent = { type: 'paragraph', children: [{ type: 'image', url: b.src, alt: b.alt }] };
  if (b.alt) return [img];
  return [{ type: 'mdxFlowExpression', value: `/* ${ALT_TEXT_MARKER}: describe ${b.src} (the Word document gives none) */` }, img];
}

function footnote(b: Of<'footnote'>): FootnoteDefinition {
  return { type: 'footnoteDefinition', identifier: String(b.n), label: String(b.n), children: [paragraph(b.text)] };
}

function one(b: Block, notes: FootnoteDefinition[]): RootContent[] {
  switch (b.kind) {
    case 'heading': return [heading(b)];
    case 'para': return [paragraph(b.text)];
    case 'quote': return [quote(b)];
    case 'list': return [list(b)];
    case 'table': return table(b);
    case 'box': return [box(b, notes)];
    case 'image': return image(b);
    case 'footnote': notes.push(footnote(b)); return [];
  }
}

function all(blocks: Block[], notes: FootnoteDefinition[]): RootContent[] {
  return blocks.flatMap((b) => one(b, notes));
}

/** A section body as mdast; footnote definitions go last, in the order they were printed. */
export function toMdast(blocks: Block[]): Root {
  const notes: FootnoteDefinition[] = [];
  const children = all(blocks, notes);
  return { type: 'root', children: [...children, ...notes] };
}
