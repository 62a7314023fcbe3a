/**
 * Internal links and anchors of a built site (`npm run check`): every URL an HTML page references
 * (href, src, srcset, poster, action, data) resolves to a built file, and every `#fragment` to an
 * `id` (or `<a name>`) on its target page. Pure over page texts and the list of built files; the
 * mapping of a broken link back to the MDX line that wrote it is here too.
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { toString } from 'hast-util-to-string';
import type { Element, Nodes, Root } from 'hast';
import { parse as parseYaml } from 'yaml';
import { LOCALE_KEYS, editionFor, type ContentLang } from '../i18n/locales.ts';
import { url } from '../i18n/urls.ts';
import type { ContentFile } from './content-check.ts';
import { splitFrontmatter } from './frontmatter.ts';

/** One HTML file of a built site: its path inside the site (`en/x/index.html`) and text. */
export interface BuiltPage {
  file: string;
  html: string;
}

/** A URL-bearing attribute of an element, where the built file writes it. */
export interface LinkRef {
  /** Page that holds the reference (site-relative file). */
  page: string;
  tag: string;
  attr: string;
  /** The attribute value as written (one candidate of a srcset). */
  value: string;
  line: number;
  column: number;
  /** Text of the element (link text), for finding it in a source. */
  text: string;
  /** Inside the element holding a section's MDX body (`.prose`), rather than the page template. */
  inContent: boolean;
}

export interface BrokenLink extends LinkRef {
  /** `missing`: no built file at the path; `anchor`: the file exists but has no such id. */
  kind: 'missing' | 'anchor';
  /** The URL path it resolves to (`/en/x/`). */
  target: string;
  /** The decoded fragment, for `anchor`. */
  fragment?: string;
}

export interface LinkReport {
  pages: number;
  /** Internal references checked (to a file) and fragments checked (to an id). */
  links: number;
  anchors: number;
  /** References to /pagefind/ left unchecked because the site has no pagefind/ folder. */
  skippedPagefind: number;
  broken: BrokenLink[];
}

export interface LinkOptions {
  /** Class of the element that holds a section's MDX body. */
  contentClass?: string;
  /** Public origin of the site: absolute URLs on it are internal. Default: from the pages' canonical links. */
  origin?: string;
  /** The pages already parsed (`parsePage`), by file; the others are parsed here. */
  trees?: ReadonlyMap<string, Root>;
}

const parser = unified().use(rehypeParse);

export function parsePage(html: string): Root {
  return parser.parse(html) as Root;
}

/** Site-relative file → the URL path it is served at ('en/index.html' → '/en/'). */
export function fileToUrl(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * URL path → the built file a static host serves for it, or undefined. Directory format:
 * `/x/` → `x/index.html`; `/x` → the file `x`, else `x/index.html` (after the host's redirect).
 */
export function urlToFile(pathname: string, files: { has(file: string): boolean }): string | undefined {
  let p: string;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!p.startsWith('/') || p.split('/').includes('..')) return undefined;
  const rel = p.slice(1);
  const candidates = p.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
  return candidates.find((c) => files.has(c));
}

const URL_ATTRS: Record<string, string> = { href: 'href', src: 'src', srcSet: 'srcset', poster: 'poster', action: 'action' };

function classes(el: Element): string[] {
  const c: unknown = el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

/** Every URL-bearing attribute of a page, with its position and whether it is MDX content. */
export function refsOf(page: string, tree: Root, contentClass = 'prose'): LinkRef[] {
  const out: LinkRef[] = [];
  const walk = (node: Nodes, inContent: boolean) => {
    if (node.type === 'element') {
      const here = inContent || classes(node).includes(contentClass);
      const attrs: [string, string][] = [];
      for (const [prop, attr] of Object.entries(URL_ATTRS)) {
        const v = node.properties[prop];
        if (v === undefined || v === null || v === false) continue;
        if (prop === 'srcSet') {
          const list = Array.isArray(v) ? v.map(String) : String(v).split(',');
          for (const candidate of list) {
            const u = candidate.trim().split(/\s+/)[0];
            if (u) attrs.push([attr, u]);
          }
        } else attrs.push([attr, Array.isArray(v) ? v.join(' ') : String(v)]);
      }
      if (node.tagName === 'object' && typeof node.properties.data === 'string') attrs.push(['data', node.properties.data]);
      const start = node.position?.start;
      for (const [attr, value] of attrs) {
        out.push({ page, tag: node.tagName, attr, value, line: start?.line ?? 1, column: start?.column ?? 1, text: toString(node).trim(), inContent: here });
      }
      if (node.tagName === 'template' && node.content) walk(node.content, here);
      for (const child of node.children) walk(child, here);
    } else if (node.type === 'root') {
      for (const child of node.children) walk(child, inContent);
    }
  };
  walk(tree, false);
  return out;
}

/** Every fragment target of a page: `id` attributes and `<a name>`. */
export function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  const walk = (node: Nodes) => {
    if (node.type === 'element') {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      if (node.tagName === 'a' && typeof node.properties.name === 'string') ids.add(node.properties.name);
      if (node.tagName === 'template' && node.content) walk(node.content);
      for (const child of node.children) walk(child);
    } else if (node.type === 'root') {
      for (const child of node.children) walk(child);
    }
  };
  walk(tree);
  return ids;
}

/** The site's public origin, from the first `<link rel="canonical">` with an absolute URL. */
export function originOf(trees: Iterable<Root>): string | undefined {
  for (const tree of trees) {
    let found: string | undefined;
    const walk = (node: Nodes): void => {
      if (found) return;
      if (node.type === 'element') {
        const rel = node.properties.rel;
        const href = node.properties.href;
        if (node.tagName === 'link' && Array.isArray(rel) && rel.includes('canonical') && typeof href === 'string' && /^https?:\/\//i.test(href)) {
          found = new URL(href).origin;
          return;
        }
        for (const child of node.children) walk(child);
      } else if (node.type === 'root') for (const child of node.children) walk(child);
    };
    walk(tree);
    if (found) return found;
  }
  return undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BASE = 'http://site.invalid';

/** A reference as an internal URL (path + hash), or undefined when it leaves the site. */
export function internalUrl(pageUrl: string, value: string, origin?: string): URL | undefined {
  const v = value.trim();
  if (v === '' || v.startsWith('//')) return undefined;
  if (SCHEME.test(v)) {
    if (!origin || !/^https?:/i.test(v)) return undefined;
    const u = new URL(v);
    return u.origin === origin ? new URL(u.pathname + u.search + u.hash, BASE) : undefined;
  }
  return new URL(v, `${BASE}${pageUrl}`);
}

/** Checks every internal reference and fragment of `pages` against `files` (every built file). */
export function checkLinks(pages: readonly BuiltPage[], files: Iterable<string>, options: LinkOptions = {}): LinkReport {
  const fileSet = new Set(files);
  const trees = new Map(pages.map((p) => [p.file, options.trees?.get(p.file) ?? parsePage(p.html)]));
  const origin = options.origin ?? originOf(trees.values());
  const hasPagefind = [...fileSet].some((f) => f.startsWith('pagefind/'));
  const ids = new Map<string, Set<string>>();
  const idsFor = (file: string): Set<string> | undefined => {
    const tree = trees.get(file);
    if (!tree) return undefined;
    let set = ids.get(file);
    if (!set) ids.set(file, (set = idsOf(tree)));
    return set;
  };
  const report: LinkReport = { pages: pages.length, links: 0, anchors: 0, skippedPagefind: 0, broken: [] };
  for (const page of pages) {
    const pageUrl = fileToUrl(page.file);
    for (const ref of refsOf(page.file, trees.get(page.file)!, options.contentClass)) {
      const u = internalUrl(pageUrl, ref.value, origin);
      if (!u) continue;
      if (!hasPagefind && (u.pathname === '/pagefind/' || u.pathname.startsWith('/pagefind/'))) {
        report.skippedPagefind++;
        continue;
      }
      report.links++;
      const target = urlToFile(u.pathname, fileSet);
      if (!target) {
        report.broken.push({ ...ref, kind: 'missing', target: u.pathname });
        continue;
      }
      if (ref.attr !== 'href' || u.hash === '' || u.hash === '#') continue;
      let fragment: string;
      try {
        fragment = decodeURIComponent(u.hash.slice(1));
      } catch {
        fragment = u.hash.slice(1);
      }
      const targetIds = idsFor(target);
      if (!targetIds) continue; // not an HTML page (a CSV, an SVG): fragments are not ids there
      report.anchors++;
      if (fragment === 'top' || targetIds.has(fragment)) continue; // #top always scrolls to the top (HTML spec)
      report.broken.push({ ...ref, kind: 'anchor', target: u.pathname, fragment });
    }
  }
  return report;
}

/**
 * Which MDX file each section page is built from: URL path (`/en/alibaba-health/2018/p1-c1/`) →
 * content path. Mirrors the routes: a locale shows its authored edition, the converted one or the
 * fallback (`editionFor`), and a section page exists for every section id of that edition.
 */
export function sectionSources(files: readonly ContentFile[]): Map<string, string> {
  const languages = new Map<string, ContentLang[]>();
  const sections = new Map<string, { id: string; file: string }[]>();
  for (const { path, text } of files) {
    const norm = path.replaceAll('\\', '/');
    let m: RegExpExecArray | null;
    if ((m = /content\/reports\/([^/]+)\/([^/]+)\/report\.yaml$/.exec(norm))) {
      try {
        const data = parseYaml(text) as { languages?: ContentLang[] } | null;
        if (Array.isArray(data?.languages)) languages.set(`${m[1]}/${m[2]}`, data.languages);
      } catch {
        // a broken report.yaml is a source error, reported by checkContent
      }
    } else if ((m = /content\/reports\/([^/]+)\/([^/]+)\/(en|zh-Hant|zh-Hans)\/[^/]+\.mdx$/.exec(norm))) {
      const fm = splitFrontmatter(text);
      let id: unknown;
      try {
        id = fm && (parseYaml(fm.yaml) as { id?: unknown } | null)?.id;
      } catch {
        id = undefined;
      }
      if (typeof id !== 'string') continue;
      const key = `${m[1]}/${m[2]}/${m[3]}`;
      sections.set(key, [...(sections.get(key) ?? []), { id, file: path }]);
    }
  }
  const out = new Map<string, string>();
  for (const [key, langs] of languages) {
    const [issuer, year] = key.split('/') as [string, string];
    for (const locale of LOCALE_KEYS) {
      if (langs.length === 0) continue;
      const lang = editionFor(locale, langs).lang;
      for (const s of sections.get(`${key}/${lang}`) ?? []) out.set(url.section(locale, issuer, year, s.id), s.file);
    }
  }
  return out;
}

/**
 * The 1-based line of an MDX source where a reference is written: the line holding the URL as
 * written (the `occurrence`-th such line when the page repeats it), else the line holding the
 * link text (links generated from text, such as HKEX code mentions). Lines before `fromLine`
 * (the frontmatter) are not searched.
 */
export function lineInSource(source: string, ref: Pick<LinkRef, 'value' | 'text'>, occurrence = 0, fromLine = 1): number | undefined {
  const lines = source.split('\n');
  const find = (needle: string): number[] =>
    needle ? lines.flatMap((l, i) => (i + 1 >= fromLine && l.includes(needle) ? [i + 1] : [])) : [];
  const byUrl = find(ref.value);
  if (byUrl.length > 0) return byUrl[Math.min(occurrence, byUrl.length - 1)];
  const byText = find(ref.text);
  return byText[0];
}
