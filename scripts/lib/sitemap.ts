/**
 * sitemap-index.xml and sitemap-N.xml for a built site, from its files: every HTML page but those
 * marked `<meta name="robots" content="noindex">` (404, redirect pages), in path order, each with
 * its locale alternates (the same path under another locale prefix, where that page exists).
 * Written after the pages, so a merged site of shards gets the same sitemap as one build.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LOCALES } from '../../src/i18n/locales.ts';

/** URLs per sitemap file (the protocol allows 50,000). */
export const URLS_PER_FILE = 45_000;

function htmlFiles(dir: string, root = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (relative(root, p) === 'pagefind' || relative(root, p) === '_astro') continue;
      htmlFiles(p, root, out);
    } else if (entry.name.endsWith('.html')) out.push(p);
  }
  return out;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Page URL paths of a built site that belong in the sitemap, sorted. */
export function sitemapPaths(dist: string): string[] {
  const paths: string[] = [];
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    const end = html.indexOf('</head>');
    const head = end >= 0 ? html.slice(0, end) : html;
    if (/<meta name="robots" content="noindex"/.test(head)) continue;
    const rel = relative(dist, file).split(sep).join('/');
    paths.push(rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`);
  }
  return paths.sort();
}

/** Writes the sitemap files for `dist` with absolute URLs on `site`; returns the number of URLs. */
export function writeSitemap(dist: string, site: string): number {
  const origin = site.replace(/\/$/, '');
  const paths = sitemapPaths(dist);
  const known = new Set(paths);
  const locales = Object.values(LOCALES);
  const entry = (path: string) => {
    const m = /^\/(en|tc|sc)(\/.*)$/.exec(path);
    const alternates = m
      ? locales.filter((l) => known.has(`/${l.key}${m[2]}`)).map((l) => `<xhtml:link rel="alternate" hreflang="${l.hreflang}" href="${escapeXml(origin + `/${l.key}${m[2]}`)}"/>`)
      : [];
    return `<url><loc>${escapeXml(origin + path)}</loc>${alternates.join('')}</url>`;
  };
  const files: string[] = [];
  for (let i = 0; i * URLS_PER_FILE < Math.max(paths.length, 1); i++) {
    const name = `sitemap-${i}.xml`;
    const urls = paths.slice(i * URLS_PER_FILE, (i + 1) * URLS_PER_FILE).map(entry).join('');
    writeFileSync(join(dist, name), `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${urls}</urlset>`);
    files.push(name);
  }
  writeFileSync(
    join(dist, 'sitemap-index.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${files.map((f) => `<sitemap><loc>${escapeXml(`${origin}/${f}`)}</loc></sitemap>`).join('')}</sitemapindex>`,
  );
  return paths.length;
}
