/**
 * The text Pagefind indexes on a built page: the `data-pagefind-body` region minus
 * `data-pagefind-ignore` and the configured exclude selectors. Used by the indexer (script maps)
 * and by the tests (ground truth), so both read the same text. Works on a hast tree (rehype-parse).
 */
import type { Element, Root, RootContent } from 'hast';
import { EXCLUDE_SELECTORS } from './search-config.ts';

interface Compound {
  tag?: string;
  classes: string[];
  attrs: { name: string; op?: '=' | '^='; value?: string }[];
}

/** Parses the selector subset the exclude list uses: tag, .class, [a], [a="v"], [a^="v"], descendant. */
export function parseSelector(selector: string): Compound[] {
  return selector
    .trim()
    .split(/\s+(?![^[]*\])/)
    .map((part) => {
      const compound: Compound = { classes: [], attrs: [] };
      const re = /^([a-z][a-z0-9-]*)|\.([\w-]+)|\[([\w-]+)(?:(\^?=)"([^"]*)")?\]/gy;
      let m: RegExpExecArray | null;
      let consumed = 0;
      while ((m = re.exec(part)) !== null) {
        consumed = re.lastIndex;
        if (m[1]) compound.tag = m[1];
        else if (m[2]) compound.classes.push(m[2]);
        else if (m[3]) compound.attrs.push({ name: m[3], op: m[4] as '=' | '^=' | undefined, value: m[5] });
      }
      if (consumed !== part.length) throw new Error(`unsupported selector: ${selector}`);
      return compound;
    });
}

function attr(el: Element, name: string): string | undefined {
  const raw = el.properties[name === 'class' ? 'className' : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
  if (raw === undefined || raw === null || raw === false) return undefined;
  return Array.isArray(raw) ? raw.join(' ') : String(raw);
}

function matchesCompound(el: Element, c: Compound): boolean {
  if (c.tag && el.tagName !== c.tag) return false;
  const classes = (attr(el, 'class') ?? '').split(/\s+/);
  if (!c.classes.every((k) => classes.includes(k))) return false;
  return c.attrs.every(({ name, op, value }) => {
    const v = name.startsWith('data-') ? dataAttr(el, name) : attr(el, name);
    if (v === undefined) return false;
    if (op === '=') return v === value;
    if (op === '^=') return v.startsWith(value ?? '');
    return true;
  });
}

function dataAttr(el: Element, name: string): string | undefined {
  const key = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const raw = el.properties[key];
  if (raw === undefined || raw === null || raw === false) return undefined;
  return raw === true ? '' : Array.isArray(raw) ? raw.join(' ') : String(raw);
}

/** Whether `el` (with its ancestors, outermost first) matches `selector`. */
export function matches(el: Element, ancestors: Element[], selector: Compound[]): boolean {
  const last = selector[selector.length - 1]!;
  if (!matchesCompound(el, last)) return false;
  let i = selector.length - 2;
  for (let a = ancestors.length - 1; a >= 0 && i >= 0; a--) if (matchesCompound(ancestors[a]!, selector[i]!)) i--;
  return i < 0;
}

const EXCLUDED = [...EXCLUDE_SELECTORS.map(parseSelector), parseSelector('[data-pagefind-ignore]')];

/** Block elements: text on either side of them is not one word. */
const BLOCK = /^(p|div|li|ul|ol|h[1-6]|blockquote|aside|table|tr|td|th|thead|tbody|section|article|header|footer|figure|figcaption|dl|dt|dd|main|br|hr|pre)$/;

/**
 * Text chunks of the indexed region of a page, in document order; one chunk per text node.
 * Returns undefined when the page has no `data-pagefind-body`.
 */
export function indexedTextChunks(tree: Root): string[] | undefined {
  let found = false;
  const chunks: string[] = [];
  const walk = (node: Root | RootContent, ancestors: Element[], inBody: boolean) => {
    if (node.type === 'text') {
      if (inBody) chunks.push(node.value);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    let body = inBody;
    let next = ancestors;
    if (node.type === 'element') {
      if (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template') return;
      if (!body && dataAttr(node, 'data-pagefind-body') !== undefined) {
        body = true;
        found = true;
      }
      if (body && EXCLUDED.some((sel) => matches(node, ancestors, sel))) return;
      next = [...ancestors, node];
      if (body && BLOCK.test(node.tagName)) chunks.push('\n');
    }
    for (const child of node.children) walk(child, next, body);
    if (node.type === 'element' && body && BLOCK.test(node.tagName)) chunks.push('\n');
  };
  walk(tree, [], false);
  return found ? chunks : undefined;
}

/** The indexed text of a page as one string (blocks separated by newlines), or undefined. */
export function indexedText(tree: Root): string | undefined {
  const chunks = indexedTextChunks(tree);
  return chunks === undefined ? undefined : chunks.join('').replace(/[ \t]*\n\s*/g, '\n').trim();
}
