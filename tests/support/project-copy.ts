// A temporary copy of the project for tests that build, check or serve it (check-site, ir-walk,
// dev-loop): package.json, astro.config.mjs, tsconfig.json, src/, public/, scripts/, everything in
// content/ but reports/, and the reports asked for (without their source/ text extractions, which
// neither the build nor check reads). node_modules is a symlink: Astro's cacheDir is per checkout
// (.cache/astro), so the copy never shares the content data store with the original.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './paths.ts';

export interface ProjectCopyOptions {
  /** Folders of content/reports to copy: `<issuer>` (all its years) or `<issuer>/<year>`. */
  reports: string[];
  /** Copy into this (existing, empty) directory; default: a new temporary one named `prefix…`. */
  dir?: string;
  prefix?: string;
  /** Project to copy (default: this checkout). */
  from?: string;
}

/** Copies the project with only the given reports; returns the copy's directory. */
export function copyProject({ reports, dir, prefix = 'esg-copy-', from = ROOT }: ProjectCopyOptions): string {
  const to = dir ?? mkdtempSync(path.join(tmpdir(), prefix));
  for (const entry of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'public', 'scripts']) {
    cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
  }
  for (const entry of readdirSync(path.join(from, 'content')).filter((e) => e !== 'reports')) {
    cpSync(path.join(from, 'content', entry), path.join(to, 'content', entry), { recursive: true });
  }
  for (const report of reports) {
    const src = path.join(from, 'content', 'reports', report);
    const dest = path.join(to, 'content', 'reports', report);
    mkdirSync(path.dirname(dest), { recursive: true });
    cpSync(src, dest, { recursive: true, filter: (p) => !path.relative(src, p).split(path.sep).includes('source') });
  }
  symlinkSync(path.join(from, 'node_modules'), path.join(to, 'node_modules'), 'dir');
  return to;
}
