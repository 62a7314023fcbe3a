/**
 * npm run build: Astro build + search index into a fresh directory, then swap it into dist/.
 * A failed build leaves the last good dist/ in place. Prints (and records) the time split.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './lib/search-index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const finalDir = resolve(root, outArg > 0 ? process.argv[outArg + 1]! : 'dist');
// Per-process names: two builds at once never share a staging folder.
const stagingDir = `${finalDir}.staging-${process.pid}`;
const previousDir = `${finalDir}.previous-${process.pid}`;

function fail(message: string): never {
  rmSync(stagingDir, { recursive: true, force: true });
  // Written synchronously: on a pipe, console.error is asynchronous and process.exit could drop it.
  writeSync(2, `build failed: ${message}\n${existsSync(finalDir) ? `The last good site in ${finalDir} was left as it was.` : 'No site was written.'}\n`);
  process.exit(1);
}

rmSync(stagingDir, { recursive: true, force: true });

const t0 = performance.now();
const astro = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_OUT_DIR: stagingDir, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0) fail(`astro build exited with ${astro.status ?? astro.signal}; see the messages above.`);
const t1 = performance.now();

let search;
try {
  search = await buildSearchIndex(stagingDir);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const t2 = performance.now();

if (!existsSync(join(stagingDir, 'index.html'))) fail(`${stagingDir}/index.html is missing after the build.`);

rmSync(previousDir, { recursive: true, force: true });
if (existsSync(finalDir)) renameSync(finalDir, previousDir);
renameSync(stagingDir, finalDir);
rmSync(previousDir, { recursive: true, force: true });

const timings = { astroMs: Math.round(t1 - t0), searchMs: Math.round(t2 - t1), indexedPages: search.pages };
mkdirSync(join(root, '.cache'), { recursive: true });
writeFileSync(join(root, '.cache', 'build-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
for (const c of search.chunks) console.log(`search index ${c.language}: ${c.words} words in ${c.chunksAfter} chunks (Pagefind wrote ${c.chunksBefore}; largest ${(c.largestChunk / 1024).toFixed(1)} KB)`);
console.log(
  `build: Astro ${(timings.astroMs / 1000).toFixed(1)} s, search index ${(timings.searchMs / 1000).toFixed(1)} s (${search.pages} pages indexed) → ${finalDir}`,
);
