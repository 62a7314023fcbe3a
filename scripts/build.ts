/**
 * npm run build [-- --out DIR]                the whole site into dist/ (or DIR)
 * npm run build -- --shards N [--out DIR]     the same site in N shards plus a merge, reusing every shard
 *                                             whose inputs did not change (.cache/shards/)
 * npm run build -- --shard K/N [--out DIR]    only the pages of the issuers of shard K of N
 *                                             (default .cache/shards/K-of-N/site)
 * npm run build -- --merge DIR… [--out DIR]   the cross-archive pages, then the shards' pages, the
 *                                             sitemap and the search index → the site
 *
 * Without --shards, archives of up to AUTO_SHARD_REPORTS reports build in one Astro run; larger
 * ones in shards of about that many reports (docs/scale.md). Every mode writes into a fresh
 * folder and swaps it in at the end: a failed build leaves the last good site in place. Prints
 * (and records in .cache/build-timings.json) the time split.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './lib/search-index.ts';
import { writeSitemap } from './lib/sitemap.ts';
import { shardDigest, shardIssuers } from './lib/shard-inputs.ts';
import { parseShard } from '../src/lib/build-part.ts';
import { siteUrl } from '../src/lib/site-url.ts';

/** Reports per shard when the build picks the shard count itself. */
export const AUTO_SHARD_REPORTS = 100;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const valueOf = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};

function fail(message: string, staging?: string, finalDir?: string): never {
  if (staging) rmSync(staging, { recursive: true, force: true });
  // Written synchronously: on a pipe, console.error is asynchronous and process.exit could drop it.
  const kept = finalDir && existsSync(finalDir) ? `The last good site in ${finalDir} was left as it was.` : 'No site was written.';
  writeSync(2, `build failed: ${message}\n${kept}\n`);
  process.exit(1);
}

/** One `astro build` of a part of the site (ESG_BUILD_PART, src/lib/build-part.ts) into `outDir`. */
function astroBuild(outDir: string, part: string | undefined, finalDir: string): number {
  const t0 = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' };
  if (part) env.ESG_BUILD_PART = part;
  else delete env.ESG_BUILD_PART;
  const run = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, stdio: 'inherit', env });
  if (run.status !== 0) fail(`astro build${part ? ` (${part})` : ''} exited with ${run.status ?? run.signal}; see the messages above.`, outDir, finalDir);
  return performance.now() - t0;
}

/** Swaps a finished staging folder into place (the previous site is removed only after). */
function swapIn(staging: string, finalDir: string): void {
  const previous = `${finalDir}.previous-${process.pid}`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(finalDir)) renameSync(finalDir, previous);
  mkdirSync(dirname(finalDir), { recursive: true });
  renameSync(staging, finalDir);
  rmSync(previous, { recursive: true, force: true });
}

/** Sitemap and search index over a complete site in `staging`, then the swap; prints the figures. */
async function finish(staging: string, finalDir: string, astroMs: number, extra: Record<string, unknown> = {}): Promise<void> {
  if (!existsSync(join(staging, 'index.html'))) fail(`${staging}/index.html is missing after the build.`, staging, finalDir);
  writeSitemap(staging, siteUrl());
  const t1 = performance.now();
  let search;
  try {
    search = await buildSearchIndex(staging);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), staging, finalDir);
  }
  const searchMs = performance.now() - t1;
  swapIn(staging, finalDir);
  const timings = { astroMs: Math.round(astroMs), searchMs: Math.round(searchMs), indexedPages: search.pages, searchParts: search.parts.length, ...extra };
  mkdirSync(join(root, '.cache'), { recursive: true });
  writeFileSync(join(root, '.cache', 'build-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  for (const lang of [...new Set(search.chunks.map((c) => c.language))]) {
    const of = search.chunks.filter((c) => c.language === lang);
    const sum = (f: (c: (typeof of)[number]) => number) => of.reduce((a, c) => a + f(c), 0);
    console.log(`search index ${lang}: ${sum((c) => c.words)} words in ${sum((c) => c.chunksAfter)} chunks (Pagefind wrote ${sum((c) => c.chunksBefore)}; largest ${(Math.max(...of.map((c) => c.largestChunk)) / 1024).toFixed(1)} KB)`);
  }
  console.log(`search index: ${search.parts.length} part${search.parts.length === 1 ? '' : 's'} of ${search.parts.join(', ')} reports`);
  console.log(`build: Astro ${(timings.astroMs / 1000).toFixed(1)} s, search index ${(timings.searchMs / 1000).toFixed(1)} s (${search.pages} pages indexed) → ${finalDir}`);
}

const shardDir = (k: number, n: number) => join(root, '.cache', 'shards', `${k}-of-${n}`);

/** Builds shard K of N into `out` (a fresh folder swapped in), recording its input digest beside it. */
function buildShard(k: number, n: number, out: string): number {
  const staging = `${out}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const ms = astroBuild(staging, `shard:${k}/${n}`, out);
  // the parts every build makes (language chooser, 404, archive.json) belong to the merge
  writeFileSync(join(staging, '.shard.json'), `${JSON.stringify({ shard: `${k}/${n}`, issuers: shardIssuers(root, k, n), digest: shardDigest(root, k, n) }, null, 2)}\n`);
  swapIn(staging, out);
  return ms;
}

/** The cross-archive build, then every shard's files that the cross build did not write. */
async function merge(dirs: string[], finalDir: string, shardTimes: Record<string, number> = {}, reused: string[] = []): Promise<void> {
  for (const d of dirs) if (!existsSync(join(d, '.shard.json'))) fail(`${d} is not a shard folder (no .shard.json); build it with npm run build -- --shard K/N`, undefined, finalDir);
  const shards = dirs.map((d) => JSON.parse(readFileSync(join(d, '.shard.json'), 'utf8')) as { shard: string });
  const counts = new Set(shards.map((s) => s.shard.split('/')[1]));
  const given = new Set(shards.map((s) => s.shard));
  const n = Number([...counts][0]);
  if (counts.size !== 1 || given.size !== dirs.length || given.size !== n) {
    fail(`the folders hold shards ${[...given].sort().join(', ')}; a merge needs every shard 1/N … N/N of one N exactly once`, undefined, finalDir);
  }
  const staging = `${finalDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const crossMs = astroBuild(staging, 'cross', finalDir);
  const t0 = performance.now();
  for (const d of dirs) {
    for (const entry of readdirSync(d)) {
      if (entry === '.shard.json') continue;
      // files the cross build wrote (language chooser, 404, shared assets) are its own
      cpSync(join(d, entry), join(staging, entry), { recursive: true, force: false, errorOnExist: false });
    }
  }
  const copyMs = performance.now() - t0;
  const shardMs = Object.values(shardTimes).reduce((a, b) => a + b, 0);
  await finish(staging, finalDir, shardMs + crossMs, {
    shards: n,
    reusedShards: reused,
    shardAstroMs: Math.round(shardMs),
    shardAstroMsEach: Object.fromEntries(Object.entries(shardTimes).map(([k, v]) => [k, Math.round(v)])),
    crossAstroMs: Math.round(crossMs),
    mergeCopyMs: Math.round(copyMs),
  });
}

function reportCount(): number {
  const dir = join(root, 'content', 'reports');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((sum, issuer) => sum + readdirSync(join(dir, issuer)).filter((y) => existsSync(join(dir, issuer, y, 'report.yaml'))).length, 0);
}

const outArg = valueOf('--out');
const shardArg = valueOf('--shard');
const shardsArg = valueOf('--shards') ?? (process.env.ESG_SHARDS || undefined);

if (args.includes('--merge')) {
  const dirs = args.slice(args.indexOf('--merge') + 1).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--out');
  if (dirs.length === 0) fail('--merge needs the shard folders, e.g. --merge .cache/shards/1-of-2/site .cache/shards/2-of-2/site');
  await merge(dirs.map((d) => resolve(root, d)), resolve(root, outArg ?? 'dist'));
} else if (shardArg) {
  let spec;
  try {
    spec = parseShard(shardArg);
  } catch (error) {
    fail((error as Error).message);
  }
  const out = resolve(root, outArg ?? join(shardDir(spec.k, spec.n), 'site'));
  const ms = buildShard(spec.k, spec.n, out);
  console.log(`shard ${spec.k}/${spec.n}: ${shardIssuers(root, spec.k, spec.n).length} issuers, Astro ${(ms / 1000).toFixed(1)} s → ${out}`);
} else {
  const finalDir = resolve(root, outArg ?? 'dist');
  const n = shardsArg === undefined || shardsArg === 'auto' ? Math.ceil(reportCount() / AUTO_SHARD_REPORTS) : Number(shardsArg);
  if (!Number.isInteger(n) || n < 0 || (shardsArg !== undefined && shardsArg !== 'auto' && n < 1)) fail(`--shards ${shardsArg}: give a whole number of shards ≥ 1 (or auto)`);
  if (n <= 1 && (shardsArg === undefined || shardsArg === 'auto')) {
    const staging = `${finalDir}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    const ms = astroBuild(staging, undefined, finalDir);
    await finish(staging, finalDir, ms);
  } else {
    // incremental: a shard whose inputs hash as when it was built is reused as it is
    const shardTimes: Record<string, number> = {};
    const reused: string[] = [];
    const dirs: string[] = [];
    for (let k = 1; k <= n; k++) {
      const out = join(shardDir(k, n), 'site');
      const meta = join(out, '.shard.json');
      const digest = shardDigest(root, k, n);
      if (existsSync(meta) && JSON.parse(readFileSync(meta, 'utf8')).digest === digest) {
        reused.push(`${k}/${n}`);
        console.log(`shard ${k}/${n}: unchanged, reused from ${out}`);
      } else {
        shardTimes[`${k}/${n}`] = buildShard(k, n, out);
      }
      dirs.push(out);
    }
    await merge(dirs, finalDir, shardTimes, reused);
  }
}
