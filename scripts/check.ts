/**
 * npm run check: validates content/ the way a reviewer would. Prints `file:line: error|warning: message`
 * (or, with --json, `{errors, warnings, problems:[{file,line,severity,message}]}`); exits 1 on errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/lib/content-check.ts';
import { loadEditions } from '../src/lib/frameworks.ts';
import { readContentFiles } from './lib/content-files.ts';

const root = resolve(process.argv.includes('--root') ? process.argv[process.argv.indexOf('--root') + 1]! : join(dirname(fileURLToPath(import.meta.url)), '..'));
const json = process.argv.includes('--json');
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

const files = [...readContentFiles(root), ...readDataCsvs(root)];
const problems = checkContent(files, loadEditions(undefined, join(root, 'content', 'frameworks')));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;

if (json) {
  console.log(JSON.stringify({ files: files.length, errors, warnings, problems }, null, 2));
} else {
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.severity}: ${p.message}`);
  const summary = `${files.length} files checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  if (errors > 0) console.error(`\n${summary}. Fix the errors and run npm run check again.`);
  else console.log(`${problems.length ? '\n' : ''}content ok — ${summary}`);
}
process.exit(errors > 0 ? 1 : 0);
