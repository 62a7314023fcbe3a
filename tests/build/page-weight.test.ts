// Page weight in bytes (never time), per page type, over every HTML page of dist/:
//   - html: the page's HTML gzipped at level 9 (inline <style>/<script> included);
//   - css: the raw bytes of every stylesheet the page references with <link rel="stylesheet">.
// Budgets are ~25 % above the largest page of each type when they were set (2026-11-21, figures in
// the comments: max gzip HTML / max CSS), so growth fails the test deterministically. Raise a budget
// deliberately, with the new figure, when a page type is meant to grow. The figures are printed.
import { statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findAll } from '../support/html.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';
import { readSite } from '../support/site.ts';
import type { Page } from '../support/site.ts';

type Kind =
  | 'language chooser'
  | '404'
  | 'archive home'
  | 'search'
  | 'hkex home'
  | 'hkex edition index'
  | 'hkex coverage'
  | 'hkex code page'
  | 'issuer'
  | 'issuer data'
  | 'year listing'
  | 'issuer directory'
  | 'report home'
  | 'report hkex-index'
  | 'report data'
  | 'section';

/** bytes: html = gzip -9 of the HTML, css = referenced stylesheets (raw) */
const BUDGETS: Record<Kind, { html: number; css: number }> = {
  'language chooser': { html: 1_000, css: 13_700 }, //      782 / 10 942
  '404': { html: 1_400, css: 13_700 }, //                  1 115 / 10 942
  'archive home': { html: 2_100, css: 13_700 }, //         1 671 / 11 544 (2026-12-05: years and issuer directory added)
  search: { html: 3_300, css: 13_700 }, //                 2 619 / 10 942
  'hkex home': { html: 1_800, css: 13_700 }, //            1 441 / 10 942
  'hkex edition index': { html: 3_500, css: 13_700 }, //   2 794 / 10 942
  'hkex coverage': { html: 4_400, css: 13_700 }, //        3 462 / 10 942
  'hkex code page': { html: 8_900, css: 13_700 }, //       7 101 / 10 942 (2026-12-04: Alibaba FY2025 added)
  'year listing': { html: 1_800, css: 13_700 }, //         1 407 / 11 544 (2026-12-05)
  'issuer directory': { html: 1_850, css: 13_700 }, //     1 477 / 11 544 (2026-12-05)
  issuer: { html: 2_100, css: 13_700 }, //                 1 696 / 10 942 (2026-12-04)
  'issuer data': { html: 9_100, css: 13_700 }, //          7 239 / 10 942 (2026-12-04)
  'report home': { html: 3_400, css: 13_700 }, //          2 721 / 10 942
  'report hkex-index': { html: 9_100, css: 13_700 }, //    7 227 / 10 942
  'report data': { html: 25_000, css: 13_700 }, //        19 950 / 10 942
  section: { html: 28_000, css: 13_700 }, //              22 347 / 10 942
};

/** Page type from the URL path (/{locale}/… layout of the site). */
function kindOf(urlPath: string): Kind {
  if (urlPath === '/') return 'language chooser';
  if (urlPath === '/404.html') return '404';
  const s = urlPath.split('/').filter(Boolean).slice(1); // drop the locale
  if (s.length === 0) return 'archive home';
  if (s[0] === 'search' && s.length === 1) return 'search';
  if (s[0] === 'hkex') {
    if (s.length === 1) return 'hkex home';
    if (s[1] === 'coverage') return 'hkex coverage';
    if (s.length === 2) return 'hkex edition index';
    return 'hkex code page';
  }
  if (s[0] === 'years') return 'year listing';
  if (s[0] === 'issuers') return 'issuer directory';
  if (s.length === 1) return 'issuer';
  if (s.length === 2 && s[1] === 'data') return 'issuer data';
  if (s.length === 2) return 'report home';
  if (s[2] === 'hkex-index') return 'report hkex-index';
  if (s[2] === 'data') return 'report data';
  return 'section';
}

function cssBytes(page: Page): number {
  const hrefs = findAll(page.tree, (el) => {
    const rel = el.properties.rel;
    return el.tagName === 'link' && (Array.isArray(rel) ? rel.map(String) : [String(rel)]).includes('stylesheet');
  }).map((el) => String(el.properties.href));
  let total = 0;
  for (const href of hrefs) {
    const rel = new URL(href, 'http://site.invalid' + page.urlPath).pathname;
    total += statSync(path.join(DIST, decodeURIComponent(rel))).size; // throws if the stylesheet is missing
  }
  return total;
}

describe('page weight per page type (bytes, deterministic)', () => {
  assertDistBuilt();
  const pages = [...readSite(DIST).pages.values()];
  const byKind = new Map<Kind, { urlPath: string; html: number; css: number }[]>();
  for (const p of pages) {
    const k = kindOf(p.urlPath);
    const list = byKind.get(k) ?? [];
    list.push({ urlPath: p.urlPath, html: gzipSync(p.html, { level: 9 }).length, css: cssBytes(p) });
    byKind.set(k, list);
  }

  it('prints today’s figures per type; every page type has a budget', () => {
    expect(pages.length).toBeGreaterThan(100);
    const rows: Record<string, unknown> = {};
    for (const [k, list] of [...byKind].sort()) {
      const html = list.map((x) => x.html).sort((a, b) => a - b);
      const heaviest = list.reduce((a, b) => (b.html > a.html ? b : a));
      rows[k] = {
        pages: list.length,
        'html gz median': html[Math.floor(html.length / 2)],
        'html gz max': heaviest.html,
        'heaviest page': heaviest.urlPath,
        'html budget': BUDGETS[k].html,
        'css max': Math.max(...list.map((x) => x.css)),
        'css budget': BUDGETS[k].css,
      };
    }
    console.table(rows);
    expect([...byKind.keys()].sort()).toEqual(Object.keys(BUDGETS).sort());
  });

  for (const kind of Object.keys(BUDGETS) as Kind[]) {
    const budget = BUDGETS[kind];
    it(`${kind}: gzip -9 HTML ≤ ${budget.html} B and referenced CSS ≤ ${budget.css} B on every page`, () => {
      const list = byKind.get(kind) ?? [];
      expect(list.length, `no page of type ${kind}`).toBeGreaterThan(0);
      const over = list
        .filter((x) => x.html > budget.html || x.css > budget.css)
        .map((x) => `${x.urlPath}: html ${x.html} B (budget ${budget.html}), css ${x.css} B (budget ${budget.css})`);
      expect(over, `${kind}: pages over budget`).toEqual([]);
    });
  }
});
