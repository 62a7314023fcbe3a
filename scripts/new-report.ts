/**
 * npm run new-report -- --issuer <id> --year <label> [--from <label>] [--force]
 * Scaffolds content/reports/<issuer>/<year>/ from an earlier year (default: the latest) with the same
 * sections and tags; `npm run check` lists every marker until the text is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARKER, scaffoldReportYaml, scaffoldSection } from './lib/scaffold-report.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
function fail(message: string): never {
  // Written synchronously: on a pipe, console.error is asynchronous and process.exit could drop it.
  writeSync(2, `new-report: ${message}\n`);
  process.exit(2);
}

const root = resolve(arg('root') ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const issuer = arg('issuer') ?? fail('give --issuer <id> (a file in content/issuers/)');
const year = arg('year') ?? fail('give --year <label>, e.g. --year 2019');
const issuerDir = join(root, 'content', 'reports', issuer);
if (!existsSync(issuerDir)) fail(`${issuerDir}: no reports of "${issuer}" to start from; import or write the first one (docs/ir-guide.md)`);
const years = readdirSync(issuerDir).filter((y) => existsSync(join(issuerDir, y, 'report.yaml'))).sort();
const from = arg('from') ?? years.filter((y) => y !== year).at(-1) ?? fail(`${issuerDir}: no earlier report to start from`);
const fromDir = join(issuerDir, from);
if (!existsSync(join(fromDir, 'report.yaml'))) fail(`${fromDir}/report.yaml not found; --from must name an existing year (${years.join(', ')})`);
const outDir = join(issuerDir, year);
if (existsSync(outDir) && !process.argv.includes('--force')) fail(`${outDir} exists; nothing was written (use --force to overwrite its scaffold)`);

const files: { path: string; text: string }[] = [
  { path: 'report.yaml', text: scaffoldReportYaml(readFileSync(join(fromDir, 'report.yaml'), 'utf8'), year, from) },
];
for (const lang of ['en', 'zh-Hant', 'zh-Hans']) {
  const dir = join(fromDir, lang);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
    files.push({ path: join(lang, f), text: scaffoldSection(readFileSync(join(dir, f), 'utf8'), from) });
  }
}
for (const f of files) {
  mkdirSync(dirname(join(outDir, f.path)), { recursive: true });
  writeFileSync(join(outDir, f.path), f.text);
}
console.log(`new-report: ${outDir} scaffolded from ${from}: ${files.length} files. Replace every ${MARKER} marker, then run npm run check.`);
