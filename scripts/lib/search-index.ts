/**
 * Builds the Pagefind search index of a built site through Pagefind's Node API (pinned 1.6.0),
 * plus the archive-derived script map for cross-script queries. See docs/search.md.
 *
 * - One index per exact `<html lang>`: en, zh-Hant-HK, zh-Hans-CN (checked after indexing).
 * - Only `data-pagefind-body` regions (section pages and report homes) are indexed; chrome inside
 *   them is excluded by EXCLUDE_SELECTORS; /en/ fallback pages carry no body and stay out.
 * - Filters, meta and sort come from the pages (src/components/SearchMeta.astro).
 * - The word index is then re-split into small chunks (./pagefind-rechunk.ts): a query fetches
 *   one chunk per term, and Pagefind's own 35 KB chunks broke the first-query byte budget.
 * - The reports are indexed in parts (src/lib/search-parts.ts): one bundle per part of at most
 *   `partBytes` of indexed HTML, newest first, each indexed and freed before the next, so neither
 *   a first query nor the indexer's memory grows with the archive. `/pagefind/parts.json` lists
 *   them; the first part is `/pagefind/` itself, with Pagefind's JS and WASM.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { EXCLUDE_SELECTORS, INDEX_LANGUAGE, SCRIPT_MAP_PATH, SCRIPT_PAIRS_PATH } from '../../src/lib/search-config.ts';
import { rechunkBundle, type RechunkSummary } from './pagefind-rechunk.ts';
import { indexedTextChunks } from '../../src/lib/search-text.ts';
import { buildScriptMap, splitScriptMap } from '../../src/lib/search-script-map.ts';
import { compareReports, partsManifest, planParts, SEARCH_PART_BYTES, SEARCH_PARTS_PATH, type ReportSize } from '../../src/lib/search-parts.ts';

export interface SearchIndexResult {
  pages: number;
  files: number;
  languages: Record<string, number>;
  /** one per part and language */
  chunks: RechunkSummary[];
  /** reports per part, in part order */
  parts: number[];
}

export interface SearchIndexOptions {
  /** indexed HTML bytes per part (default SEARCH_PART_BYTES, or ESG_SEARCH_PART_BYTES) */
  partBytes?: number;
  /** other bundles than the parts, for comparing layouts (scripts/bench-search-layouts.ts): reports → groups */
  groups?: (reports: ReportSize[]) => ReportSize[][];
  /**
   * Folders the pages are read from, the first holding a path winning (default: the site folder
   * itself). A merge indexes the shards' folders while the cross-archive pages are still being
   * built: only report pages are indexed, and every one of them is in exactly one shard.
   */
  sources?: string[];
}

/** The part budget of this build: `ESG_SEARCH_PART_BYTES` (tests split the small archive) or the default. */
export function partBytesFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ESG_SEARCH_PART_BYTES;
  if (raw === undefined || raw === '') return SEARCH_PART_BYTES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`ESG_SEARCH_PART_BYTES=${raw}: give a whole number of bytes (≥ 1), or unset it`);
  return n;
}

/** Where each page is: path in the site (`tc/…/index.html`) → file, from the first source that holds it. */
type PageFiles = Map<string, string>;

function htmlFiles(sources: string[], under: string, out: PageFiles = new Map()): PageFiles {
  for (const dir of sources) {
    const walk = (d: string) => {
      let entries;
      try {
        entries = readdirSync(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.html')) {
          const file = join(d, e.name);
          const page = relative(dir, file);
          if (!out.has(page)) out.set(page, file);
        }
      }
    };
    walk(join(dir, under));
  }
  return out;
}

/**
 * The `<main>` of a page, where its indexed region (`data-pagefind-body`) is: parsing it alone
 * gives the same text at half the cost (the header, contents and footer are the other half).
 */
function mainRegion(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  return start >= 0 && end > start ? html.slice(start, end + '</main>'.length) : html;
}

/** Aligned text of every page indexed in both /tc/ and /sc/, for the script map. */
function writeScriptMap(pages: PageFiles, indexed: Set<string>, siteDir: string): number {
  const parser = unified().use(rehypeParse, { fragment: true });
  const traditional: string[] = [];
  const simplified: string[] = [];
  for (const page of [...indexed].filter((p) => p.startsWith('tc/')).sort()) {
    const scPage = `sc/${page.slice('tc/'.length)}`;
    if (!indexed.has(scPage)) continue;
    const tc = indexedTextChunks(parser.parse(mainRegion(readFileSync(pages.get(page)!, 'utf8'))));
    const sc = indexedTextChunks(parser.parse(mainRegion(readFileSync(pages.get(scPage)!, 'utf8'))));
    if (!tc || !sc || tc.length !== sc.length) continue;
    traditional.push(...tc);
    simplified.push(...sc);
  }
  const map = buildScriptMap(traditional, simplified);
  const { core, pairs } = splitScriptMap(map);
  writeFileSync(join(siteDir, SCRIPT_MAP_PATH), `${JSON.stringify(core)}\n`);
  writeFileSync(join(siteDir, SCRIPT_PAIRS_PATH), `${JSON.stringify(pairs)}\n`);
  return Object.keys(map.s2t.chars).length + Object.keys(map.t2s.chars).length;
}

const LOCALE_DIRS = ['en', 'tc', 'sc'];

interface IndexedReport extends ReportSize {
  /** paths in the site (`tc/…/index.html`) */
  files: string[];
}

/** Every indexed page (one with `data-pagefind-body`: report homes and sections), by report. */
function indexedReports(pages: PageFiles): IndexedReport[] {
  const reports = new Map<string, IndexedReport>();
  for (const file of [...pages.keys()].sort()) {
    const path = pages.get(file)!;
    const html = readFileSync(path, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const [, issuer, year] = file.split('/');
    if (!issuer || !year || !/^\d{4}$/.test(year)) throw new Error(`${file} is indexed (data-pagefind-body) but is not a page of a report (/{locale}/{issuer}/{year}/…)`);
    const key = `${issuer}/${year}`;
    const report = reports.get(key) ?? { issuer, year, bytes: 0, files: [] };
    report.bytes += statSync(path).size;
    report.files.push(file);
    reports.set(key, report);
  }
  return [...reports.values()];
}

/** Pagefind's own files a merged part does not need: the primary bundle's JS, WASM and UI serve every part. */
function pruneMergedBundle(bundle: string): void {
  for (const entry of readdirSync(bundle)) {
    if (entry === 'pagefind-entry.json' || entry.endsWith('.pf_meta') || ['index', 'fragment', 'filter'].includes(entry)) continue;
    rmSync(join(bundle, entry), { recursive: true, force: true });
  }
}

/** One Pagefind bundle of the given pages into `outputPath`; returns its page count per language. */
async function indexPart(pages: PageFiles, files: string[], outputPath: string): Promise<Record<string, number>> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS, writePlayground: false });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const file of files) {
      const added = await index.addHTMLFile({ sourcePath: file, content: readFileSync(pages.get(file)!, 'utf8') });
      if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${file}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
  // One index per locale, keyed by the exact lowercased <html lang>, and nothing else.
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const languages = Object.fromEntries(Object.entries(entry.languages).map(([k, v]) => [k, v.page_count]));
  const expected = Object.values(INDEX_LANGUAGE).sort();
  const got = Object.keys(languages).sort();
  if (got.join() !== expected.join()) throw new Error(`Pagefind wrote indexes for ${got.join(', ')} in ${outputPath}; expected ${expected.join(', ')}`);
  return languages;
}

export async function buildSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const pages: PageFiles = new Map();
  for (const locale of LOCALE_DIRS) htmlFiles(options.sources ?? [siteDir], locale, pages);
  const reports = indexedReports(pages);
  const parts = options.groups
    ? options.groups(reports).map((g) => (g as IndexedReport[]).sort(compareReports)).filter((g) => g.length > 0)
    : planParts(reports, options.partBytes ?? partBytesFromEnv());
  if (parts.length === 0) throw new Error(`${siteDir} has no indexed pages (data-pagefind-body): nothing to search`);
  const manifest = partsManifest(parts);
  const languages: Record<string, number> = {};
  const chunks: RechunkSummary[] = [];
  try {
    for (const [i, part] of manifest.parts.entries()) {
      const bundle = join(siteDir, part.path);
      const files = parts[i]!.flatMap((r) => r.files).sort();
      for (const [lang, n] of Object.entries(await indexPart(pages, files, bundle))) languages[lang] = (languages[lang] ?? 0) + n;
      chunks.push(...rechunkBundle(bundle));
      if (i > 0) pruneMergedBundle(bundle);
    }
  } finally {
    await pagefind.close();
  }
  writeFileSync(join(siteDir, SEARCH_PARTS_PATH), `${JSON.stringify(manifest)}\n`);
  const files = writeScriptMap(pages, new Set(reports.flatMap((r) => r.files)), siteDir);
  return { pages: Object.values(languages).reduce((a, b) => a + b, 0), files, languages, chunks, parts: manifest.parts.map((p) => p.reports) };
}
