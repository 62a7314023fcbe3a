/**
 * rehype plugin: convert the Chinese script of human-readable text in a hast tree.
 *
 * One job: it calls `convert` on text nodes and on the human-readable attributes (title, alt,
 * aria-label, placeholder, the content of <meta name="description"> / og:title / og:description /
 * twitter:title / twitter:description). It never touches href, src, id or any other attribute,
 * and skips code, pre, kbd, samp, script, style, template, elements with translate="no" or
 * class "no-convert" (and everything inside them). Setting <html lang> is not its job.
 * Works on fragments and on whole documents (the site runs it on every rendered /sc/ page).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';

export interface ConvertScriptOptions {
  /** The text converter, e.g. `createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary })`. */
  convert: (text: string) => string;
  /** Extra elements to leave alone (with their subtree), on top of the defaults. */
  skip?: (element: Element) => boolean;
}

/** Elements whose content is never converted. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'template', 'var']);
/** Class name that opts an element (and its subtree) out of conversion. */
export const NO_CONVERT_CLASS = 'no-convert';
/** hast property names of the attributes converted on any element. */
const TEXT_PROPS = ['title', 'alt', 'ariaLabel', 'placeholder'] as const;
/** <meta name|property> values whose content is converted. */
const META_KEYS = new Set(['description', 'og:title', 'og:description', 'twitter:title', 'twitter:description', 'og:image:alt', 'twitter:image:alt']);

function classList(el: Element): string[] {
  const c: unknown = el.properties?.className;
  if (Array.isArray(c)) return c.map(String);
  if (typeof c === 'string') return c.split(/\s+/);
  return [];
}

/** True when the element and its subtree must be left as they are. */
export function isSkipped(el: Element, extra?: (element: Element) => boolean): boolean {
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  const translate: unknown = el.properties?.translate;
  if (translate === 'no' || translate === false) return true;
  if (classList(el).includes(NO_CONVERT_CLASS)) return true;
  return extra ? extra(el) : false;
}

function convertAttributes(el: Element, convert: (t: string) => string): void {
  const props = el.properties;
  if (!props) return;
  for (const name of TEXT_PROPS) {
    const v = props[name];
    if (typeof v === 'string' && v) props[name] = convert(v);
  }
  if (el.tagName === 'meta' && typeof props.content === 'string') {
    const key = String(props.name ?? props.property ?? '').toLowerCase();
    if (META_KEYS.has(key)) props.content = convert(props.content);
  }
}

function walk(nodes: Array<RootContent | ElementContent>, options: ConvertScriptOptions): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      node.value = options.convert(node.value);
    } else if (node.type === 'element') {
      if (isSkipped(node, options.skip)) continue;
      convertAttributes(node, options.convert);
      walk(node.children, options);
    }
    // comments, doctype, raw and MDX nodes are left alone
  }
}

/** The rehype plugin. Usage: `unified().use(rehypeParse).use(rehypeConvertScript, { convert })`. */
export default function rehypeConvertScript(options: ConvertScriptOptions) {
  if (!options || typeof options.convert !== 'function') {
    throw new TypeError('rehype-convert-script: pass { convert: (text) => string }');
  }
  return (tree: Root): void => {
    walk(tree.children, options);
  };
}

/** Convert a transformed tree in place, without unified (for callers that already hold hast). */
export function convertTree(tree: Root, options: ConvertScriptOptions): Root {
  walk(tree.children, options);
  return tree;
}

/**
 * Parse HTML (a whole document when it starts with a doctype or <html>, otherwise a fragment),
 * convert it and serialise it again, deterministically (same input → same bytes).
 */
export function convertHtml(html: string, convert: (text: string) => string, skip?: (element: Element) => boolean): string {
  const isDocument = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html[\s>])/i.test(html);
  const file = unified()
    .use(rehypeParse, { fragment: !isDocument })
    .use(rehypeConvertScript, skip ? { convert, skip } : { convert })
    .use(rehypeStringify)
    .processSync(html);
  return String(file);
}
