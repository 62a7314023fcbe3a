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
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, type SearchIndexResult } from './lib/search-index.ts';
import { sec } from './lib/bench-measure.ts';
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

/** Astro builds still running (the merge's runs beside its search indexing): stopped on a failure. */
const running = new Set<ChildProcess>();
/** Folders of this run besides the staging folder (the merge's search index): removed on a failure. */
const scratch = new Set<string>();

function fail(message: string, staging?: string, finalDir?: string): never {
  for (const child of running) child.kill('SIGTERM');
  for (const dir of [staging, ...scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
  // Written synchronously: on a pipe, console.error is asynchronous and process.exit could drop it.
  const kept = finalDir && existsSync(finalDir) ? `The last good site in ${finalDir} was left as it was.` : 'No site was written.';
  writeSync(2, `build failed: ${message}\n${kept}\n`);
  process.exit(1);
}

/** One `astro build` of a part of the site (ESG_BUILD_PART, src/lib/build-part.ts) into `outDir`. */
async function astroBuild(outDir: string, part: string | undefined, finalDir: string): Promise<number> {
  const t0 = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' };
  if (part) env.ESG_BUILD_PART = part;
  else delete env.ESG_BUILD_PART;
  const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, stdio: 'inherit', env });
  running.add(child);
  const status = await new Promise<number | string>((done) => {
    child.on('error', (error) => done(error.message));
    child.on('close', (code, signal) => done(code ?? signal ?? 'an unknown status'));
  });
  running.delete(child);
  if (status !== 0) fail(`astro build${part ? ` (${part})` : ''} exited with ${status}; see the messages above.`, outDir, finalDir);
  return performance.now() - t0;
}

/** The search index (scripts/lib/search-index.ts), a failure ending the build like any other. */
async function indexSearch(siteDir: string, sources: string[] | undefined, staging: string, finalDir: string): Promise<{ search: SearchIndexResult; ms: number }> {
  const t0 = performance.now();
  try {
    return { search: await buildSearchIndex(siteDir, sources ? { sources } : {}), ms: performance.now() - t0 };
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), staging, finalDir);
  }
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

/** A built site has its language chooser; checked before the search index is built over it. */
function requireHome(staging: string, finalDir: string): void {
  if (!existsSync(join(staging, 'index.html'))) fail(`${staging}/index.html is missing after the build.`, staging, finalDir);
}

/** Sitemap over a complete site in `staging` (its search index already in it), then the swap; prints the figures. */
function finish(staging: string, finalDir: string, search: SearchIndexResult, timings: { astroMs: number; searchMs: number } & Record<string, unknown>): void {
  writeSitemap(staging, siteUrl());
  swapIn(staging, finalDir);
  const recorded = { ...timings, indexedPages: search.pages, searchParts: search.parts.length };
  mkdirSync(join(root, '.cache'), { recursive: true });
  writeFileSync(join(root, '.cache', 'build-timings.json'), `${JSON.stringify(recorded, null, 2)}\n`);
  for (const lang of [...new Set(search.chunks.map((c) => c.language))]) {
    const of = search.chunks.filter((c) => c.language === lang);
    const sum = (f: (c: (typeof of)[number]) => number) => of.reduce((a, c) => a + f(c), 0);
    console.log(`search index ${lang}: ${sum((c) => c.words)} words in ${sum((c) => c.chunksAfter)} chunks (Pagefind wrote ${sum((c) => c.chunksBefore)}; largest ${(Math.max(...of.map((c) => c.largestChunk)) / 1024).toFixed(1)} KB)`);
  }
  console.log(`search index: ${search.parts.length} part${search.parts.length === 1 ? '' : 's'} of ${search.parts.join(', ')} reports`);
  console.log(`build: Astro ${sec(timings.astroMs)}, search index ${sec(timings.searchMs)} (${search.pages} pages indexed) → ${finalDir}`);
}

const shardDir = (k: number, n: number) => join(root, '.cache', 'shards', `${k}-of-${n}`);

/** Builds shard K of N into `out` (a fresh folder swapped in), recording its input digest beside it. */
async function buildShard(k: number, n: number, out: string): Promise<number> {
  const staging = `${out}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const ms = await astroBuild(staging, `shard:${k}/${n}`, out);
  // the parts every build makes (language chooser, 404, archive.json) belong to the merge
  writeFileSync(join(staging, '.shard.json'), `${JSON.stringify({ shard: `${k}/${n}`, issuers: shardIssuers(root, k, n), digest: shardDigest(root, k, n) }, null, 2)}\n`);
  swapIn(staging, out);
  return ms;
}

/**
 * The cross-archive build and, beside it, the search index of the shards' report pages (the
 * only pages indexed, each in one shard); then every shard's files the cross build did not write.
 */
async function merge(dirs: string[], finalDir: string, shardTimes: Record<string, number> = {}, reused: string[] = []): Promise<void> {
  for (const d of dirs) if (!existsSync(join(d, '.shard.json'))) fail(`${d} is not a shard folder (no .shard.json); build it with npm run build -- --shard K/N`, undefined, finalDir);
  const shards = dirs.map((d) => JSON.parse(readFileSync(join(d, '.shard.json'), 'utf8')) as { shard: string });
  const counts = new Set(shards.map((s) => s.shard.split('/')[1]));
  const given = new Set(shards.map((s) => s.shard));
  const n = Number([...counts][0]);
  if (counts.size !== 1 || given.size !== dirs.length || given.size !== n) {
    fail(`the folders hold shards ${[...given].sort().join(', ')}; a merge needs every shard 1/N … N/N of one N exactly once`, undefined, finalDir);
  }
  for (const d of dirs) if (existsSync(join(d, 'pagefind'))) fail(`${d}/pagefind exists: a shard holds no search index; rebuild it with npm run build -- --shard K/N`, undefined, finalDir);
  const staging = `${finalDir}.staging-${process.pid}`;
  const searchDir = `${finalDir}.search-${process.pid}`;
  for (const dir of [staging, searchDir]) rmSync(dir, { recursive: true, force: true });
  scratch.add(searchDir);
  const t0 = performance.now();
  const [crossMs, { search, ms: searchMs }] = await Promise.all([astroBuild(staging, 'cross', finalDir), indexSearch(searchDir, dirs, staging, finalDir)]);
  const t1 = performance.now();
  for (const d of dirs) {
    for (const entry of readdirSync(d)) {
      if (entry === '.shard.json') continue;
      // files the cross build wrote (language chooser, 404, shared assets) are its own
      cpSync(join(d, entry), join(staging, entry), { recursive: true, force: false, errorOnExist: false });
    }
  }
  requireHome(staging, finalDir);
  if (existsSync(join(staging, 'pagefind'))) fail(`the cross build wrote ${staging}/pagefind, where the search index goes`, staging, finalDir);
  renameSync(join(searchDir, 'pagefind'), join(staging, 'pagefind'));
  rmSync(searchDir, { recursive: true, force: true });
  const copyMs = performance.now() - t1;
  const shardMs = Object.values(shardTimes).reduce((a, b) => a + b, 0);
  finish(staging, finalDir, search, {
    astroMs: Math.round(shardMs + crossMs),
    searchMs: Math.round(searchMs),
    shards: n,
    reusedShards: reused,
    shardAstroMs: Math.round(shardMs),
    shardAstroMsEach: Object.fromEntries(Object.entries(shardTimes).map(([k, v]) => [k, Math.round(v)])),
    crossAstroMs: Math.round(crossMs),
    mergeCopyMs: Math.round(copyMs),
    // the cross build and the search index run at once: the merge's wall time is not their sum
    mergeMs: Math.round(performance.now() - t0),
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
  const ms = await buildShard(spec.k, spec.n, out);
  console.log(`shard ${spec.k}/${spec.n}: ${shardIssuers(root, spec.k, spec.n).length} issuers, Astro ${sec(ms)} → ${out}`);
} else {
  const finalDir = resolve(root, outArg ?? 'dist');
  const n = shardsArg === undefined || shardsArg === 'auto' ? Math.ceil(reportCount() / AUTO_SHARD_REPORTS) : Number(shardsArg);
  if (!Number.isInteger(n) || n < 0 || (shardsArg !== undefined && shardsArg !== 'auto' && n < 1)) fail(`--shards ${shardsArg}: give a whole number of shards ≥ 1 (or auto)`);
  if (n <= 1 && (shardsArg === undefined || shardsArg === 'auto')) {
    const staging = `${finalDir}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    const ms = await astroBuild(staging, undefined, finalDir);
    requireHome(staging, finalDir);
    const { search, ms: searchMs } = await indexSearch(staging, undefined, staging, finalDir);
    finish(staging, finalDir, search, { astroMs: Math.round(ms), searchMs: Math.round(searchMs) });
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
        shardTimes[`${k}/${n}`] = await buildShard(k, n, out);
      }
      dirs.push(out);
    }
    await merge(dirs, finalDir, shardTimes, reused);
  }
}
