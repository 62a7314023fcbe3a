/**
 * A copy of the project without its reports, for builds outside the working tree (tests and the
 * scale benchmark): package.json, astro.config.mjs, tsconfig.json, src/, public/, scripts/,
 * everything in content/ but reports/, and node_modules as a symlink. Astro's cacheDir is per
 * checkout (.cache/astro), so the copy never shares the content data store with the original.
 */
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/** Copies the project's code and shared content (not content/reports) from `from` into `to`. */
export function copyProjectShell(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'public', 'scripts']) {
    cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
  }
  for (const entry of readdirSync(path.join(from, 'content')).filter((e) => e !== 'reports')) {
    cpSync(path.join(from, 'content', entry), path.join(to, 'content', entry), { recursive: true });
  }
  mkdirSync(path.join(to, 'content', 'reports'), { recursive: true });
  symlinkSync(path.join(from, 'node_modules'), path.join(to, 'node_modules'), 'dir');
}

/** Copies one report folder without its source/ text extractions (neither the build nor check reads them). */
export function copyReportFolder(src: string, dest: string): void {
  mkdirSync(path.dirname(dest), { recursive: true });
  cpSync(src, dest, { recursive: true, filter: (p) => !path.relative(src, p).split(path.sep).includes('source') });
}
