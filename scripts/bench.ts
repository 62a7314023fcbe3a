/**
 * npm run bench [-- --json] [-- --keep]
 *
 * Runs the real build pipeline (scripts/build.ts) twice, each into its own temporary directory
 * (dist/ is left alone), and prints:
 *   - time split per build: Astro build vs search indexing (from .cache/build-timings.json, which
 *     scripts/build.ts writes) and the wall time of the whole command;
 *   - HTML pages per locale;
 *   - bytes per page type (archive home, report home, section, HKEX index, other): the page's HTML,
 *     the CSS and JS it references (<link rel=stylesheet>, <script src>, <link rel=modulepreload>),
 *     raw and gzip (node:zlib, level 9), as mean / max per page;
 *   - search: index size per locale, the bytes a reader transfers for a first and a later query on
 *     each locale's search page, and the first-query cost over every golden term (median, p90,
 *     max; Pagefind's JS run against the built bundle; budget 200 KB for the median first query,
 *     see docs/search.md);
 *   - determinism: the number of files that differ between the two builds (should be 0);
 *   - side by side, the baseline a user would pick instead (scripts/lib/bare-baseline.ts: a bare
 *     Astro 7 + MDX project rendering the same section MDX into the same three locales, plus
 *     Pagefind with default options): build time, peak memory (both builds measured the same way,
 *     scripts/lib/bench-measure.ts), pages, bytes, first-query search bytes, and the ratios.
 * No thresholds: it reports figures, it does not judge them. --json prints one JSON object instead.
 * --site DIR measures an existing built site only (no builds, so no timings and no determinism).
 */
import { runMeasured, mb, ratio as times, siteStats } from './lib/bench-measure.ts';
import { writeBareProject } from './lib/bare-baseline.ts';
import { bareFirstQueries, measuredBuild } from './bench-scale.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { attr, findAll } from '../tests/support/html.ts';
import { LOCALE_IDS, localeOfPath } from '../tests/support/locales.ts';
import { diffManifests, hashTree, readSite } from '../tests/support/site.ts';
import type { Page, Site } from '../tests/support/site.ts';
import { SEARCH_BUDGET_FIRST_QUERY, firstQueryCosts, indexSizes, measureSearchCost, searchCases } from '../tests/support/pagefind-node.ts';

/** Index sizes and bytes per query (first and later) in each locale, with golden queries. */
async function measureSearch(dist: string) {
  const queries = [];
  for (const { locale, label, terms, firstThenLater } of searchCases()) {
    const [first, later] = await measureSearchCost(dist, locale, firstThenLater);
    // every golden term of the case as the first query of a new visitor
    const all = await firstQueryCosts(dist, locale, terms);
    queries.push({
      allFirst: { terms: all.costs.length, median: all.median, p90: all.p90, max: all.max.bytes, overBudget: all.over.length },
      locale,
      label,
      first: { query: first!.query, transferred: first!.transferred, raw: first!.raw, files: first!.files.length, results: first!.results },
      later: { query: later!.query, transferred: later!.transferred, raw: later!.raw, files: later!.files.length, results: later!.results },
    });
  }
  // the budget applies to every golden term as a first query (see docs/search.md)
  const worstFirst = Math.max(...queries.map((q) => q.allFirst.max));
  return { indexes: indexSizes(dist), queries, budgetFirstQuery: SEARCH_BUDGET_FIRST_QUERY, worstFirstQuery: worstFirst, withinBudget: worstFirst <= SEARCH_BUDGET_FIRST_QUERY };
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const asJson = process.argv.includes('--json');
const keep = process.argv.includes('--keep');
const siteArg = process.argv.indexOf('--site');
const siteOnly = siteArg > 0 ? resolve(process.argv[siteArg + 1] ?? 'dist') : undefined;
const log = (...args: unknown[]) => {
  if (!asJson) console.log(...args);
};

interface BuildRun {
  dir: string;
  wallMs: number;
  /** peak RSS of the largest process of the build's tree, and the tree's summed PSS (kB) */
  maxRssKb?: number;
  treeKb?: number;
  astroMs?: number;
  searchMs?: number;
  indexedPages?: number;
}

async function build(dir: string, label: string): Promise<BuildRun> {
  log(`▸ ${label}: node scripts/build.ts --out ${dir}`);
  const res = await runMeasured([process.execPath, join(root, 'scripts/build.ts'), '--out', dir], { cwd: root });
  const wallMs = res.wallMs;
  if (res.status !== 0) {
    process.stderr.write(res.stdout ?? '');
    process.stderr.write(res.stderr ?? '');
    throw new Error(`${label} failed (exit ${res.status})`);
  }
  const run: BuildRun = { dir, wallMs: Math.round(wallMs), maxRssKb: res.maxRssKb, treeKb: res.treeKb };
  // scripts/build.ts records its split in .cache/build-timings.json ({ astroMs, searchMs, indexedPages }).
  const timingsFile = join(root, '.cache', 'build-timings.json');
  if (existsSync(timingsFile) && statSync(timingsFile).mtimeMs >= Date.now() - wallMs - 1000) {
    const t = JSON.parse(readFileSync(timingsFile, 'utf8')) as Partial<BuildRun>;
    Object.assign(run, { astroMs: t.astroMs, searchMs: t.searchMs, indexedPages: t.indexedPages });
  } else {
    // Fallback: parse the summary line "build: Astro 12.3 s, search index 1.2 s (N pages indexed)".
    const m = /Astro ([\d.]+) s, search index ([\d.]+) s \((\d+) pages/.exec(res.stdout ?? '');
    if (m) Object.assign(run, { astroMs: Number(m[1]) * 1000, searchMs: Number(m[2]) * 1000, indexedPages: Number(m[3]) });
  }
  return run;
}

type PageType = 'archive home' | 'report home' | 'section' | 'HKEX index' | 'other';
const PAGE_TYPES: PageType[] = ['archive home', 'report home', 'section', 'HKEX index', 'other'];

function pageType(urlPath: string): PageType {
  const seg = urlPath.split('/').filter(Boolean);
  if (!localeOfPath(urlPath) || !urlPath.endsWith('/')) return 'other';
  if (seg.length === 1) return 'archive home';
  if (seg[1] === 'hkex' || seg[1] === 'search') return 'other';
  if (seg.length === 3) return 'report home';
  if (seg.length === 4) return seg[3] === 'hkex-index' ? 'HKEX index' : 'section';
  return 'other';
}

interface Size {
  raw: number;
  gz: number;
}
const gzCache = new Map<string, Size>();
function sizeOf(dist: string, rel: string): Size {
  let s = gzCache.get(rel);
  if (!s) {
    const buf = readFileSync(join(dist, rel));
    s = { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
    gzCache.set(rel, s);
  }
  return s;
}

/** dist-relative files of the CSS and JS a page loads up front. */
function assets(site: Site, page: Page): { css: string[]; js: string[] } {
  const css = new Set<string>();
  const js = new Set<string>();
  const resolveRef = (v: string | undefined) => {
    if (!v || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(v)) return undefined;
    const p = decodeURIComponent(new URL(v, `http://x${page.urlPath}`).pathname).slice(1);
    return existsSync(join(site.dist, p)) ? p : undefined;
  };
  for (const el of findAll(page.tree, (e) => e.tagName === 'link' || e.tagName === 'script')) {
    const rel = (attr(el, 'rel') ?? '').split(/\s+/);
    if (el.tagName === 'link' && rel.includes('stylesheet')) {
      const f = resolveRef(attr(el, 'href'));
      if (f) css.add(f);
    } else if (el.tagName === 'link' && rel.includes('modulepreload')) {
      const f = resolveRef(attr(el, 'href'));
      if (f) js.add(f);
    } else if (el.tagName === 'script') {
      const f = resolveRef(attr(el, 'src'));
      if (f) js.add(f);
    }
  }
  return { css: [...css], js: [...js] };
}

interface TypeStats {
  pages: number;
  html: { raw: number[]; gz: number[] };
  css: { raw: number[]; gz: number[] };
  js: { raw: number[]; gz: number[] };
}

function measure(site: Site) {
  gzCache.clear();
  const stats = Object.fromEntries(
    PAGE_TYPES.map((t) => [t, { pages: 0, html: { raw: [], gz: [] }, css: { raw: [], gz: [] }, js: { raw: [], gz: [] } } as TypeStats]),
  ) as Record<PageType, TypeStats>;
  for (const page of site.pages.values()) {
    if (page.urlPath.startsWith('/pagefind/')) continue;
    const s = stats[pageType(page.urlPath)];
    s.pages++;
    const h = sizeOf(site.dist, page.file);
    s.html.raw.push(h.raw);
    s.html.gz.push(h.gz);
    const { css, js } = assets(site, page);
    const sum = (files: string[]) => files.map((f) => sizeOf(site.dist, f)).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }), { raw: 0, gz: 0 });
    const c = sum(css);
    const j = sum(js);
    s.css.raw.push(c.raw);
    s.css.gz.push(c.gz);
    s.js.raw.push(j.raw);
    s.js.gz.push(j.gz);
  }
  const perLocale = Object.fromEntries(LOCALE_IDS.map((l) => [l, [...site.pages.values()].filter((p) => localeOfPath(p.urlPath) === l).length]));
  let total = 0;
  let pagefind = 0;
  const byExt: Record<string, number> = {};
  for (const f of site.files) {
    const n = statSync(join(site.dist, f)).size;
    total += n;
    if (f.startsWith('pagefind/')) pagefind += n;
    const ext = f.includes('.') ? f.slice(f.lastIndexOf('.') + 1) : '(none)';
    byExt[ext] = (byExt[ext] ?? 0) + n;
  }
  return { stats, perLocale, files: site.files.length, htmlPages: site.pages.size, totalBytes: total, pagefindBytes: pagefind, byExt };
}

const mean = (a: number[]) => (a.length ? Math.round(a.reduce((x, y) => x + y, 0) / a.length) : 0);
const max = (a: number[]) => (a.length ? Math.max(...a) : 0);
const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} kB`);
const sec = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(cells[0]), w.map((n) => '─'.repeat(n)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'esg-bench-'));
const dirA = join(work, 'a');
const dirB = join(work, 'b');
try {
  const runs = siteOnly ? [] : [await build(dirA, 'build 1'), await build(dirB, 'build 2')];
  const site = readSite(siteOnly ?? dirA);
  const m = measure(site);
  const a = hashTree(siteOnly ?? dirA);
  const b = siteOnly ? a : hashTree(dirB);
  const diff = diffManifests(a.files, b.files);
  const search = await measureSearch(siteOnly ?? dirA);

  // The baseline a user would pick instead, over the same section MDX (not with --site: no builds).
  let bare;
  if (!siteOnly) {
    const bareDir = writeBareProject({ archive: root, to: join(work, 'bare') });
    const b = await measuredBuild('bare baseline (Astro 7 + MDX + Pagefind)', [process.execPath, join(root, 'scripts/lib/bare-baseline.ts'), 'build', bareDir], bareDir, join(bareDir, 'dist'), log);
    const firstQuery = await bareFirstQueries(b.dist);
    bare = {
      wallMs: b.run.wallMs,
      astroMs: b.astroMs,
      searchMs: b.searchMs,
      maxRssKb: b.run.maxRssKb,
      treeKb: b.run.treeKb,
      htmlPages: b.site.htmlPages,
      files: b.site.files,
      totalBytes: b.site.totalBytes,
      pagefindBytes: b.site.pagefindBytes,
      largestPage: b.site.perType.section.largest,
      firstQuery,
    };
  }

  const result = {
    site: siteOnly ?? 'scripts/build.ts --out <tmp>',
    builds: runs.map(({ wallMs, astroMs, searchMs, indexedPages, maxRssKb, treeKb }) => ({ wallMs, astroMs, searchMs, indexedPages, maxRssKb, treeKb })),
    pages: { total: m.htmlPages, perLocale: m.perLocale, files: m.files },
    bytes: {
      total: m.totalBytes,
      pagefind: m.pagefindBytes,
      byExtension: m.byExt,
      perPageType: Object.fromEntries(
        PAGE_TYPES.map((t) => {
          const s = m.stats[t];
          const agg = (x: { raw: number[]; gz: number[] }) => ({ rawMean: mean(x.raw), rawMax: max(x.raw), gzipMean: mean(x.gz), gzipMax: max(x.gz) });
          return [t, { pages: s.pages, html: agg(s.html), css: agg(s.css), js: agg(s.js) }];
        }),
      ),
    },
    search,
    bare: bare ?? null,
    determinism: siteOnly ? null : { files: a.files.size, differing: diff.length, digestA: a.digest, digestB: b.digest, examples: diff.slice(0, 20) },
  };

  if (asJson) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    if (runs.length) log('\nBuild time (scripts/build.ts)');
    if (runs.length) log(
      table(
        ['run', 'Astro build', 'search index', 'whole command', 'peak memory (largest process / tree PSS)', 'indexed pages'],
        result.builds.map((r, i) => [`build ${i + 1}`, sec(r.astroMs), sec(r.searchMs), sec(r.wallMs), r.maxRssKb ? `${mb(r.maxRssKb)} / ${mb(r.treeKb ?? 0)}` : 'n/a', r.indexedPages ?? 'n/a']),
      ),
    );
    log('\nPages');
    log(table(['locale', 'HTML pages'], [...Object.entries(m.perLocale), ['all (incl. /, 404, …)', m.htmlPages]]));
    log(`files in dist: ${m.files}, ${kb(m.totalBytes)} total, of which pagefind/ ${kb(m.pagefindBytes)}`);
    log('\nBytes per page (mean / max) — HTML file, plus the CSS and JS it loads up front; gzip = zlib level 9');
    const fmt = (x: { rawMean: number; rawMax: number; gzipMean: number; gzipMax: number }) => [`${kb(x.rawMean)} / ${kb(x.rawMax)}`, `${kb(x.gzipMean)} / ${kb(x.gzipMax)}`];
    log(
      table(
        ['page type', 'pages', 'HTML raw', 'HTML gzip', 'CSS raw', 'CSS gzip', 'JS raw', 'JS gzip'],
        PAGE_TYPES.map((t) => {
          const p = result.bytes.perPageType[t];
          return [t, p.pages, ...fmt(p.html), ...fmt(p.css), ...fmt(p.js)];
        }),
      ),
    );
    log('\nSearch index per locale (bytes on disk; Pagefind compresses its own files)');
    log(
      table(
        ['index', 'pages', 'meta', 'index chunks', 'filters', 'fragments'],
        Object.entries(search.indexes).map(([lang, x]) => [lang, x.pages, kb(x.meta), kb(x.chunks), kb(x.filters), kb(x.fragments)]),
      ),
    );
    log('\nSearch: bytes transferred per query (search UI JS, Pagefind JS + WASM, index chunks, script map, first page of result fragments; JS/JSON gzip level 9)');
    log(
      table(
        ['locale', 'queries', 'first query', 'transferred', 'later query', 'transferred'],
        search.queries.map((q) => [
          `/${q.locale}/`,
          q.label,
          `${q.first.query} (${q.first.results} results, ${q.first.files} files)`,
          kb(q.first.transferred),
          `${q.later.query} (${q.later.results} results, ${q.later.files} files)`,
          kb(q.later.transferred),
        ]),
      ),
    );
    log('\nSearch: first query of a new visitor, over every golden term');
    log(
      table(
        ['locale', 'queries', 'terms', 'median', 'p90', 'max', `over ${kb(search.budgetFirstQuery)}`],
        search.queries.map((q) => [`/${q.locale}/`, q.label, q.allFirst.terms, kb(q.allFirst.median), kb(q.allFirst.p90), kb(q.allFirst.max), q.allFirst.overBudget]),
      ),
    );
    log(`first query budget ${kb(search.budgetFirstQuery)} (every golden term): largest first query ${kb(search.worstFirstQuery)} — ${search.withinBudget ? 'within budget' : 'OVER BUDGET'}`);
    if (bare && runs[0]) {
      const r = runs[0];
      // sections by the shared classifier (this file's five types count data pages as sections)
      const siteSection = siteStats(dirA).perType.section.largest;
      const native = (l: string) => search.queries.find((q) => q.locale === l && ['English', 'Traditional', 'Simplified'].includes(q.label))!.allFirst;
      log('\nSide by side with the bare baseline (scripts/lib/bare-baseline.ts: Astro 7 + MDX, the same section MDX in the same three locales, Pagefind with default options)');
      log(
        table(
          ['', 'this site (build 1)', 'bare baseline', 'site / bare'],
          [
            ['build: Astro', sec(r.astroMs), sec(bare.astroMs), times(r.astroMs, bare.astroMs)],
            ['build: search index', sec(r.searchMs), sec(bare.searchMs), times(r.searchMs, bare.searchMs)],
            ['build: whole command', sec(r.wallMs), sec(bare.wallMs), times(r.wallMs, bare.wallMs)],
            ['peak RSS, largest process', mb(r.maxRssKb ?? 0), mb(bare.maxRssKb), times(r.maxRssKb, bare.maxRssKb)],
            ['peak memory, process tree (PSS sum, sampled)', mb(r.treeKb ?? 0), mb(bare.treeKb), times(r.treeKb, bare.treeKb)],
            ['HTML pages', m.htmlPages, bare.htmlPages, times(m.htmlPages, bare.htmlPages)],
            ['total bytes', kb(m.totalBytes), kb(bare.totalBytes), times(m.totalBytes, bare.totalBytes)],
            ['largest section page (raw HTML)', kb(siteSection), kb(bare.largestPage), times(siteSection, bare.largestPage)],
            ...(['en', 'tc', 'sc'] as const).map((l) => [
              `first query /${l}/ (golden terms): median / max`,
              `${kb(native(l).median)} / ${kb(native(l).max)}`,
              `${kb(bare.firstQuery[l].median)} / ${kb(bare.firstQuery[l].max)}`,
              times(native(l).median, bare.firstQuery[l].median),
            ]),
          ],
        ),
      );
    }
    if (!siteOnly) {
      log('\nDeterminism (build 1 vs build 2, sha256 of every file)');
      log(`${diff.length} of ${a.files.size} files differ${diff.length ? ':' : ' — byte-identical'}`);
      for (const d of diff.slice(0, 20)) log(`  ${d}`);
      if (diff.length > 20) log(`  … and ${diff.length - 20} more`);
    }
  }
  if (keep) log(`\nkept: ${dirA} and ${dirB}`);
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
