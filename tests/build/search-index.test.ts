// The search index as built: one Pagefind index per locale, what is indexed (section bodies and
// report homes, not chrome, not /en/ fallback pages), filters, meta and sort on every indexed page,
// the search page and the header search box.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, findAll, findFirst } from '../support/html.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';
import { readSite, type Site } from '../support/site.ts';
import { loadReports, sectionsFor } from '../support/content.ts';
import { HTML_LANG, indexedPages, loadPagefind, type NodePagefind, type SearchLocale } from '../support/pagefind-node.ts';
import { indexedText } from '../../src/lib/search-text.ts';
import type { PagefindApi } from '../../src/lib/search-query.ts';
import { t } from '../../src/i18n/ui.ts';

const LOCALES: SearchLocale[] = ['en', 'tc', 'sc'];
let site: Site;
let pf: NodePagefind;
const api: Partial<Record<SearchLocale, PagefindApi>> = {};

beforeAll(async () => {
  assertDistBuilt();
  site = readSite(DIST);
  pf = await loadPagefind(DIST);
  for (const l of LOCALES) api[l] = await pf.instance(HTML_LANG[l]);
}, 120_000);
afterAll(() => pf?.close());

const HAN = /\p{Script=Han}/u;

describe('search index', () => {
  it('has exactly one index per locale, keyed by its <html lang>, counting its indexed pages', () => {
    const entry = JSON.parse(readFileSync(path.join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, { page_count: number }> };
    const pkg = JSON.parse(readFileSync(path.join(DIST, '..', 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.pagefind, 'pagefind is pinned exactly').toMatch(/^\d+\.\d+\.\d+$/);
    expect(entry.version).toBe(pkg.devDependencies.pagefind);
    expect(Object.keys(entry.languages).sort()).toEqual(LOCALES.map((l) => HTML_LANG[l].toLowerCase()).sort());
    for (const l of LOCALES) expect(entry.languages[HTML_LANG[l].toLowerCase()]!.page_count, l).toBe(indexedPages(DIST, l).size);
  });

  it('indexes section pages and report homes only; /en/ fallback sections stay out', () => {
    const reports = loadReports();
    for (const l of LOCALES) {
      const indexed = new Set(indexedPages(DIST, l).keys());
      const expected = new Set<string>();
      for (const r of reports) {
        expected.add(`/${l}/${r.issuer}/${r.year}/`);
        const fallback = l === 'en' && !r.sections.en?.length;
        if (!fallback) for (const s of sectionsFor(r, l)) expected.add(`/${l}/${r.issuer}/${r.year}/${s.id}/`);
      }
      expect([...indexed].sort(), l).toEqual([...expected].sort());
    }
  });

  it('the English index holds no Chinese text, and no index holds navigation', () => {
    // reports without an English edition: their /en/ home is indexed with its English facts only
    const en = indexedPages(DIST, 'en');
    const fallbacks = loadReports().filter((r) => !r.sections.en?.length);
    expect(fallbacks.length, 'the archive has a report without an English edition').toBeGreaterThan(0);
    for (const r of fallbacks) {
      const text = en.get(`/en/${r.issuer}/${r.year}/`)!;
      expect(text, `/en/${r.issuer}/${r.year}/ is indexed`).toBeTruthy();
      expect(HAN.test(text), `/en/${r.issuer}/${r.year}/: ${text.match(/.{0,20}\p{Script=Han}+.{0,20}/u)?.[0]}`).toBe(false);
    }
    // chrome inside the indexed region: heading self-links, breadcrumbs, previous/next
    for (const l of LOCALES) {
      for (const [url, text] of indexedPages(DIST, l)) {
        expect(text.includes(t(l, 'linkToHeading')), `${url}: heading-link labels are not indexed`).toBe(false);
        expect(text.includes(t(l, 'previous')) && text.includes(t(l, 'next')) && text.includes(t(l, 'archive')), `${url}: navigation is not indexed`).toBe(false);
      }
    }
  });

  it('every indexed page carries issuer, year, stock filters, a year sort and a title', async () => {
    const reports = loadReports();
    for (const l of LOCALES) {
      const filters = (await api[l]!.filters!()) as Record<string, Record<string, number>>;
      const indexed = indexedPages(DIST, l).size;
      for (const key of ['issuer', 'year', 'stock']) {
        const total = Object.values(filters[key] ?? {}).reduce((a, b) => a + b, 0);
        expect(total, `${l} ${key}`).toBe(indexed);
      }
      expect(Object.keys(filters.issuer ?? {}).sort()).toEqual([...new Set(reports.map((r) => r.issuer))].sort());
      expect(Object.keys(filters.hkex ?? {}).length, `${l} hkex`).toBeGreaterThan(0);
      const sorted = await api[l]!.search(null, { sort: { year: 'desc' }, filters: {} });
      expect(sorted?.results.length ?? 0, `${l}: every page has the year sort`).toBe(indexed);
      const first = await sorted!.results[0]!.data();
      expect(first.meta.title, `${l} title meta`).toBeTruthy();
      expect(first.filters.issuer, `${l} issuer filter`).toHaveLength(1);
    }
  });

  it('every locale page has the header search box; each locale has a search page', () => {
    for (const page of site.pages.values()) {
      const l = page.urlPath.split('/')[1];
      if (!['en', 'tc', 'sc'].includes(l ?? '')) continue;
      const form = findFirst(page.tree, (el) => el.tagName === 'form' && attr(el, 'data-site-search') !== undefined);
      expect(form, page.urlPath).toBeDefined();
      expect(attr(form!, 'action')).toBe(`/${l}/search/`);
      expect(attr(form!, 'role')).toBe('search');
      expect(findAll(form!, (el) => el.tagName === 'input' && attr(el, 'name') === 'q')).toHaveLength(1);
      expect(findAll(page.tree, (el) => el.tagName === 'script' && /pagefind/.test(attr(el, 'src') ?? '')), `${page.urlPath} loads no Pagefind up front`).toEqual([]);
    }
    for (const l of LOCALES) {
      const page = site.pages.get(`/${l}/search/`);
      expect(page, `/${l}/search/`).toBeDefined();
      expect(findFirst(page!.tree, (el) => attr(el, 'data-search-results') !== undefined)).toBeDefined();
      expect(findFirst(page!.tree, (el) => el.tagName === 'noscript')).toBeDefined();
      expect(findFirst(page!.tree, (el) => attr(el, 'data-pagefind-body') !== undefined), 'the search page is not indexed').toBeUndefined();
    }
  });
});
