// A temporary copy of the project for tests that build, check or serve it (check-site, ir-walk,
// dev-loop): package.json, astro.config.mjs, tsconfig.json, src/, public/, scripts/, everything in
// content/ but reports/, and the reports asked for (without their source/ text extractions, which
// neither the build nor check reads). node_modules is a symlink: Astro's cacheDir is per checkout
// (.cache/astro), so the copy never shares the content data store with the original.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyProjectShell, copyReportFolder } from '../../scripts/lib/project-copy.ts';
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
  copyProjectShell(from, to);
  for (const report of reports) copyReportFolder(path.join(from, 'content', 'reports', report), path.join(to, 'content', 'reports', report));
  return to;
}
