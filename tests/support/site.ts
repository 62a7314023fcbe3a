// Reads a built site (dist/) from disk: file list, URL ↔ file mapping, parsed pages, hashes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { attr, findAll, parseHtml } from './html.ts';
import type { Root } from './html.ts';
import { fileToUrl, urlToFile } from '../../src/lib/site-links.ts';

/** All files under `dir`, as POSIX paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else if (entry.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/**
 * URL path → dist-relative file it would be served from, or undefined: the rule of
 * `npm run check` (urlToFile, src/lib/site-links.ts), asked of the files on disk.
 */
export function resolveUrlPath(dist: string, urlPath: string): string | undefined {
  const root = path.resolve(dist);
  return urlToFile(urlPath, {
    has: (file) => {
      const full = path.join(root, file);
      return full.startsWith(root) && existsSync(full) && statSync(full).isFile();
    },
  });
}

export interface Page {
  /** dist-relative file, e.g. 'en/alibaba-health/2018/index.html' */
  file: string;
  /** URL path, e.g. '/en/alibaba-health/2018/' */
  urlPath: string;
  html: string;
  tree: Root;
}

export interface Site {
  dist: string;
  files: string[];
  pages: Map<string, Page>; // by urlPath
  pageByFile: Map<string, Page>;
}

export function readSite(dist: string): Site {
  const files = listFiles(dist);
  const pages = new Map<string, Page>();
  const pageByFile = new Map<string, Page>();
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(path.join(dist, file), 'utf8');
    const page: Page = { file, urlPath: fileToUrl(file), html, tree: parseHtml(html) };
    pages.set(page.urlPath, page);
    pageByFile.set(file, page);
  }
  return { dist, files, pages, pageByFile };
}

/** sha256 of every file (relative path → hex), plus one digest over the whole manifest. */
export function hashTree(dir: string): { files: Map<string, string>; digest: string } {
  const files = new Map<string, string>();
  const all = createHash('sha256');
  for (const rel of listFiles(dir)) {
    const h = createHash('sha256').update(readFileSync(path.join(dir, rel))).digest('hex');
    files.set(rel, h);
    all.update(`${rel}\0${h}\n`);
  }
  return { files, digest: all.digest('hex') };
}

/** Paths that differ between two hash manifests (changed, only in a, only in b). */
export function diffManifests(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push(b.has(k) ? `changed: ${k}` : `only in first: ${k}`);
  for (const k of b.keys()) if (!a.has(k)) out.push(`only in second: ${k}`);
  return out.sort();
}

/**
 * Where a redirect page (an old section URL, `<meta http-equiv="refresh" content="0;url=…">`)
 * sends the reader, else undefined. Redirect pages are checked by tests/build/redirects.test.ts;
 * the per-page rules that presume a page of its own (canonical to itself, hreflang, sitemap, a
 * switcher that keeps the page) skip them.
 */
export function redirectOf(page: Pick<Page, 'tree'>): string | undefined {
  const meta = findAll(page.tree, (el) => el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'refresh')[0];
  const m = meta && /^\s*\d+\s*;\s*url=(.+)$/i.exec(attr(meta, 'content') ?? '');
  return m ? m[1]!.trim() : undefined;
}
