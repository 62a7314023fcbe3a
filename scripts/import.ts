/**
 * Importer CLI: text extraction (or the filed PDF, or the Word draft) of an HKEX ESG report → MDX
 * sections + report.yaml.
 *
 *   npm run import -- <text file | report.pdf | report.docx> --issuer <id> --year <label> [--lang <en|zh-Hant|zh-Hans>]
 *                     [--out DIR] [--overrides FILE] [--dry-run] [--force] [--json]
 *
 * See docs/importer.md.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml, parseDocument } from 'yaml';
import { runPipeline } from './import/pipeline.ts';
import { reportInputs } from './import/report-inputs.ts';
import type { OutlineCheck } from './import/outline/contents-outline.ts';
import { detectInput } from './import/detect-profile.ts';
import { parseOverrides } from './import/overrides.ts';
import { mergeReportYaml } from './import/write-mdx.ts';
import { ImportError, LANGS, type Lang } from './import/types.ts';
import { writeKpiData } from './import/kpi-data.ts';
import type { ReportMeta } from './import/report-meta.ts';
import { readSource } from './import/read-source.ts';
import { readDocxInput, type DocxInput } from './import/read/docx.ts';
import { readPdfInput, type PreparedInput } from './import/read/pdf-input.ts';
import { formatRedirects, mergeRedirects, planRedirects, type PlannedRedirect, type SectionText } from './import/redirects.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { redirectsFileSchema } from '../src/lib/schemas.ts';
import { REDIRECTS_FILE } from '../src/lib/redirect-files.ts';
import type { Redirect } from '../src/lib/redirects.ts';

const USAGE = 'usage: npm run import -- <text file | report.pdf | report.docx> --issuer <id> --year <label> [--lang <en|zh-Hant|zh-Hans>] [--out DIR] [--overrides FILE] [--dry-run] [--force] [--json]';

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

/**
 * The CLI: a PDF is read and laid out first (import/read/pdf-input.ts), a Word draft read with its
 * structure (import/read/docx.ts), then the same run as for text.
 */
export async function run(argv: string[], cwd = process.cwd()): Promise<number> {
  let prepared: PreparedInput | undefined;
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return main(argv, cwd); // main reports usage errors
    throw e;
  }
  if (/\.pdf$/i.test(args.file)) {
    try {
      prepared = await readPdfInput(readInput(resolve(cwd, args.file), args.file), args.file);
    } catch (e) {
      // anything pdf.js throws beyond the cases read/pdf.ts names is still one line about the file
      console.error(`import: ${e instanceof ImportError ? e.message : `${args.file}: the PDF cannot be read (${(e as Error).message}); download it again, or import a text extraction`}`);
      return 1;
    }
  }
  if (/\.docx?$/i.test(args.file)) {
    try {
      const file = resolve(cwd, args.file);
      return main(argv, cwd, await readDocxInput(readInput(file, args.file), relative(cwd, file) || file));
    } catch (e) {
      if (e instanceof ImportError) { console.error(`import: ${e.message}`); return 1; }
      throw e;
    }
  }
  return main(argv, cwd, prepared);
}

export function main(argv: string[], cwd = process.cwd(), prepared?: PreparedInput | DocxInput): number {
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
    const data = prepared ? Buffer.from(prepared.text) : readInput(file, args.file);
    const doc = prepared && 'assets' in prepared ? prepared : undefined; // a Word draft: its structure and pictures
    const pdf = prepared && 'facts' in prepared ? prepared : undefined;
    const detected = detectInput(data, relative(cwd, file) || file, args.lang);
    // a PDF's or a Word document's layout is read, not detected from the text
    const profile = pdf ? { ...detected, summary: detected.summary.replace(/, layout .*$/, `, layout read from the PDF (${pdf.pages} pages: page numbers, running headers, type sizes and columns by position)`) }
      : doc ? { ...detected, summary: detected.summary.replace(/, layout .*$/, ', structure read from the Word document (heading styles, tables, lists, footnotes, pictures)') }
      : detected;
    const lang: Lang = profile.lang;
    const out = resolve(cwd, args.out ?? join('content/reports', args.issuer, args.year));
    const ovCandidates = args.overrides ? [resolve(cwd, args.overrides)] : [join(dirname(file), 'overrides.yaml'), join(out, 'source/overrides.yaml')];
    const ovFile = ovCandidates.find((f) => existsSync(f));
    // no overrides file: the outline is detected (an empty overrides file means the same)
    const ov = ovFile ? parseOverrides(readFileSync(ovFile, 'utf8'), relative(cwd, ovFile)) : parseOverrides('', '(no overrides file)');
    const reportPath = join(out, 'report.yaml');
    const existingReport = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : null;
    // what the text says about itself fills what neither overrides.yaml `report:` nor report.yaml give
    readSource(data, relative(cwd, file) || file); // bad input stops here, with its one-line message
    const inputs = reportInputs(data, lang, ov, existingReport, ROOT);
    const meta = inputs.meta;
    const r = runPipeline(data, lang, inputs.ov, relative(cwd, file) || file, {
      catalogue: inputs.catalogue, aspects: inputs.aspects, codes: inputs.codes,
      ...(pdf ? { facts: pdf.facts, sha256: pdf.sha256, warnings: pdf.warnings } : {}),
      ...(doc ? { structure: doc.lines, sha256: doc.sha256, imageExt: new Map([...doc.assets].map(([key, a]) => [key, a.ext])) } : {}),
    });

    // plan
    const plan = new Map<string, string | Uint8Array>();
    for (const s of r.sections) plan.set(join(out, s.file), s.mdx);
    for (const im of r.images) plan.set(join(out, im.file), doc!.assets.get(im.key)!.bytes); // pictures beside their section
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
      detected: { title: meta.title, yearLabel: meta.yearLabel, period: meta.period, hkexEdition: meta.hkexEdition },
    });
    const langDir = join(out, lang);
    const stale = existsSync(langDir) ? readdirSync(langDir).filter((f) => f.endsWith('.mdx')).map((f) => join(langDir, f)).filter((f) => !plan.has(f)) : [];
    // Section ids are public URLs: an id this import removes redirects to its successor.
    const oldSections = existsSync(langDir) ? readdirSync(langDir).filter((f) => f.endsWith('.mdx')).sort().map((f) => readSection(join(langDir, f))) : [];
    const planned = planRedirects(oldSections, r.sections.map((s) => sectionText(s.mdx, s.id, s.title)));
    const redirectsPath = join(out, REDIRECTS_FILE);
    const existingRedirectsText = existsSync(redirectsPath) ? readFileSync(redirectsPath, 'utf8') : null;
    const currentIds = new Set([...r.sections.map((s) => s.id), ...otherEditionIds(out, lang)]);
    const redirects = mergeRedirects(existingRedirectsText === null ? [] : parseRedirects(existingRedirectsText, relative(cwd, redirectsPath)), planned, currentIds);
    const redirectsText = existingRedirectsText === null && redirects.length === 0 ? null : formatRedirects(redirects);
    const conflicts: string[] = [];
    const changes: { path: string; action: 'create' | 'overwrite' | 'unchanged' | 'update' | 'delete' }[] = [];
    for (const [p, content] of plan) {
      if (!existsSync(p)) changes.push({ path: p, action: 'create' });
      else if (typeof content === 'string' ? readFileSync(p, 'utf8') === content : readFileSync(p).equals(content)) changes.push({ path: p, action: 'unchanged' });
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
    if (redirectsText !== null) changes.push({ path: redirectsPath, action: existingRedirectsText === null ? 'create' : existingRedirectsText === redirectsText ? 'unchanged' : 'update' });
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
        writeFileSync(c.path, c.path === reportPath ? report : c.path === redirectsPath ? redirectsText! : plan.get(c.path)!);
      }
      writeKpiData(out); // data/kpi.csv from the KPI tables of every imported language (kpi-data.ts)
    }
    if (args.json) {
      console.log(JSON.stringify({
        fidelity: Number(r.fidelity.fidelity.toFixed(6)),
        sections: r.sections.map((s) => ({ id: s.id, title: s.title, lang: s.lang, chars: s.chars })),
        dropped: r.dropped,
        repairs: r.repairs,
        warnings: r.warnings,
        outline: r.outline,
        doubtedHeadings: r.doubtedHeadings,
        profile: { lang, layout: profile.layout, detected: !profile.forced, summary: profile.summary },
        meta: Object.fromEntries(META_FIELDS.filter((k) => meta[k]).map((k) => [k, { value: meta[k]!.value, line: meta[k]!.line }])),
        metaMissing: meta.missing,
        redirects: planned.map((p) => ({ ...p, written: redirects.some((w) => w.from === p.from && !w.lang) })),
        ...(args.dryRun ? { wouldWrite: changes.filter((c) => c.action !== 'unchanged').map((c) => ({ path: relative(cwd, c.path), action: c.action })) } : {}),
      }, null, 2));
      return 0;
    }
    const lines: string[] = [];
    lines.push(`${profile.summary}${ovFile ? '' : '; no overrides file: outline detected'}`);
    lines.push(`${relative(cwd, file)} (${lang}): ${doc ? 'Word document (no pages)' : `${r.pageCount} pages`}, ${r.sections.length} sections, ${r.index.filter((x) => x.kind === 'gd' || x.kind === 'kpi').length} ESG index rows`);
    for (const s of r.sections) lines.push(`  ${s.file}  ${s.number ? s.number + ' ' : ''}${s.title}  (${s.chars} chars${s.frameworks?.hkex.length ? ', ' + s.frameworks.hkex.join(' ') : ''})`);
    lines.push(outlineSummary(r.outline));
    lines.push(...metaSummary(meta, ov.report ?? {}, lang));
    lines.push(`fidelity: ${(r.fidelity.fidelity * 100).toFixed(2)}% (${r.fidelity.matched}/${r.fidelity.total} letters, digits and ideographs)`);
    if (r.fidelity.missing.length) lines.push(`  not found in order: ${r.fidelity.missing.length} line(s)`, ...r.fidelity.missing.slice(0, 10).map((m) => `    ${m}`));
    lines.push(`dropped furniture: ${r.dropped.length} line(s)`, ...r.dropped.map((d) => `  line ${d.line}: ${JSON.stringify(d.text)} (${d.why})`));
    const kinds = new Map<string, number>();
    for (const x of r.repairs) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
    lines.push(`repairs: ${r.repairs.length}${kinds.size ? ` (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}; each with its proof in --json)` : ''}`);
    lines.push(`warnings: ${r.warnings.length}`, ...r.warnings.map((w) => `  ${w}`));
    lines.push(`redirects: ${planned.length} old id(s) gone`, ...planned.map((p) => `  ${describeRedirect(p, redirects)}`));
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

/** One line: the outline checked against the contents page, or the evidence used without one. */
export function outlineSummary(o: OutlineCheck): string {
  const largest = `largest unit ${(o.largestUnitShare * 100).toFixed(1)}% of the text`;
  if (!o.entries) return `outline: no contents page printed; from ${o.source}; ${largest}`;
  const pct = (n: number) => `${((n / o.entries) * 100).toFixed(0)}%`;
  // a Word draft's contents has no line the user sees
  const where = o.source === 'document headings' ? "the document's contents" : `contents page at line ${o.contentsLine}`;
  return `outline: ${where}, ${o.entries} entries; ${o.matched} matched (${pct(o.matched)}), ${o.inOrder} in order (${pct(o.inOrder)}); from ${o.source}; ${largest}${o.unmatched.length ? `; not found: ${o.unmatched.join('; ')}` : ''}`;
}

const META_FIELDS = ['title', 'yearLabel', 'period', 'hkexEdition', 'stockCode', 'issuerName'] as const;

/** What the text says about the report, what was not found, and which fields overrides.yaml gives instead. */
function metaSummary(meta: ReportMeta, given: Record<string, any>, lang: Lang): string[] {
  const show = (v: unknown) => (typeof v === 'object' && v ? `${(v as any).start} – ${(v as any).end}` : String(v));
  const overridden = (k: string) => (k === 'title' || k === 'yearLabel' ? given[k]?.[lang] !== undefined : given[k] !== undefined);
  const out = ['report metadata (detected in the text):'];
  for (const k of META_FIELDS) {
    const f = meta[k];
    if (!f) continue;
    const where = `line ${f.line}${f.note ? `, ${f.note}` : ''}`;
    out.push(`  ${k}: ${show(f.value)} (${where})${overridden(k) ? ' — overrides.yaml wins' : ''}`);
  }
  if (meta.missing.length) out.push(`  not found: ${meta.missing.join(', ')}${meta.missing.some((k) => !['stockCode', 'issuerName'].includes(k)) ? ' (give them under report: in overrides.yaml)' : ''}`);
  return out;
}

/** id, title and body of an existing section file (the id from the file name if the frontmatter lacks it). */
function readSection(file: string): SectionText {
  const fallback = file.replace(/^.*[\\/]\d+-/, '').replace(/\.mdx$/, '');
  return sectionText(readFileSync(file, 'utf8'), fallback, '');
}

function sectionText(mdx: string, id: string, title: string): SectionText {
  const fm = splitFrontmatter(mdx);
  const data = (fm ? parseOverridesSafe(fm.yaml) : null) ?? {};
  return { id: typeof data.id === 'string' ? data.id : id, title: typeof data.title === 'string' ? data.title : title, body: fm ? fm.body : mdx };
}

/** Section ids of the report's other language folders (from the file names `NN-<id>.mdx`). */
function otherEditionIds(out: string, lang: Lang): string[] {
  return LANGS.filter((l) => l !== lang && existsSync(join(out, l))).flatMap((l) =>
    readdirSync(join(out, l)).flatMap((f) => /^\d+-(.+)\.mdx$/.exec(f)?.[1] ?? []),
  );
}

function parseRedirects(text: string, shown: string): Redirect[] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ImportError(`${shown}: not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it or delete it`);
  const result = redirectsFileSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ImportError(`${shown}: ${issue.path.join('.') || '(root)'}: ${issue.message}; fix it (npm run check names the line) or delete it`);
  }
  return result.data;
}

function describeRedirect(p: PlannedRedirect, written: readonly Redirect[]): string {
  const entry = written.find((w) => w.from === p.from && !w.lang);
  const kept = entry ? (entry.to === p.to ? '' : ` (written as → ${entry.to})`) : ' (not written: still a section of another edition)';
  return `${p.from} → ${p.to} (${p.why === 'home' ? 'no same title or shared text: report home' : p.why === 'title' ? 'same title' : `shared text ${p.why.slice(5)}`})${kept}`;
}

function parseOverridesSafe(y: string): any {
  try { return parseYaml(y); } catch { return null; }
}

if (import.meta.main ?? process.argv[1] === new URL(import.meta.url).pathname) {
  process.exitCode = await run(process.argv.slice(2));
}
