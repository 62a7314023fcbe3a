/**
 * A structured document (HTML from a .docx reader) → the text the pipeline reads plus what the
 * document says about each line (`DocLine`: headings with their level, whole blocks).
 *
 * The text is what a reader of the document sees, one line per paragraph, list item or table row
 * (cells joined by a tab), blocks separated by a blank line. The furniture, outline, fidelity and
 * MDX stages then run on it as on any text; only the blocks are taken from the document, not guessed.
 *
 * Units: headings down to the depth of the document's own contents (its `toc N` paragraphs) cut
 * units, as the printed contents page does for a text; without a contents, the top two heading
 * levels (Heading 1 and 2, or 2 and 3 in a draft whose top heading is Heading 2).
 * Footnote definitions follow the first block that refers to them, so they land in its unit.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { FN } from '../footnotes.ts';
import { printedLine } from '../outline/contents-page.ts';
import type { Block, DocLine } from '../types.ts';

export interface StructuredSource {
  /** one line per paragraph, item or row (`\n` line ends, no control characters) */
  text: string;
  /** per line of `text` (0-based) */
  lines: (DocLine | undefined)[];
  /** picture bytes by the key image blocks carry (`image:1`) */
  assets: Map<string, { bytes: Uint8Array; ext: string }>;
}

/** headings at or above this level cut units when the document has no contents of its own */
const DEFAULT_UNIT_DEPTH = 2;

type Node = Root | RootContent | ElementContent;
const isEl = (n: Node, ...tags: string[]): n is Element => n.type === 'element' && (!tags.length || tags.includes(n.tagName));
const classes = (e: Element) => (Array.isArray(e.properties?.className) ? e.properties.className.map(String) : []);
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const lineOf = (s: string) => s.replace(CONTROL, '').replace(/[\s\u00a0]+/g, ' ').trim();
const blockOf = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'div']);

interface Inline { block: string; line: string; refs: number[]; images: { src: string; alt: string }[] }

function footnoteNumber(href: unknown): number | undefined {
  const m = /^#(foot|end)note-(\d+)$/.exec(String(href ?? ''));
  return m ? Number(m[2]) + (m[1] === 'end' ? 1000 : 0) : undefined;
}

/** The text of inline content: footnote references as placeholders (not in the line), `<br>` as a line break. */
function inline(nodes: ElementContent[], acc: Inline = { block: '', line: '', refs: [], images: [] }): Inline {
  for (const n of nodes) {
    if (n.type === 'text') { const t = n.value.replace(CONTROL, ' '); acc.block += t; acc.line += t; continue; }
    if (!isEl(n)) continue;
    if (n.tagName === 'br') { acc.block += '\n'; acc.line += ' '; continue; }
    if (n.tagName === 'img') { acc.images.push({ src: String(n.properties?.src ?? ''), alt: lineOf(String(n.properties?.alt ?? '')) }); continue; }
    if (n.tagName === 'a' && /^#(foot|end)note-ref-/.test(String(n.properties?.href ?? ''))) continue; // a definition's back link
    const ref = n.tagName === 'sup' ? n.children.find((c): c is Element => isEl(c, 'a') && footnoteNumber(c.properties?.href) !== undefined) : undefined;
    // the line prints the reference as a text extraction does (a digit glued to the word)
    if (ref) { const k = footnoteNumber(ref.properties?.href)!; acc.refs.push(k); acc.block += FN(k); acc.line += String(k); continue; }
    // paragraphs inside a cell or a footnote are kept apart by a space
    if (BLOCK_TAGS.has(n.tagName) && acc.line && !/\s$/.test(acc.line)) { acc.block += ' '; acc.line += ' '; }
    inline(n.children, acc);
  }
  return acc;
}

/** Text of an element, nested blocks flattened (a table cell's paragraphs, a footnote's). */
const flat = (e: Element) => lineOf(inline(e.children).line);

export function structuredText(tree: Root): StructuredSource {
  const out: { text: string; doc?: DocLine }[] = [];
  const notes = new Map<number, string>();
  const placed = new Set<number>();
  // the footnote lists mammoth writes at the end: `<ol><li id="footnote-1">…`
  for (const n of tree.children) {
    if (!isEl(n, 'ol')) continue;
    const items = n.children.filter((c): c is Element => isEl(c, 'li'));
    if (!items.length || !items.every((li) => /^(foot|end)note-\d+$/.test(String(li.properties?.id ?? '')))) continue;
    for (const li of items) notes.set(footnoteNumber('#' + li.properties!.id)!, blockOf(inline(li.children).block));
  }
  const tocLevels = [...collect(tree, (e) => classes(e).find((c) => /^toc\d$/.test(c)))].map((c) => Number(c.slice(3)));
  const depth = tocLevels.length ? Math.min(3, Math.max(...tocLevels)) : DEFAULT_UNIT_DEPTH;
  // levels count from the document's top heading (a draft may start at Heading 2)
  const top = Math.min(7, ...[...collect(tree, (e) => /^h([1-6])$/.exec(e.tagName)?.[1])].map(Number));

  const block = (lines: string[], doc: DocLine) => {
    if (out.length) out.push({ text: '' });
    lines.forEach((t, i) => out.push({ text: t, ...(i === 0 ? { doc } : {}) }));
  };
  const notesOf = (refs: number[]) => {
    for (const k of refs) {
      const text = notes.get(k);
      if (text === undefined || placed.has(k)) continue;
      placed.add(k);
      block([lineOf(text) || String(k)], { block: { kind: 'footnote', n: k, text, page: 0 } });
    }
  };
  const images = (imgs: Inline['images']) => {
    for (const im of imgs) block([im.alt], { block: { kind: 'image', src: im.src, alt: im.alt, page: 0 }, ...(im.alt ? {} : { empty: true }) });
  };
  const para = (e: Element) => {
    const t = inline(e.children);
    const line = lineOf(t.line);
    if (line) block([line], { block: { kind: 'para', text: blockOf(t.block), page: 0 } });
    images(t.images);
    notesOf(t.refs);
  };

  let caption: Element | undefined;
  const walk = (nodes: (RootContent | ElementContent)[]) => {
    for (let k = 0; k < nodes.length; k++) {
      const n = nodes[k];
      if (!isEl(n)) continue;
      const h = /^h([1-6])$/.exec(n.tagName);
      if (h) {
        const level = Number(h[1]) - top + 1;
        const t = inline(n.children);
        const line = lineOf(t.line);
        if (line) block([line], { heading: level, unit: level <= depth, block: { kind: 'heading', level: level <= depth + 1 ? 2 : 3, text: blockOf(t.block).replace(/\n/g, ' '), page: 0 } });
        images(t.images);
        notesOf(t.refs);
      } else if (n.tagName === 'p' && classes(n).some((c) => /^toc\d$/.test(c))) {
        // the document's contents, written as the list of its entries (`Title … 12`), as the text route does
        const run: Element[] = [];
        while (k < nodes.length && (isEl(nodes[k]) ? classes(nodes[k] as Element).some((c) => /^toc\d$/.test(c)) : (nodes[k] as any).type === 'text')) {
          if (isEl(nodes[k])) run.push(nodes[k] as Element);
          k++;
        }
        k--;
        const rows = run.map((e) => inline(e.children).line.replace(CONTROL, '').replace(/[ \u00a0]+/g, ' ').trim()).filter(Boolean);
        if (rows.length) block(rows, { block: { kind: 'list', items: rows.map((r) => printedLine(r)), page: 0 } });
      } else if (n.tagName === 'p' && isEl(nextElement(nodes, k) ?? n, 'table') && isCaption(n)) {
        caption = n; // written with the table below it
      } else if (n.tagName === 'p') para(n);
      else if (n.tagName === 'ul' || n.tagName === 'ol') {
        if (n.children.some((c) => isEl(c, 'li') && /^(foot|end)note-/.test(String(c.properties?.id ?? '')))) continue; // placed with their references
        const items: { line: string; block: string; depth: number }[] = [];
        const refs: number[] = [];
        const imgs: Inline['images'] = [];
        const listItems = (list: Element, depth: number) => {
          for (const li of list.children) {
            if (!isEl(li, 'li')) continue;
            const t = inline(li.children.filter((c) => !isEl(c, 'ul', 'ol')));
            refs.push(...t.refs);
            imgs.push(...t.images);
            if (lineOf(t.line)) items.push({ line: lineOf(t.line), block: blockOf(t.block).replace(/\n/g, ' '), depth });
            for (const sub of li.children) if (isEl(sub, 'ul', 'ol')) listItems(sub, depth + 1); // nested items follow their parent
          }
        };
        listItems(n, 0);
        const depths = items.some((x) => x.depth) ? { depths: items.map((x) => x.depth) } : {};
        if (items.length) block(items.map((x) => x.line), { block: { kind: 'list', items: items.map((x) => x.block), ordered: n.tagName === 'ol', ...depths, page: 0 } });
        images(imgs);
        notesOf(refs);
      } else if (n.tagName === 'table') {
        const rows = [...collect(n, (e) => (e.tagName === 'tr' ? e : undefined), 'table')];
        const cells = rows.map((tr) => tr.children.filter((c): c is Element => isEl(c, 'td', 'th')));
        const text = cells.map((r) => r.map((c) => lineOf(inline(c.children).line)));
        const body = cells.map((r) => r.map((c) => blockOf(inline(c.children).block).replace(/\n/g, ' ')));
        const refs = cells.flatMap((r) => r.flatMap((c) => inline(c.children).refs));
        const lines = text.map((r) => r.join('\t')).filter((l) => l.replace(/\t/g, '').trim());
        if (lines.length) {
          // a header row Word marks (thead), else the first row: a Word table's first row is its header
          const [header, ...rest] = body;
          const cap = caption && lineOf(inline(caption.children).line);
          block(cap ? [cap, ...lines] : lines, { block: { kind: 'table', ...(cap ? { caption: cap } : {}), header, rows: rest.filter((r) => r.some((c) => c)), page: 0 } });
        }
        caption = undefined;
        images(cells.flatMap((r) => r.flatMap((c) => inline(c.children).images)));
        notesOf(refs);
      } else walk(n.children);
    }
  };
  walk(tree.children);
  // definitions never referred to still belong to the document
  notesOf([...notes.keys()]);
  return { text: out.map((l) => l.text).join('\n') + '\n', lines: out.map((l) => l.doc), assets: new Map() };
}

/** The next element after index k (text nodes between are whitespace). */
function nextElement(nodes: (RootContent | ElementContent)[], k: number): Element | undefined {
  for (let j = k + 1; j < nodes.length; j++) if (isEl(nodes[j])) return nodes[j] as Element;
  return undefined;
}

/** A table's caption: a short paragraph set wholly in bold right above it. */
function isCaption(p: Element): boolean {
  const kids = p.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return kids.length === 1 && isEl(kids[0], 'strong') && lineOf(inline(p.children).line).length <= 120;
}

/** Elements below `root` that `pick` maps to a value, in document order (not inside a nested `stop` element). */
function* collect<T>(root: Root | Element, pick: (e: Element) => T | undefined, stop?: string): Generator<T> {
  for (const c of root.children) {
    if (!isEl(c)) continue;
    const v = pick(c);
    if (v !== undefined) yield v;
    if (stop && c.tagName === stop) continue;
    yield* collect(c, pick, stop);
  }
}
