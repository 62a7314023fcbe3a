/**
 * Landmarks of a built page and their accessible names (`npm run check`, rule `unique-landmark`):
 * two landmarks of the same role and name read as two identical regions to a screen-reader user.
 * Roles follow HTML-AAM, which html-validate's own rule does not (it takes every `<aside>` for a
 * complementary landmark); names follow accname for the attributes the site uses
 * (`aria-labelledby` with one or more ids, `aria-label`, `title`). Pure over a parsed page (hast).
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';

/** ARIA landmark roles. */
export const LANDMARK_ROLES = ['banner', 'complementary', 'contentinfo', 'form', 'main', 'navigation', 'region', 'search'] as const;
export type LandmarkRole = (typeof LANDMARK_ROLES)[number];

export interface Landmark {
  role: LandmarkRole;
  /** Accessible name, whitespace collapsed ('' when none). */
  name: string;
  tag: string;
  line: number;
  column: number;
  /** Where it is, html-validate style: `#main > section > div`. */
  selector: string;
}

export interface DuplicateLandmark extends Landmark {
  /** The other landmarks of the same role and name (all others of the role when it has no name). */
  others: Landmark[];
}

const SECTIONING = new Set(['article', 'aside', 'nav', 'section']);
const SECTIONING_ROLES = new Set(['article', 'complementary', 'main', 'navigation', 'region']);

function attr(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  if (v === undefined || v === null || v === false) return undefined;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const isHidden = (el: Element) => (el.properties.hidden !== undefined && el.properties.hidden !== false) || attr(el, 'ariaHidden') === 'true';

/** Text an element contributes to a name (accname, content only): hidden descendants left out, `alt` of images. */
function textOf(node: ElementContent | Element, top = true): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (!top && isHidden(node)) return '';
  const label = attr(node, 'ariaLabel');
  if (!top && label && label.trim()) return ` ${label} `;
  if (node.tagName === 'img') return ` ${attr(node, 'alt') ?? ''} `;
  const inner = node.children.map((c) => textOf(c, false)).join('');
  // block-level children are separate words
  return /^(p|div|li|h[1-6]|br|td|th|tr|caption|dt|dd)$/.test(node.tagName) ? ` ${inner} ` : inner;
}

/** The explicit role: the first token of `role` (undefined for none). */
function explicitRole(el: Element): string | undefined {
  const role = attr(el, 'role');
  return role ? role.trim().split(/\s+/)[0] : undefined;
}

/**
 * Every landmark of a page, in document order, with its accessible name. Elements that are hidden
 * (`hidden`, `aria-hidden="true"`) are left out with their content.
 */
export function landmarksOf(tree: Root): Landmark[] {
  const ids = new Map<string, Element>();
  const collect = (node: Nodes) => {
    if (node.type === 'element') {
      const id = attr(node, 'id');
      if (id !== undefined && !ids.has(id)) ids.set(id, node);
      for (const c of node.children) collect(c);
    } else if (node.type === 'root') for (const c of node.children) collect(c);
  };
  collect(tree);

  const nameOf = (el: Element): string => {
    const refs = (attr(el, 'ariaLabelledBy') ?? '').split(/\s+/).flatMap((id) => (id && ids.has(id) ? [ids.get(id)!] : []));
    if (refs.length > 0) {
      const name = collapse(refs.map((r) => textOf(r)).join(' '));
      if (name) return name;
    }
    return collapse(attr(el, 'ariaLabel') ?? '') || collapse(attr(el, 'title') ?? '');
  };

  const out: Landmark[] = [];
  const walk = (node: Element, ancestors: Element[]) => {
    if (isHidden(node) || node.tagName === 'template') return;
    const role = roleOf(node, ancestors, nameOf);
    if (role) {
      const start = node.position?.start;
      out.push({ role, name: nameOf(node), tag: node.tagName, line: start?.line ?? 1, column: start?.column ?? 1, selector: selectorOf(node, ancestors) });
    }
    const next = [...ancestors, node];
    for (const c of node.children) if (c.type === 'element') walk(c, next);
  };
  for (const c of tree.children) if (c.type === 'element') walk(c, []);
  return out;
}

/** The landmark role of an element (HTML-AAM for implicit roles), or undefined. */
function roleOf(el: Element, ancestors: readonly Element[], nameOf: (el: Element) => string): LandmarkRole | undefined {
  const explicit = explicitRole(el);
  const named = () => nameOf(el) !== '';
  if (explicit) {
    if (!(LANDMARK_ROLES as readonly string[]).includes(explicit)) return undefined;
    // a region or form without a name is not a landmark (WAI-ARIA)
    if ((explicit === 'region' || explicit === 'form') && !named()) return undefined;
    return explicit as LandmarkRole;
  }
  const inSectioning = ancestors.some((a) => SECTIONING.has(a.tagName) || a.tagName === 'main' || SECTIONING_ROLES.has(explicitRole(a) ?? ''));
  switch (el.tagName) {
    case 'main':
      return 'main';
    case 'nav':
      return 'navigation';
    case 'search':
      return 'search';
    case 'header':
      return inSectioning ? undefined : 'banner';
    case 'footer':
      return inSectioning ? undefined : 'contentinfo';
    case 'aside': {
      // complementary when scoped to body or main, else only with a name (HTML-AAM): the nearest of
      // body, main and sectioning content decides
      const scope = [...ancestors].reverse().find((a) => a.tagName === 'body' || a.tagName === 'main' || SECTIONING.has(a.tagName));
      return !scope || scope.tagName === 'body' || scope.tagName === 'main' || named() ? 'complementary' : undefined;
    }
    case 'section':
      return named() ? 'region' : undefined;
    case 'form':
      return named() ? 'form' : undefined;
    default:
      return undefined;
  }
}

function selectorOf(el: Element, ancestors: readonly Element[]): string {
  const chain = [...ancestors, el];
  const parts: string[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const id = attr(chain[i]!, 'id');
    if (id !== undefined && /^[A-Za-z][\w-]*$/.test(id)) {
      parts.unshift(`#${id}`);
      break;
    }
    parts.unshift(chain[i]!.tagName);
  }
  return parts.join(' > ');
}

/**
 * Landmarks that another landmark of the same role on the page shares a name with, or that have
 * no name beside others of their role (a role that occurs once needs no name).
 */
export function duplicateLandmarks(tree: Root): DuplicateLandmark[] {
  const all = landmarksOf(tree);
  const out: DuplicateLandmark[] = [];
  for (const l of all) {
    const sameRole = all.filter((o) => o !== l && o.role === l.role);
    if (sameRole.length === 0) continue;
    const key = l.name.toLowerCase();
    const others = l.name === '' ? sameRole : sameRole.filter((o) => o.name.toLowerCase() === key);
    if (others.length > 0) out.push({ ...l, others });
  }
  return out;
}

/** The problem in words, as check prints it. */
export function describeDuplicate(d: DuplicateLandmark): string {
  const first = d.others[0]!;
  if (d.name === '') {
    return `<${d.tag}> is a ${d.role} landmark without an accessible name, beside ${d.others.length} other ${d.role} landmark${d.others.length > 1 ? 's' : ''} (${first.selector}): give each its own name (aria-labelledby or aria-label)`;
  }
  return `<${d.tag}> is a ${d.role} landmark named "${d.name}", like ${d.others.length} other${d.others.length > 1 ? 's' : ''} on the page (${first.selector}, line ${first.line} column ${first.column}): screen readers list them as identical regions. Give each its own name (aria-labelledby or aria-label), or drop the name of a wrapper that holds a single region`;
}
