/**
 * npm run check: validates content/ the way a reviewer would, then the site it builds: builds it
 * with Astro into a temporary folder and checks every internal link, anchor and page (HTML validity).
 * Prints `file:line: error|warning: message` (or, with --json,
 * `{files, errors, warnings, problems:[{file,line,severity,message}], site}`); exits 1 on errors.
 *
 *   --root <dir>     the project to check (default: this one)
 *   --site <dir>     check this built site instead of building one (e.g. dist)
 *   --source-only    content only, no built-site checks
 *   --json           machine-readable output on stdout
 * Details: docs/check.md.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, type Problem } from '../src/lib/content-check.ts';
import { loadEditions } from '../src/lib/frameworks.ts';
import { readContentFiles } from './lib/content-files.ts';
import { conversionCheck } from './lib/conversion-check.ts';
import type { SiteSummary } from './lib/site-check.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const root = resolve(option('--root') ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const json = args.includes('--json');
const siteArg = option('--site');
const sourceOnly = args.includes('--source-only');

/** Each report's data/*.csv, so malformed KPI rows are reported with their line. */
function readDataCsvs(root: string): { path: string; text: string }[] {
  const reports = join(root, 'content', 'reports');
  if (!existsSync(reports)) return [];
  const out: { path: string; text: string }[] = [];
  for (const issuer of readdirSync(reports, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const year of readdirSync(join(reports, issuer.name), { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const data = join(reports, issuer.name, year.name, 'data');
      if (!existsSync(data)) continue;
      for (const f of readdirSync(data).filter((n) => n.endsWith('.csv')).sort()) {
        out.push({ path: relative(root, join(data, f)), text: readFileSync(join(data, f), 'utf8') });
      }
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const countErrors = (list: Problem[]) => list.filter((p) => p.severity === 'error').length;

const contentFiles = readContentFiles(root);
const files = [...contentFiles, ...readDataCsvs(root)];
const problems: Problem[] = checkContent(files, loadEditions(undefined, join(root, 'content', 'frameworks')), conversionCheck(root));

/** The built-site part: what was checked, or why it was not. */
let site: ({ checked: true } & SiteSummary) | { checked: false; reason: string };
if (sourceOnly) {
  site = { checked: false, reason: '--source-only' };
} else if (countErrors(problems) > 0) {
  site = { checked: false, reason: 'the sources have errors: the site was not built or checked' };
} else {
  // Loaded only here: html-validate and the Astro build are not needed for the source checks.
  const { buildSite, checkSite } = await import('./lib/site-check.ts');
  let dir: string | undefined;
  let label = '';
  let buildMs = 0;
  let temporary = false;
  if (siteArg !== undefined) {
    dir = resolve(siteArg);
    label = relative(process.cwd(), dir) || '.';
    if (!existsSync(join(dir, 'index.html'))) {
      problems.push({ file: label, line: 0, severity: 'error', message: `no built site here (no index.html): build it first (npm run build) or leave out --site` });
      dir = undefined;
    }
  } else {
    const built = buildSite(root);
    if ('error' in built) {
      problems.push({ file: 'astro build', line: 0, severity: 'error', message: `the site does not build, so it was not checked. ${built.error}` });
    } else {
      ({ dir } = built);
      buildMs = built.ms;
      label = '<build>';
      temporary = true;
    }
  }
  if (dir) {
    try {
      const result = checkSite(dir, label, files, root);
      problems.push(...result.problems);
      site = { checked: true, ...result.summary, buildMs };
    } finally {
      if (temporary) rmSync(dir, { recursive: true, force: true });
    }
  } else {
    site = { checked: false, reason: 'no built site to check' };
  }
}

const errors = countErrors(problems);
const warnings = problems.length - errors;

if (json) {
  console.log(JSON.stringify({ files: files.length, errors, warnings, problems, site }, null, 2));
} else {
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.severity}: ${p.message}`);
  let summary = `${plural(files.length, 'file')} checked`;
  if (site.checked) {
    const built = site.buildMs ? `built in ${(site.buildMs / 1000).toFixed(1)} s, ` : '';
    const pagefind = site.skippedPagefind ? `, ${site.skippedPagefind} /pagefind/ links skipped (no search index)` : '';
    summary += `, built site ${site.dir}: ${plural(site.pages, 'page')}, ${plural(site.links, 'link')}, ${plural(site.anchors, 'anchor')}${pagefind} (${built}checked in ${(site.checkMs / 1000).toFixed(1)} s)`;
  } else if (!sourceOnly) {
    console.error(`built site not checked: ${site.reason}.`);
  }
  summary += `: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (errors > 0) console.error(`\n${summary}. Fix the errors and run npm run check again.`);
  else console.log(`${problems.length ? '\n' : ''}content ok — ${summary}`);
}
// exitCode, not exit(): on a pipe, stdout/stderr are asynchronous and exit() can cut the list short.
process.exitCode = errors > 0 ? 1 : 0;
