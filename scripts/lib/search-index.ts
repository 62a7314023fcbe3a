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
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { EXCLUDE_SELECTORS, INDEX_LANGUAGE, SCRIPT_MAP_PATH, SCRIPT_PAIRS_PATH } from '../../src/lib/search-config.ts';
import { rechunkBundle, type RechunkSummary } from './pagefind-rechunk.ts';
import { indexedTextChunks } from '../../src/lib/search-text.ts';
import { buildScriptMap, splitScriptMap } from '../../src/lib/search-script-map.ts';

export interface SearchIndexResult {
  pages: number;
  files: number;
  languages: Record<string, number>;
  chunks: RechunkSummary[];
}

function htmlFiles(dir: string, under: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.html')) out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(join(dir, under));
  return out.sort();
}

/** Aligned text of every page indexed in both /tc/ and /sc/, for the script map. */
function writeScriptMap(siteDir: string): number {
  const parser = unified().use(rehypeParse);
  const traditional: string[] = [];
  const simplified: string[] = [];
  for (const file of htmlFiles(siteDir, 'tc')) {
    const scFile = join(siteDir, 'sc', file.slice('tc/'.length));
    let scHtml: string;
    try {
      scHtml = readFileSync(scFile, 'utf8');
    } catch {
      continue;
    }
    const tc = indexedTextChunks(parser.parse(readFileSync(join(siteDir, file), 'utf8')));
    const sc = indexedTextChunks(parser.parse(scHtml));
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

export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS, writePlayground: false });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let added;
  try {
    added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  // One index per locale, keyed by the exact lowercased <html lang>, and nothing else.
  const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const languages = Object.fromEntries(Object.entries(entry.languages).map(([k, v]) => [k, v.page_count]));
  const expected = Object.values(INDEX_LANGUAGE).sort();
  const got = Object.keys(languages).sort();
  if (got.join() !== expected.join()) throw new Error(`Pagefind wrote indexes for ${got.join(', ')}; expected ${expected.join(', ')}`);
  const chunks = rechunkBundle(join(siteDir, 'pagefind'));
  const files = writeScriptMap(siteDir);
  return { pages: Object.values(languages).reduce((a, b) => a + b, 0), files, languages, chunks };
}
