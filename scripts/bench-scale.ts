/**
 * npm run bench -- --scale N [--json] [--keep]
 *
 * Scale benchmark (docs/scale.md): makes a synthetic archive of N reports from the bundled ones
 * (scripts/lib/synthetic-archive.ts: new issuers, names, stock codes and years; texts and values
 * kept), builds it outside the working tree with its own copy of scripts/build.ts, then builds the
 * bare baseline over the same section MDX (scripts/lib/bare-baseline.ts: Astro 7 + MDX + Pagefind,
 * same three locales and `lang` values), each one after the other (never at once), and prints:
 *
 * - build time: Astro and search (from each project's .cache/build-timings.json) and the whole
 *   command (wall);
 * - peak memory of the whole process tree (scripts/lib/bench-measure.ts: the largest single process
 *   from `/usr/bin/time -v`, the summed PSS of the tree sampled every 200 ms, and the peak RSS of
 *   the Astro process, the Pagefind binary and the build script each);
 * - HTML pages, total bytes (pagefind/ included), and per page type (scripts/lib/page-types.ts) the
 *   count and the largest page's raw HTML bytes;
 * - first-query search bytes: every golden term (tests/build/search-golden.yaml) as a new
 *   visitor's first query on /en/, /tc/ and /sc/ of the real site (the same Node harness as the
 *   budget test, tests/support/pagefind-node.ts: search UI script, Pagefind JS + WASM, meta, index
 *   chunks, script map, first 5 result fragments; JS/JSON gzip level 9), median and max; on the
 *   bare site the same terms through plain `pagefind.search()` (Pagefind JS + WASM, meta, chunks,
 *   first 5 fragments);
 * - the ratio real / bare of the total build time and of the peak memory.
 *
 * --json prints one JSON object instead (progress on stderr); --print FILE prints the tables of a saved
 * --json run; --keep keeps the temporary folders.
 * No thresholds: it reports figures.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSyntheticArchive } from './lib/synthetic-archive.ts';
import { writeBareProject } from './lib/bare-baseline.ts';
import { kb, mb, ratio, runMeasured, sec, siteStats, table, type MeasuredRun, type SiteStats } from './lib/bench-measure.ts';
import { PAGE_TYPES } from './lib/page-types.ts';
import { FIRST_PAGE } from '../src/lib/search-config.ts';
import { HTML_LANG, firstQueryCosts, goldenTerms, loadPagefind, type SearchLocale } from '../tests/support/pagefind-node.ts';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildFigures {
  dir: string;
  dist: string;
  run: Omit<MeasuredRun, 'stdout' | 'stderr'>;
  astroMs?: number;
  searchMs?: number;
  indexedPages?: number;
  /** a sharded build (more than AUTO_SHARD_REPORTS reports): Astro time of each shard, the cross part and the merge's wall time */
  shards?: { astroMsEach: Record<string, number>; crossAstroMs: number; mergeCopyMs: number; mergeMs: number };
  searchParts?: number;
  site: SiteStats;
}

/** Runs a build command under measurement; reads the project's .cache/build-timings.json. */
export async function measuredBuild(label: string, cmd: string[], dir: string, dist: string, log: (s: string) => void): Promise<BuildFigures> {
  log(`▸ ${label}: ${cmd.map((c) => path.basename(c)).join(' ')} (in ${dir})`);
  const run = await runMeasured(cmd, { cwd: dir });
  if (run.status !== 0) {
    process.stderr.write(run.stdout.slice(-20000));
    process.stderr.write(run.stderr.slice(-20000));
    throw new Error(`${label} failed (exit ${run.status})`);
  }
  const { stdout: _o, stderr: _e, ...rest } = run;
  const timingsFile = path.join(dir, '.cache', 'build-timings.json');
  const t = existsSync(timingsFile)
    ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as {
        astroMs: number;
        searchMs: number;
        indexedPages: number;
        searchParts?: number;
        shardAstroMsEach?: Record<string, number>;
        crossAstroMs?: number;
        mergeCopyMs?: number;
        mergeMs?: number;
      })
    : undefined;
  log(`  ${sec(run.wallMs)}, peak RSS ${mb(run.maxRssKb)} (largest process), ${mb(run.treeKb)} (tree, PSS); ${Object.entries(run.perProcess).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`);
  const shards = t?.shardAstroMsEach
    ? { astroMsEach: t.shardAstroMsEach, crossAstroMs: t.crossAstroMs ?? 0, mergeCopyMs: t.mergeCopyMs ?? 0, mergeMs: t.mergeMs ?? 0 }
    : undefined;
  return { dir, dist, run: rest, astroMs: t?.astroMs, searchMs: t?.searchMs, indexedPages: t?.indexedPages, shards, searchParts: t?.searchParts, site: siteStats(dist) };
}

const LOCALES: SearchLocale[] = ['en', 'tc', 'sc'];

export interface FirstQuery {
  terms: number;
  median: number;
  max: number;
  maxQuery: string;
}

const summarise = (costs: { query: string; bytes: number }[]): FirstQuery => {
  const sorted = [...costs].sort((a, b) => a.bytes - b.bytes);
  return { terms: sorted.length, median: sorted[Math.floor(sorted.length / 2)]!.bytes, max: sorted.at(-1)!.bytes, maxQuery: sorted.at(-1)!.query };
};

/** The real site: the budget test's harness (query layer, script map, search UI script). */
export async function realFirstQueries(dist: string): Promise<Record<SearchLocale, FirstQuery>> {
  const out = {} as Record<SearchLocale, FirstQuery>;
  for (const l of LOCALES) out[l] = summarise((await firstQueryCosts(dist, l, goldenTerms(l))).costs);
  return out;
}

/** The bare site: plain `pagefind.search(term)` and the first 5 results' fragments, as Pagefind's default UI-less API does. */
export async function bareFirstQueries(dist: string): Promise<Record<SearchLocale, FirstQuery>> {
  const out = {} as Record<SearchLocale, FirstQuery>;
  for (const l of LOCALES) {
    const costs: { query: string; bytes: number }[] = [];
    for (const term of goldenTerms(l)) {
      const pf = await loadPagefind(dist);
      try {
        const api = await pf.instance(HTML_LANG[l]);
        const res = await api.search(term);
        await Promise.all((res?.results ?? []).slice(0, FIRST_PAGE).map((r) => r.data()));
        const files = ['/pagefind/pagefind.js', ...new Set(pf.transfer.files)];
        const bytes = files.reduce((a, f) => {
          const body = readFileSync(path.join(dist, decodeURIComponent(f.replace(/\?.*$/, ''))));
          return a + (/\.(js|mjs|json|css)$/.test(f) ? gzipSync(body, { level: 9 }).length : body.length);
        }, 0);
        costs.push({ query: term, bytes });
      } finally {
        pf.close();
      }
    }
    out[l] = summarise(costs);
  }
  return out;
}

export interface BuildResult {
  astroMs?: number;
  searchMs?: number;
  wallMs: number;
  maxRssKb: number;
  treeKb: number;
  perProcess: Record<string, number>;
  rssSource: string;
  indexedPages?: number;
  shards?: BuildFigures['shards'];
  searchParts?: number;
  htmlPages: number;
  files: number;
  totalBytes: number;
  pagefindBytes: number;
  perType: SiteStats['perType'];
  firstQuery: Record<SearchLocale, FirstQuery>;
}

export interface ScaleResult {
  n: number;
  date: string;
  archive: { reports: number; issuers: number; years: number; firstYear?: string; lastYear?: string };
  builds: { site: BuildResult; bare: BuildResult };
  ratio: { wall: number; maxRss: number; tree: number; rssPerReportKb: number };
}

function buildResult(b: BuildFigures, firstQuery: Record<SearchLocale, FirstQuery>): BuildResult {
  return {
    astroMs: b.astroMs,
    searchMs: b.searchMs,
    wallMs: b.run.wallMs,
    maxRssKb: b.run.maxRssKb,
    treeKb: b.run.treeKb,
    perProcess: b.run.perProcess,
    rssSource: b.run.rssSource,
    indexedPages: b.indexedPages,
    shards: b.shards,
    searchParts: b.searchParts,
    htmlPages: b.site.htmlPages,
    files: b.site.files,
    totalBytes: b.site.totalBytes,
    pagefindBytes: b.site.pagefindBytes,
    perType: b.site.perType,
    firstQuery,
  };
}

/** The largest process's peak RSS: GNU time's figure or the largest sampled VmHWM (see bench-measure.ts). */
const largestKb = (x: BuildResult) => Math.max(x.maxRssKb, ...Object.values(x.perProcess ?? {}));

/**
 * A sharded build's split: each shard is a job of its own (a CI matrix leg), so beside the one-machine
 * total the table gives the largest shard, the merge (cross-archive Astro, copying the shards in,
 * sitemap and search index) and their sum, the wall time of the matrix with every shard at once.
 * The merge's cross build and search index run side by side, so its wall time is measured, not summed.
 */
function shardRows(s: BuildResult, b: BuildResult): (string | number)[][] {
  if (!s.shards) return [];
  const each = Object.values(s.shards.astroMsEach);
  const largest = Math.max(...each);
  const { mergeMs } = s.shards;
  return [
    [`  shards: ${each.length}, Astro each (largest)`, `${each.map((ms) => sec(ms)).join(', ')} (${sec(largest)})`, '', ''],
    ['  merge: cross pages ‖ search index, then copy', `${sec(s.shards.crossAstroMs)} ‖ ${sec(s.searchMs)}, ${sec(s.shards.mergeCopyMs)}: ${sec(mergeMs)} wall`, '', ''],
    ['  matrix wall time: largest shard + merge', sec(largest + mergeMs), sec(b.wallMs), ratio(largest + mergeMs, b.wallMs)],
  ];
}

/** The JSON of a run (`--json`) as the text tables. */
export function formatScaleResult(result: ScaleResult): string {
  const out: string[] = [];
  const s = result.builds.site;
  const b = result.builds.bare;
  out.push(`\nScale benchmark, N = ${result.n}: ${result.archive.reports} reports, ${result.archive.issuers} issuers, ${result.archive.firstYear}–${result.archive.lastYear}`);
  const rows: (string | number)[][] = [
    ['build: Astro', sec(s.astroMs), sec(b.astroMs), ratio(s.astroMs, b.astroMs)],
    ['build: search index', sec(s.searchMs), sec(b.searchMs), ratio(s.searchMs, b.searchMs)],
    ['build: total (whole command)', sec(s.wallMs), sec(b.wallMs), ratio(s.wallMs, b.wallMs)],
    ['peak RSS, largest process', mb(largestKb(s)), mb(largestKb(b)), ratio(largestKb(s), largestKb(b))],
    ['peak memory, process tree (PSS sum, sampled)', mb(s.treeKb), mb(b.treeKb), ratio(s.treeKb, b.treeKb)],
    ...(['astro build', 'pagefind', 'node'] as const).map((k) => {
      const of = (x: BuildResult) => Math.max(0, ...Object.entries(x.perProcess).filter(([p]) => (k === 'node' ? p.startsWith('node ') : p === k)).map(([, v]) => v));
      return [`  peak RSS of ${k === 'node' ? 'the build script (node)' : `the ${k} process`}`, mb(of(s)), mb(of(b)), ratio(of(s), of(b))];
    }),
    ...shardRows(s, b),
    ['HTML pages', s.htmlPages, b.htmlPages, ratio(s.htmlPages, b.htmlPages)],
    ['pages indexed', s.indexedPages ?? 'n/a', b.indexedPages ?? 'n/a', ''],
    ['search index parts', s.searchParts ?? 1, 1, ''],
    ['total bytes (files)', `${kb(s.totalBytes)} (${s.files})`, `${kb(b.totalBytes)} (${b.files})`, ratio(s.totalBytes, b.totalBytes)],
    ['  of which pagefind/', kb(s.pagefindBytes), kb(b.pagefindBytes), ratio(s.pagefindBytes, b.pagefindBytes)],
  ];
  for (const t of PAGE_TYPES) {
    const x = s.perType[t];
    const y = b.perType[t];
    if (!x.pages && !y.pages) continue;
    rows.push([`${t}: pages / largest`, x.pages ? `${x.pages} / ${kb(x.largest)}` : '–', y.pages ? `${y.pages} / ${kb(y.largest)}` : '–', '']);
  }
  for (const l of LOCALES) {
    const x = s.firstQuery[l];
    const y = b.firstQuery[l];
    rows.push([`first query /${l}/ (${x.terms} terms): median / max (term)`, `${kb(x.median)} / ${kb(x.max)} (${x.maxQuery})`, `${kb(y.median)} / ${kb(y.max)} (${y.maxQuery})`, ratio(x.median, y.median)]);
  }
  out.push(table(['', 'site', 'bare baseline', 'site / bare'], rows));
  out.push('\nLargest page per type (site)');
  out.push(table(['type', 'URL', 'raw bytes'], PAGE_TYPES.filter((t) => s.perType[t].pages).map((t) => [t, s.perType[t].largestUrl, kb(s.perType[t].largest)])));
  out.push(`\npeak RSS per report (largest process / N): ${(largestKb(s) / result.n / 1024).toFixed(1)} MB`);
  return out.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const printArg = args.indexOf('--print');
  if (printArg >= 0) {
    // re-print the tables of a saved --json run
    console.log(formatScaleResult(JSON.parse(readFileSync(args[printArg + 1]!, 'utf8')) as ScaleResult));
    return;
  }
  const scaleArg = args.indexOf('--scale');
  const n = Number(args[scaleArg + 1]);
  if (scaleArg < 0 || !Number.isInteger(n) || n < 1) {
    console.error('usage: npm run bench -- --scale N [--json] [--keep]');
    process.exit(2);
  }
  const asJson = args.includes('--json');
  const keep = args.includes('--keep');
  const log = (s: string) => (asJson ? process.stderr.write(`${s}\n`) : console.log(s));

  const t0 = performance.now();
  const archive = makeSyntheticArchive({ n, from: ROOT });
  const years = [...new Set(archive.reports.map((r) => r.year))].sort();
  log(`synthetic archive: ${archive.reports.length} reports of ${archive.issuers.length} issuers, ${years[0]}–${years.at(-1)} (${Math.round(performance.now() - t0)} ms) → ${archive.dir}`);
  const bareDir = writeBareProject({ archive: archive.dir });
  try {
    const real = await measuredBuild('site', [process.execPath, path.join(archive.dir, 'scripts', 'build.ts')], archive.dir, path.join(archive.dir, 'dist'), log);
    const bare = await measuredBuild('bare baseline', [process.execPath, path.join(ROOT, 'scripts', 'lib', 'bare-baseline.ts'), 'build', bareDir], bareDir, path.join(bareDir, 'dist'), log);
    log('▸ search: every golden term as a first query (real site, then bare)');
    const realSearch = await realFirstQueries(real.dist);
    const bareSearch = await bareFirstQueries(bare.dist);

    const result: ScaleResult = {
      n,
      date: new Date().toISOString(),
      archive: { reports: archive.reports.length, issuers: archive.issuers.length, years: years.length, firstYear: years[0], lastYear: years.at(-1) },
      builds: { site: buildResult(real, realSearch), bare: buildResult(bare, bareSearch) },
      ratio: {
        wall: real.run.wallMs / bare.run.wallMs,
        maxRss: real.run.maxRssKb / bare.run.maxRssKb,
        tree: real.run.treeKb / bare.run.treeKb,
        rssPerReportKb: real.run.maxRssKb / n,
      },
    };

    if (asJson) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      log(formatScaleResult(result));
    }
    if (keep) log(`\nkept: ${archive.dir} and ${bareDir}`);
  } finally {
    if (!keep) {
      rmSync(archive.dir, { recursive: true, force: true });
      rmSync(bareDir, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
