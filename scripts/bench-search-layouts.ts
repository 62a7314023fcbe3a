/**
 * node scripts/bench-search-layouts.ts SITE_DIR [--shards N] [--json]
 *
 * Search at scale (docs/scale.md, *Search at scale*): indexes one built site three ways, one
 * after the other, each in a child process measured like the scale benchmark (time, peak RSS of
 * the Pagefind binary):
 *
 * - **one index** over every indexed page (what `pagefind --site dist` writes);
 * - **per-shard bundles**: a bundle per build shard (issuers by `shardOf`, N shards), which a
 *   first query must all read, merged in the browser with `mergeIndex`;
 * - **parts** (the site's layout, src/lib/search-parts.ts): a first query reads the first part.
 *
 * and prints every golden term's first-query bytes per locale (the budget test's harness), median
 * and max, and the bundle count. The site's own `pagefind/` is left as it was: each layout is
 * written into a copy of the site's HTML. No thresholds: it reports figures.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './lib/search-index.ts';
import { kb, mb, runMeasured, sec, table } from './lib/bench-measure.ts';
import { shardOf } from '../src/lib/build-part.ts';
import { firstQueryCosts, goldenTerms, loadGolden, type SearchLocale } from '../tests/support/pagefind-node.ts';
import type { ReportSize } from '../src/lib/search-parts.ts';

type Layout = 'one index' | 'per-shard bundles' | 'parts';
const LAYOUTS: Layout[] = ['one index', 'per-shard bundles', 'parts'];
const LOCALES: SearchLocale[] = ['en', 'tc', 'sc'];

function groupsFor(layout: Layout, shards: number): ((reports: ReportSize[]) => ReportSize[][]) | undefined {
  if (layout === 'one index') return (reports) => [reports];
  if (layout === 'per-shard bundles') return (reports) => Array.from({ length: shards }, (_, i) => reports.filter((r) => shardOf(r.issuer, shards) === i + 1));
  return undefined;
}

/** Child process: index `dir` with one layout. */
async function indexOne(dir: string, layout: Layout, shards: number): Promise<void> {
  const groups = groupsFor(layout, shards);
  const result = await buildSearchIndex(dir, groups ? { groups } : {});
  writeFileSync(path.join(dir, '.layout.json'), `${JSON.stringify({ layout, bundles: result.parts })}\n`);
}

interface LayoutFigures {
  layout: Layout;
  bundles: number;
  wallMs: number;
  pagefindKb: number;
  firstQuery: Record<SearchLocale, { median: number; max: number; maxQuery: string }>;
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--index') return indexOne(args[1]!, args[2] as Layout, Number(args[3]));
  const site = args.find((a) => !a.startsWith('--'));
  const shardsAt = args.indexOf('--shards');
  const shards = shardsAt >= 0 ? Number(args[shardsAt + 1]) : 3;
  if (!site || !Number.isInteger(shards) || shards < 1) {
    console.error('usage: node scripts/bench-search-layouts.ts SITE_DIR [--shards N] [--json]');
    process.exit(2);
  }
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const golden = loadGolden();
  const out: LayoutFigures[] = [];
  for (const layout of LAYOUTS) {
    const dir = mkdtempSync(path.join(tmpdir(), 'esg-layout-'));
    try {
      cpSync(path.resolve(site), dir, { recursive: true, filter: (src) => path.relative(path.resolve(site), src) !== 'pagefind' });
      log(`▸ ${layout}: indexing ${dir}`);
      const run = await runMeasured([process.execPath, fileURLToPath(import.meta.url), '--index', dir, layout, String(shards)], { cwd: path.dirname(fileURLToPath(import.meta.url)) });
      if (run.status !== 0) throw new Error(`${layout}: indexing failed\n${run.stderr.slice(-4000)}`);
      const bundles = (JSON.parse(readFileSync(path.join(dir, '.layout.json'), 'utf8')) as { bundles: number[] }).bundles.length;
      log(`  ${bundles} bundle(s), ${sec(run.wallMs)}, Pagefind peak ${mb(run.perProcess.pagefind ?? 0)}`);
      const firstQuery = {} as LayoutFigures['firstQuery'];
      for (const l of LOCALES) {
        // one index and per-shard bundles: a first query reads every bundle; parts: the first
        const c = await firstQueryCosts(dir, l, goldenTerms(l, golden), undefined, layout === 'parts' ? 'first' : 'all');
        firstQuery[l] = { median: c.median, max: c.max.bytes, maxQuery: c.max.query };
      }
      out.push({ layout, bundles, wallMs: run.wallMs, pagefindKb: run.perProcess.pagefind ?? 0, firstQuery });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify({ site, shards, layouts: out }, null, 2));
    return;
  }
  console.log(
    table(
      ['layout', 'bundles', 'indexing', 'Pagefind peak RSS', ...LOCALES.map((l) => `first query /${l}/ median / max`)],
      out.map((f) => [f.layout, f.bundles, sec(f.wallMs), mb(f.pagefindKb), ...LOCALES.map((l) => `${kb(f.firstQuery[l].median)} / ${kb(f.firstQuery[l].max)} (${f.firstQuery[l].maxQuery})`)]),
    ),
  );
}

await main();
