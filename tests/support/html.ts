// HTML helpers for the build suite: parse with rehype-parse (parse5, spec-compliant) and query the
// hast tree with small predicate helpers (no regular expressions over markup).
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { toString } from 'hast-util-to-string';
import type { Element, Nodes, Root } from 'hast';

export type { Element, Root };

const parser = unified().use(rehypeParse);

export function parseHtml(html: string): Root {
  return parser.parse(html) as Root;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as { type?: string }).type === 'element';
}

/** All elements in document order (including inside <template> content) that match `test`. */
export function findAll(tree: Nodes, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (node: Nodes) => {
    if (isElement(node)) {
      if (test(node)) out.push(node);
      if (node.content) walk(node.content);
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return out;
}

/** Ancestors of `target` from the root down (excluding `target`); empty if not found. */
export function ancestors(tree: Nodes, target: Element): Element[] {
  const stack: Element[] = [];
  const walk = (node: Nodes): boolean => {
    if (node === target) return true;
    if (isElement(node)) stack.push(node);
    if ('children' in node) for (const child of node.children) if (walk(child as Nodes)) return true;
    if (isElement(node)) stack.pop();
    return false;
  };
  return walk(tree) ? stack : [];
}

export function findFirst(tree: Nodes, test: (el: Element) => boolean): Element | undefined {
  return findAll(tree, test)[0];
}

/** An attribute as written in HTML (`class`, `data-code`, `hreflang`), as a string. */
export function attr(el: Element, name: string): string | undefined {
  const props = el.properties ?? {};
  const key = propertyName(name);
  const v = props[key];
  if (v === undefined || v === null || v === false) return undefined;
  if (Array.isArray(v)) return v.join(' ');
  if (v === true) return '';
  return String(v);
}

function propertyName(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'class') return 'className';
  if (lower === 'for') return 'htmlFor';
  if (lower === 'hreflang') return 'hrefLang';
  if (lower === 'srcset') return 'srcSet';
  if (lower === 'tabindex') return 'tabIndex';
  if (lower === 'http-equiv') return 'httpEquiv';
  if (lower.startsWith('data-')) {
    return 'data' + lower.slice(5).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()).replace(/^([a-z])/, (c) => c.toUpperCase());
  }
  if (lower.startsWith('aria-')) return 'aria' + lower[5].toUpperCase() + lower.slice(6).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  return lower;
}

export function hasAttr(el: Element, name: string): boolean {
  return attr(el, name) !== undefined;
}

export function hasClass(el: Element, cls: string): boolean {
  const c: unknown = el.properties?.className;
  if (Array.isArray(c)) return c.map(String).includes(cls);
  return typeof c === 'string' && c.split(/\s+/).includes(cls);
}

export const tag = (name: string) => (el: Element) => el.tagName === name;

export function text(node: Nodes): string {
  return toString(node);
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);

/**
 * Text a reader sees in the body, minus <script>, <style>, <template> and <noscript>, and minus any
 * subtree for which `skip(el)` is true. Inline elements are joined without separators (so phrases
 * stay intact); blocks end in a newline.
 */
export function visibleBodyText(tree: Root, skip: (el: Element) => boolean = () => false): string {
  const body = findFirst(tree, tag('body'));
  if (!body) return '';
  const parts: string[] = [];
  const hidden = new Set(['script', 'style', 'template', 'noscript']);
  const walk = (node: Nodes) => {
    if (node.type === 'text') parts.push(node.value);
    else if (isElement(node)) {
      if (hidden.has(node.tagName) || skip(node)) return;
      for (const c of node.children) walk(c as Nodes);
      if (BLOCK.has(node.tagName)) parts.push('\n');
    }
  };
  walk(body);
  return parts.join('');
}
