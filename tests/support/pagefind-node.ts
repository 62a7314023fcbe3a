/**
 * Runs Pagefind's own browser JS (dist/pagefind/pagefind.js, the shipped 1.6.0 bundle) in Node
 * against a built site: `document` is stubbed so Pagefind detects the wanted `<html lang>`, and
 * `fetch` reads files from the site, counting the bytes a browser would transfer.
 * Not a re-implementation: every search goes through Pagefind's WASM and index chunks.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi, Source } from '../../src/lib/search-query.ts';
import { withPairs, type ScriptMap } from '../../src/lib/search-script-map.ts';
import { FIRST_PAGE, PAGEFIND_OPTIONS } from '../../src/lib/search-config.ts';
import { SEARCH_PARTS_PATH, type SearchParts } from '../../src/lib/search-parts.ts';
import { reportLabelPath } from '../../src/lib/search-labels.ts';
import { parse as parseYaml } from 'yaml';
import { indexedText } from '../../src/lib/search-text.ts';
import { parseHtml } from './html.ts';
import { listFiles } from './site.ts';
import { fileToUrl } from '../../src/lib/site-links.ts';
import { ROOT } from './paths.ts';

export interface Transfer {
  /** bytes of every file fetched so far (as served, i.e. Pagefind's own compressed files) */
  bytes: number;
  files: string[];
}

export interface NodePagefind {
  /**
   * A Pagefind instance on the index of `htmlLang` (e.g. 'zh-Hant-HK'): every part of the index
   * merged (the whole archive, as a reader who widened the search to the end has it), or only the
   * first part (what a first query searches).
   */
  instance(htmlLang: string, parts?: 'all' | 'first'): Promise<PagefindApi>;
  transfer: Transfer;
  /** Forget which files were fetched (a new visitor: nothing cached). */
  resetTransfer(): void;
  close(): void;
}

interface PagefindModule {
  createInstance(opts: Record<string, unknown>): PagefindApi & { init(): Promise<void>; destroy(): Promise<void>; mergeIndex(path: string, options?: Record<string, unknown>): Promise<void> };
}

export async function loadPagefind(dist: string): Promise<NodePagefind> {
  const bundle = path.join(dist, 'pagefind');
  const tmp = mkdtempSync(path.join(tmpdir(), 'pagefind-node-'));
  const transfer: Transfer = { bytes: 0, files: [] };
  const g = globalThis as Record<string, unknown>;
  const saved = { document: g.document, fetch: g.fetch };
  let lang = 'en';
  g.document = { currentScript: null, querySelector: (sel: string) => (sel === 'html' ? { getAttribute: () => lang } : null) };
  g.fetch = async (input: string | URL) => {
    const u = new URL(String(input), 'http://site.invalid/');
    const file = path.join(dist, decodeURIComponent(u.pathname));
    if (!file.startsWith(path.resolve(dist))) throw new Error(`outside the site: ${u.pathname}`);
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return new Response('not found', { status: 404 });
    }
    transfer.bytes += body.length;
    transfer.files.push(u.pathname);
    const type = file.endsWith('.json') ? 'application/json' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    return new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': type } });
  };
  const instances: (PagefindApi & { destroy(): Promise<void> })[] = [];
  return {
    transfer,
    resetTransfer() {
      transfer.bytes = 0;
      transfer.files = [];
    },
    async instance(htmlLang: string, parts: 'all' | 'first' = 'all') {
      // Each instance gets its own copy of the module: Pagefind keeps its WASM in module state,
      // and two languages (en has its own WASM) must not share it.
      const copy = path.join(tmp, `pagefind-${instances.length}.mjs`);
      copyFileSync(path.join(bundle, 'pagefind.js'), copy);
      const mod = (await import(pathToFileURL(copy).href)) as PagefindModule;
      lang = htmlLang; // read synchronously by createInstance (detectLanguage)
      const inst = mod.createInstance({ ...PAGEFIND_OPTIONS, basePath: '/pagefind/', baseUrl: '/' });
      instances.push(inst);
      await inst.init();
      // a site indexed without parts (the bench's bare baseline) is one bundle
      if (parts === 'all' && existsSync(path.join(dist, SEARCH_PARTS_PATH))) for (const part of searchParts(dist).parts.slice(1)) await inst.mergeIndex(part.path, { baseUrl: '/' });
      return inst;
    },
    close() {
      for (const i of instances) void i.destroy().catch(() => {});
      g.document = saved.document;
      g.fetch = saved.fetch;
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** The parts of a built site's index (src/lib/search-parts.ts). */
export function searchParts(dist: string): SearchParts {
  return JSON.parse(readFileSync(path.join(dist, SEARCH_PARTS_PATH), 'utf8')) as SearchParts;
}

// ── Ground truth: the text Pagefind indexes on each built page (data-pagefind-body minus
// data-pagefind-ignore and the exclude selectors, src/lib/search-text.ts), per locale.

export type SearchLocale = 'en' | 'tc' | 'sc';
export const HTML_LANG: Record<SearchLocale, string> = { en: 'en', tc: 'zh-Hant-HK', sc: 'zh-Hans-CN' };
/** The script of a locale's index (the query layer folds queries into it). */
export const INDEX_SCRIPT: Record<SearchLocale, 'zh-Hant' | 'zh-Hans' | undefined> = { en: undefined, tc: 'zh-Hant', sc: 'zh-Hans' };

/** The whole script map of a built site, as the UI has it once it fetched the contexts (it does for ambiguous queries). */
export function loadScriptMap(dist: string): ScriptMap {
  const read = (f: string) => JSON.parse(readFileSync(path.join(dist, 'pagefind', f), 'utf8'));
  return withPairs(read('script-map.json') as ScriptMap, read('script-map-pairs.json') as Record<string, string>);
}

/** The query layer's source for a locale's index: Chinese ones search with the script map. */
export function sourceFor(api: PagefindApi, locale: SearchLocale, scriptMap: ScriptMap): Source {
  const script = INDEX_SCRIPT[locale];
  return script ? { api, kind: 'native', script, scriptMap } : { api, kind: 'native' };
}

/** url path → indexed text, for every indexed page of a locale. */
export function indexedPages(dist: string, locale: SearchLocale): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of listFiles(dist)) {
    if (!file.startsWith(`${locale}/`) || !file.endsWith('.html')) continue;
    const text = indexedText(parseHtml(readFileSync(path.join(dist, file), 'utf8')));
    if (text !== undefined) out.set(fileToUrl(file), text);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pages whose indexed text contains the term (English: at a word start, any case). */
export function truthFor(pages: Map<string, string>, locale: SearchLocale, term: string): Set<string> {
  const re = locale === 'en' ? new RegExp(`\\b${escape(term)}`, 'i') : undefined;
  return new Set([...pages].filter(([, text]) => (re ? re.test(text) : text.includes(term))).map(([url]) => url));
}

export interface Golden {
  chinese: { hant: string; hans: string }[];
  english: string[];
}

export function loadGolden(): Golden {
  return parseYaml(readFileSync(path.join(ROOT, 'tests/build/search-golden.yaml'), 'utf8')) as Golden;
}

/** The golden terms of a locale, in its own script. */
export function goldenTerms(locale: SearchLocale, golden: Golden = loadGolden()): string[] {
  return locale === 'en' ? golden.english : golden.chinese.map((g) => (locale === 'tc' ? g.hant : g.hans));
}
// ── Bytes a reader's browser transfers for a search (bench and budget test).

export interface QueryCost {
  query: string;
  /** files fetched for this query (not cached from an earlier one) */
  files: { path: string; raw: number; transferred: number }[];
  raw: number;
  /** JS/JSON gzip-compressed (level 9) as a static host serves them; Pagefind's index, fragment and WASM files are already compressed */
  transferred: number;
  results: number;
}

const TEXT = /\.(js|mjs|json|css)$/;

function fileCost(dist: string, urlPath: string) {
  const body = readFileSync(path.join(dist, decodeURIComponent(urlPath.replace(/\?.*$/, ''))));
  return { path: urlPath, raw: body.length, transferred: TEXT.test(urlPath) ? gzipSync(body, { level: 9 }).length : body.length };
}

/**
 * A reader on /{locale}/search/ running `first` and then `later`: the search UI script, the
 * parts manifest, Pagefind's JS (and worker, if used), then every file Pagefind and the query
 * layer fetch in the first part of the index, including the first page of results (FIRST_PAGE
 * fragments and their reports' search.json labels).
 */
export async function measureSearchCost(
  dist: string,
  locale: SearchLocale,
  queries: string[],
  pageSize = FIRST_PAGE,
  tiers?: readonly (0 | 1 | 2)[],
  parts: 'first' | 'all' = 'first',
): Promise<QueryCost[]> {
  const { hasHan, normalizeQuery, runQuery } = await import('../../src/lib/search-query.ts');
  const { needsPairs } = await import('../../src/lib/search-script-map.ts');
  const pf = await loadPagefind(dist);
  try {
    const api = await pf.instance(HTML_LANG[locale], parts);
    const html = readFileSync(path.join(dist, locale, 'search', 'index.html'), 'utf8');
    const uiScripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    const seen = new Set<string>();
    let pairsLoaded = false;
    let scriptMap: ScriptMap | undefined;
    const out: QueryCost[] = [];
    for (const [i, query] of queries.entries()) {
      // a new visitor: the first query pays for everything fetched since the instance was made (merging bundles loads their meta and the WASM up front)
      const before = i === 0 ? 0 : pf.transfer.files.length;
      const extra: string[] = i === 0 ? [...uiScripts, SEARCH_PARTS_PATH, '/pagefind/pagefind.js', ...(PAGEFIND_OPTIONS.noWorker ? [] : ['/pagefind/pagefind-worker.js'])] : [];
      // the same loading rule as src/scripts/search/search-page.ts
      if (locale !== 'en' && hasHan(query) && !scriptMap) {
        scriptMap = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'script-map.json'), 'utf8'));
        extra.push('/pagefind/script-map.json');
      }
      const script = INDEX_SCRIPT[locale];
      if (scriptMap && script && !pairsLoaded && needsPairs(normalizeQuery(query), script, scriptMap)) {
        scriptMap = withPairs(scriptMap, JSON.parse(readFileSync(path.join(dist, 'pagefind', 'script-map-pairs.json'), 'utf8')));
        extra.push('/pagefind/script-map-pairs.json');
        pairsLoaded = true;
      }
      const hits = await runQuery(
        [{ api, kind: 'native', script, scriptMap }],
        query,
        tiers ? { tiers } : {},
      );
      const datas = await Promise.all(hits.slice(0, pageSize).map((h) => h.result.data()));
      // the search page labels each result with its report's search.json
      const labels = datas.map((d) => reportLabelPath(locale, d.filters.issuer?.[0] ?? '', d.filters.year?.[0] ?? ''));
      const fetched = [...new Set([...extra, ...pf.transfer.files.slice(before), ...labels])].filter((f) => !seen.has(f));
      fetched.forEach((f) => seen.add(f));
      const files = fetched.map((f) => fileCost(dist, f));
      out.push({
        query,
        files,
        raw: files.reduce((a, f) => a + f.raw, 0),
        transferred: files.reduce((a, f) => a + f.transferred, 0),
        results: hits.length,
      });
    }
    return out;
  } finally {
    pf.close();
  }
}

/** Index size per locale: the language's meta file plus its index chunks (bytes on disk). */
export function indexSizes(dist: string): Record<string, { meta: number; chunks: number; filters: number; fragments: number; pages: number }> {
  const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
  const files = listFiles(path.join(dist, 'pagefind'));
  const size = (f: string) => statSync(path.join(dist, 'pagefind', f)).size;
  const out: Record<string, { meta: number; chunks: number; filters: number; fragments: number; pages: number }> = {};
  for (const [lang, { hash, page_count }] of Object.entries(entry.languages)) {
    const sum = (prefix: string) => files.filter((f) => f.startsWith(prefix)).reduce((a, f) => a + size(f), 0);
    out[lang] = {
      meta: sum(`pagefind.${hash}.pf_meta`),
      chunks: sum(`index/${lang}_`),
      filters: sum(`filter/${lang}_`),
      fragments: sum(`fragment/${lang}_`),
      pages: page_count,
    };
  }
  return out;
}

// ── The search cost cases of the budget test and the bench.

/** Bytes a new visitor's first query may transfer (issue: search cost). */
export const SEARCH_BUDGET_FIRST_QUERY = 200 * 1024;

export interface SearchCase {
  locale: SearchLocale;
  label: string;
  /** golden terms in the script typed */
  terms: string[];
  /** a first query and a later one: the first golden term, then one from the middle of the list (not a neighbour) */
  firstThenLater: [string, string];
}

/** Each locale with its own script, and Chinese typed in the other script. */
export function searchCases(golden: Golden = loadGolden()): SearchCase[] {
  const hant = golden.chinese.map((g) => g.hant);
  const hans = golden.chinese.map((g) => g.hans);
  const cases: [SearchLocale, string, string[]][] = [
    ['en', 'English', golden.english],
    ['tc', 'Traditional', hant],
    ['tc', 'Simplified typed on /tc/', hans],
    ['sc', 'Simplified', hans],
    ['sc', 'Traditional typed on /sc/', hant],
  ];
  return cases.map(([locale, label, terms]) => ({ locale, label, terms, firstThenLater: [terms[0]!, terms[Math.floor(terms.length / 2)]!] }));
}

export interface FirstQueryCosts {
  /** every term as a new visitor's first query, cheapest first */
  costs: { query: string; bytes: number }[];
  median: number;
  p90: number;
  max: { query: string; bytes: number };
  over: { query: string; bytes: number }[];
}

/** Every term as a first query; `parts: 'all'` merges every bundle of the index first (a layout that must read them all). */
export async function firstQueryCosts(dist: string, locale: SearchLocale, terms: string[], budget = SEARCH_BUDGET_FIRST_QUERY, parts: 'first' | 'all' = 'first'): Promise<FirstQueryCosts> {
  const costs: { query: string; bytes: number }[] = [];
  for (const term of terms) costs.push({ query: term, bytes: (await measureSearchCost(dist, locale, [term], FIRST_PAGE, undefined, parts))[0]!.transferred });
  costs.sort((a, b) => a.bytes - b.bytes);
  const at = (p: number) => costs[Math.min(costs.length - 1, Math.floor(p * costs.length))]!.bytes;
  return { costs, median: at(0.5), p90: at(0.9), max: costs.at(-1)!, over: costs.filter((c) => c.bytes > budget) };
}
