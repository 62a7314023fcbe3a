// The search index in parts (src/lib/search-parts.ts), on the built archive indexed again with a
// budget of one byte: every report is a part of its own. The parts together hold the one index's
// pages and find what it finds for every golden query; a first query reads the first part only.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageKey, runQuery } from '../../src/lib/search-query.ts';
import { compareReports, partsFor, type SearchParts } from '../../src/lib/search-parts.ts';
import { HTML_LANG, indexedPages, goldenTerms, loadGolden, truthFor, loadPagefind, loadScriptMap, measureSearchCost, searchParts, sourceFor, type SearchLocale } from '../support/pagefind-node.ts';
import { partedCopy, removeCopy } from '../support/parted-site.ts';
import { DIST, assertDistBuilt } from '../support/paths.ts';
import { loadReports } from '../support/content.ts';

const golden = loadGolden();
const LOCALES: SearchLocale[] = ['en', 'tc', 'sc'];
let dir: string;
let manifest: SearchParts;

/** Page URLs each golden query finds, per locale, with every part of `site`'s index merged (or only the first). */
async function resultsOf(site: string, parts: 'all' | 'first' = 'all'): Promise<Record<string, string[]>> {
  const pf = await loadPagefind(site);
  const out: Record<string, string[]> = {};
  try {
    const scriptMap = loadScriptMap(site);
    for (const locale of LOCALES) {
      const source = sourceFor(await pf.instance(HTML_LANG[locale], parts), locale, scriptMap);
      for (const term of goldenTerms(locale, golden)) {
        const hits = await runQuery([source], term);
        out[`${locale} ${term}`] = (await Promise.all(hits.map(async (h) => pageKey((await h.result.data()).url)))).sort();
      }
    }
  } finally {
    pf.close();
  }
  return out;
}

const pageCounts = (bundle: string) =>
  JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')).languages as Record<string, { page_count: number }>;

beforeAll(async () => {
  assertDistBuilt();
  dir = (await partedCopy(DIST, 1)).dir;
  manifest = searchParts(dir);
}, 300_000);
afterAll(() => removeCopy(dir));

describe('the search index in parts', () => {
  it('the bundled archive is one part by default; a budget of one byte makes a part per report, newest first', () => {
    expect(searchParts(DIST).parts).toHaveLength(1);
    const reports = loadReports().map((r) => ({ issuer: r.issuer, year: r.year }));
    expect(manifest.reports).toBe(reports.length);
    expect(manifest.parts.map((p) => p.from)).toEqual([...reports].sort(compareReports));
    for (const p of manifest.parts) expect(p.from).toEqual(p.to);
  });

  it('every indexed page is in exactly one part: the parts add up to the one index, language by language', () => {
    const single = pageCounts(path.join(DIST, 'pagefind'));
    const summed: Record<string, number> = {};
    for (const p of manifest.parts) for (const [lang, { page_count }] of Object.entries(pageCounts(path.join(dir, p.path)))) summed[lang] = (summed[lang] ?? 0) + page_count;
    expect(summed).toEqual(Object.fromEntries(Object.entries(single).map(([l, v]) => [l, v.page_count])));
  });

  it('merged parts carry only their index: the first part serves Pagefind\'s JS and WASM to all', () => {
    for (const p of manifest.parts.slice(1)) {
      const files = readdirSync(path.join(dir, p.path)).sort();
      expect(files.filter((f) => f.endsWith('.js') || f.startsWith('wasm.')), p.path).toEqual([]);
      expect(files).toEqual(expect.arrayContaining(['pagefind-entry.json', 'index', 'fragment']));
    }
  });

  // Pagefind widens a query word it lacks to the words it prefixes, index by index: a part without
  // the exact word returns a few more pages than the one index (62 of 4,301 results here), none
  // of which holds the query (the search page labels them "related match").
  it('with every part merged, each golden query finds every page the one index finds, and no other page holding the term', async () => {
    const one = await resultsOf(DIST);
    const parts = await resultsOf(dir);
    expect(Object.keys(parts).sort()).toEqual(Object.keys(one).sort());
    const pages = { en: indexedPages(DIST, 'en'), tc: indexedPages(DIST, 'tc'), sc: indexedPages(DIST, 'sc') };
    for (const [query, urls] of Object.entries(one)) {
      const [locale, term] = query.split(' ') as [SearchLocale, string];
      const truth = truthFor(pages[locale], locale, term);
      expect(parts[query], query).toEqual(expect.arrayContaining(urls));
      expect(parts[query]!.filter((u) => !urls.includes(u) && truth.has(u)), query).toEqual([]);
    }
  }, 300_000);

  it('a first query reads the manifest and the first part, and finds pages of the first part\'s report only', async () => {
    const first = manifest.parts[0]!.from;
    for (const locale of LOCALES) {
      const [cost] = await measureSearchCost(dir, locale, [goldenTerms(locale, golden)[0]!]);
      expect(cost!.files.map((f) => f.path)).toContain('/pagefind/parts.json');
      expect(cost!.files.filter((f) => f.path.startsWith('/pagefind/part-')), locale).toEqual([]);
    }
    const firstOnly = await resultsOf(dir, 'first');
    const found = Object.values(firstOnly).flat();
    expect(found.length).toBeGreaterThan(0);
    for (const url of found) expect(url.split('/').slice(2, 4).join('/')).toBe(`${first.issuer}/${first.year}`);
  }, 300_000);

  it('a filter picks the parts that can hold it', () => {
    const last = manifest.parts.at(-1)!;
    expect(partsFor(manifest, { year: [last.from.year] }).map((p) => p.path)).toContain(last.path);
    expect(partsFor(manifest, { issuer: [last.from.issuer], year: [last.from.year] }).map((p) => p.path)).toEqual([last.path]);
  });
});
