/**
 * Importer CLI: text extraction of an HKEX ESG report → MDX sections + report.yaml.
 *
 *   npm run import -- <text file> --issuer <id> --year <label> [--lang <en|zh-Hant|zh-Hans>]
 *                     [--out DIR] [--overrides FILE] [--dry-run] [--force] [--json]
 *
 * See docs/importer.md.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runPipeline } from './import/pipeline.ts';
import { detectInput } from './import/detect-profile.ts';
import { loadCatalogue } from './import/auto-index.ts';
import { parseOverrides } from './import/overrides.ts';
import { mergeReportYaml } from './import/write-mdx.ts';
import { ImportError, LANGS, type Lang } from './import/types.ts';
import { writeKpiData } from './import/kpi-data.ts';

const USAGE = 'usage: npm run import -- <text file> --issuer <id> --year <label> [--lang <en|zh-Hant|zh-Hans>] [--out DIR] [--overrides FILE] [--dry-run] [--force] [--json]';

class UsageError extends Error {}
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

interface Args { file: string; issuer: string; year: string; lang?: Lang; out?: string; overrides?: string; dryRun: boolean; force: boolean; json: boolean }

export function parseArgs(argv: string[]): Args {
  const a: Partial<Args> & { dryRun: boolean; force: boolean; json: boolean } = { dryRun: false, force: false, json: false };
  const pos: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${x} needs a value`);
      return v;
    };
    if (x === '--issuer') a.issuer = val();
    else if (x === '--year') a.year = val();
    else if (x === '--lang') a.lang = val() as Lang;
    else if (x === '--out') a.out = val();
    else if (x === '--overrides') a.overrides = val();
    else if (x === '--dry-run') a.dryRun = true;
    else if (x === '--force') a.force = true;
    else if (x === '--json') a.json = true;
    else if (x === '--help' || x === '-h') throw new UsageError('');
    else if (x.startsWith('--')) throw new UsageError(`unknown option ${x}`);
    else pos.push(x);
  }
  if (pos.length !== 1) throw new UsageError(pos.length ? `one text file expected, got ${pos.length}` : 'missing the text file');
  a.file = pos[0];
  if (!a.issuer) throw new UsageError('missing --issuer');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(a.issuer)) throw new UsageError(`--issuer "${a.issuer}" must be lowercase kebab-case`);
  if (!a.year) throw new UsageError('missing --year');
  if (!/^[A-Za-z0-9-]+$/.test(a.year)) throw new UsageError(`--year "${a.year}" must be a URL segment such as 2018`);
  // --lang is optional: the script is detected (detect-profile.ts); given, it wins
  if (a.lang !== undefined && !LANGS.includes(a.lang)) throw new UsageError(`unknown --lang "${a.lang}"; use one of ${LANGS.join(', ')}`);
  return a as Args;
}

function readInput(file: string, shown: string): Buffer {
  if (!existsSync(file)) throw new ImportError(`${shown}: no such file; give the path of the report's text extraction`);
  if (statSync(file).isDirectory()) throw new ImportError(`${shown}: is a directory; give the path of the report's text extraction`);
  return readFileSync(file);
}

export function main(argv: string[], cwd = process.cwd()): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (!e.message) { console.log(USAGE); return 0; }
      const file = argv.find((x, i) => !x.startsWith('--') && (i === 0 || !['--issuer', '--year', '--lang', '--out', '--overrides'].includes(argv[i - 1])));
      console.error(`import: ${file ?? '(no text file)'}: ${e.message}; ${USAGE}`);
      return 2;
    }
    throw e;
  }
  try {
    const file = resolve(cwd, args.file);
    const data = readInput(file, args.file);
    const profile = detectInput(data, relative(cwd, file) || file, args.lang);
    const lang: Lang = profile.lang;
    const out = resolve(cwd, args.out ?? join('content/reports', args.issuer, args.year));
    const ovCandidates = args.overrides ? [resolve(cwd, args.overrides)] : [join(dirname(file), 'overrides.yaml'), join(out, 'source/overrides.yaml')];
    const ovFile = ovCandidates.find((f) => existsSync(f));
    // no overrides file: the outline is detected (an empty overrides file means the same)
    const ov = ovFile ? parseOverrides(readFileSync(ovFile, 'utf8'), relative(cwd, ovFile)) : parseOverrides('', '(no overrides file)');
    const catalogue = loadCatalogue(ROOT, ov.report?.hkexEdition);
    const r = runPipeline(data, lang, ov, relative(cwd, file) || file, { catalogue });

    // plan
    const plan = new Map<string, string>();
    for (const s of r.sections) plan.set(join(out, s.file), s.mdx);
    const reportPath = join(out, 'report.yaml');
    const existingReport = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : null;
    const srcRel = relative(out, file).split('\\').join('/');
    const report = mergeReportYaml(existingReport, {
      issuer: args.issuer,
      year: args.year,
      lang: lang,
      title: ov.report?.title?.[lang],
      yearLabel: ov.report?.yearLabel?.[lang],
      period: ov.report?.period,
      hkexEdition: ov.report?.hkexEdition,
      indexLost: ov.report?.indexLost,
      chapters: r.parts,
      comply: [...r.index.filter((x) => x.status === 'not-applicable' || x.status === 'not-reported').map((x) => ({ code: x.code, status: x.status! })), ...r.comply],
      source: { lang: lang, file: srcRel, sha256: r.sha256 },
    });
    const langDir = join(out, lang);
    const stale = existsSync(langDir) ? readdirSync(langDir).filter((f) => f.endsWith('.mdx')).map((f) => join(langDir, f)).filter((f) => !plan.has(f)) : [];
    const conflicts: string[] = [];
    const changes: { path: string; action: 'create' | 'overwrite' | 'unchanged' | 'update' | 'delete' }[] = [];
    for (const [p, content] of plan) {
      if (!existsSync(p)) changes.push({ path: p, action: 'create' });
      else if (readFileSync(p, 'utf8') === content) changes.push({ path: p, action: 'unchanged' });
      else { changes.push({ path: p, action: 'overwrite' }); conflicts.push(p); }
    }
    if (existingReport === null) changes.push({ path: reportPath, action: 'create' });
    else if (existingReport === report) changes.push({ path: reportPath, action: 'unchanged' });
    else {
      // merging in a new language is an update; changing what this language wrote before is an overwrite
      const had = /\blang: /.test(existingReport) && ((parseOverridesSafe(existingReport)?.sources ?? []) as any[]).some((s) => s.lang === lang);
      changes.push({ path: reportPath, action: had ? 'overwrite' : 'update' });
      if (had) conflicts.push(reportPath);
    }
    for (const p of stale) { changes.push({ path: p, action: 'delete' }); conflicts.push(p); }
    if (conflicts.length && !args.force && !args.dryRun) {
      console.error(`import: refusing to overwrite ${conflicts.length} existing file(s) whose content differs (use --force):\n${conflicts.map((c) => '  ' + relative(cwd, c)).join('\n')}`);
      return 1;
    }
    if (!args.dryRun) {
      for (const c of changes) {
        if (c.action === 'unchanged') continue;
        if (c.action === 'delete') { unlinkSync(c.path); continue; }
        mkdirSync(dirname(c.path), { recursive: true });
        writeFileSync(c.path, c.path === reportPath ? report : plan.get(c.path)!);
      }
      writeKpiData(out); // data/kpi.csv from the KPI tables of every imported language (kpi-data.ts)
    }
    if (args.json) {
      console.log(JSON.stringify({
        fidelity: Number(r.fidelity.fidelity.toFixed(6)),
        sections: r.sections.map((s) => ({ id: s.id, title: s.title, lang: s.lang, chars: s.chars })),
        dropped: r.dropped,
        warnings: r.warnings,
        doubtedHeadings: r.doubtedHeadings,
        profile: { lang, layout: profile.layout, detected: !profile.forced, summary: profile.summary },
        ...(args.dryRun ? { wouldWrite: changes.filter((c) => c.action !== 'unchanged').map((c) => ({ path: relative(cwd, c.path), action: c.action })) } : {}),
      }, null, 2));
      return 0;
    }
    const lines: string[] = [];
    lines.push(`${profile.summary}${ovFile ? '' : '; no overrides file: outline detected'}`);
    lines.push(`${relative(cwd, file)} (${lang}): ${r.pageCount} pages, ${r.sections.length} sections, ${r.index.filter((x) => x.kind === 'gd' || x.kind === 'kpi').length} ESG index rows`);
    for (const s of r.sections) lines.push(`  ${s.file}  ${s.number ? s.number + ' ' : ''}${s.title}  (${s.chars} chars${s.frameworks?.hkex.length ? ', ' + s.frameworks.hkex.join(' ') : ''})`);
    lines.push(`fidelity: ${(r.fidelity.fidelity * 100).toFixed(2)}% (${r.fidelity.matched}/${r.fidelity.total} letters, digits and ideographs)`);
    if (r.fidelity.missing.length) lines.push(`  not found in order: ${r.fidelity.missing.length} line(s)`, ...r.fidelity.missing.slice(0, 10).map((m) => `    ${m}`));
    lines.push(`dropped furniture: ${r.dropped.length} line(s)`, ...r.dropped.map((d) => `  line ${d.line}: ${JSON.stringify(d.text)} (${d.why})`));
    lines.push(`warnings: ${r.warnings.length}`, ...r.warnings.map((w) => `  ${w}`));
    lines.push(`doubted headings: ${r.doubtedHeadings.length} (short lines kept as headings only weakly; --json lists them)`);
    lines.push(args.dryRun ? 'dry run: would write' : 'wrote');
    for (const c of changes) {
      if (c.action === 'unchanged') continue;
      const guarded = args.dryRun && !args.force && conflicts.includes(c.path) ? ' (needs --force)' : '';
      lines.push(`  ${c.action} ${relative(cwd, c.path)}${guarded}`);
    }
    const same = changes.filter((c) => c.action === 'unchanged').length;
    if (same) lines.push(`  (${same} file(s) unchanged)`);
    console.log(lines.join('\n'));
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      console.error(`import: ${e.message}`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err?.code && err.path) {
      console.error(`import: ${err.path}: ${err.code === 'EACCES' ? 'permission denied' : err.message}`);
      return 1;
    }
    console.error(`import: ${args.file}: ${(e as Error).message}`);
    return 1;
  }
}

function parseOverridesSafe(y: string): any {
  try { return parseYaml(y); } catch { return null; }
}

if (import.meta.main ?? process.argv[1] === new URL(import.meta.url).pathname) {
  process.exitCode = main(process.argv.slice(2));
}
