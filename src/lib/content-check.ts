/**
 * Content validation for authors (`npm run check`): schemas, cross-references and language
 * parity. Pure over file texts; every problem names the file and the line.
 */
import { LineCounter, parseDocument } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'astro/zod';
import { issuerSchema, redirectsFileSchema, reportSchema, sectionSchema } from './schemas.ts';
import { REPORT_HOME, REPORT_PAGES } from './redirects.ts';
import { applicableEdition, isDeleted, type FrameworkEdition } from './frameworks.ts';
import { extractNumbers, numberDifferences } from './number-parity.ts';
import { mdxSyntaxError } from './mdx-syntax.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { ALT_TEXT_MARKER } from './content-markers.ts';
import { reviewConversion, type AllowEntry, type Alternatives, type AuthoredText, type ConvertedText } from './conversion-review.ts';
import type { Script, TextConverter } from './script-convert.ts';

export interface Problem {
  file: string;
  line: number;
  message: string;
  /** Errors block publishing (non-zero exit); warnings are what a reviewer would ask about. */
  severity: 'error' | 'warning';
}

/** Left by `npm run new-report` wherever text must still be written. */
export const SCAFFOLD_MARKER = 'TODO(new-report)';

export interface ContentFile {
  path: string;
  text: string;
}

interface Parsed<T> {
  file: string;
  data?: T;
  /** Line of a field path, for messages about valid-but-inconsistent data. */
  lineOf: (path: (string | number)[]) => number;
}

/**
 * A report.yaml field that is missing: an example value and where in the report to look (the
 * importer fills these from the text when it finds them, see docs/importer.md).
 */
export const REPORT_FIELD_HINTS: Record<string, string> = {
  issuer: 'issuer: alibaba-health; the folder name content/reports/<issuer>/<year>/',
  year: 'year: "2024"; the folder name content/reports/<issuer>/<year>/',
  title: 'title: { en: "Environmental, Social and Governance Report 2024" }; look for the report\'s name on the cover (… Report 2024 / 2024環境、社會及管治報告)',
  yearLabel: 'yearLabel: { en: FY2025 } ("2024" for a calendar year); look for FY2025 / 2025財年 next to the reporting period in About this Report',
  period: 'period: { start: 2024-01-01, end: 2024-12-31 }; look for "This report covers the period…" / 報告期 in About this Report',
  languages: 'languages: [en]; the language folders of the report (en, zh-Hant, zh-Hans)',
  hkexEdition:
    'hkexEdition: hkex-2020; look for "prepared in accordance with the … Reporting Guide / Code" / 按照…《環境、社會及管治報告指引 / 守則》 in About this Report: the Code is hkex-2025, the Guide hkex-2020 for years starting on or after 2020-07-01, else hkex-2015',
};

/** Parses YAML (or MDX frontmatter) and validates it; problems carry the line of the field. */
function parseYaml<S extends z.ZodType>(file: string, text: string, schema: S, lineOffset: number, problems: { push: (p: Problem) => unknown }, hints: Record<string, string> = {}): Parsed<z.output<S>> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lineOf = (path: (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line + lineOffset;
    }
    return 1 + lineOffset;
  };
  for (const error of doc.errors) {
    problems.push({ file, line: (error.linePos?.[0]?.line ?? 1) + lineOffset, message: `YAML syntax: ${error.message.split('\n')[0]}`, severity: 'error' });
  }
  if (doc.errors.length > 0) return { file, lineOf };
  const raw = doc.toJS();
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      const key = String(path[0]);
      const missing = path.length === 1 && hints[key] !== undefined && (raw?.[key] ?? null) === null;
      problems.push({ file, line: lineOf(path), message: missing ? `missing ${key}; e.g. ${hints[key]}` : `${path.join('.') || '(root)'}: ${issue.message}`, severity: 'error' });
    }
    return { file, lineOf };
  }
  return { file, data: result.data, lineOf };
}

/** A data CSV that does not parse: the line csv-parse stopped at (the malformed row). */
function checkCsv(file: string, text: string): Problem | undefined {
  try {
    parseCsv(text, { bom: true, columns: true, skip_empty_lines: true });
    return undefined;
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return { file, line: e.lines ?? 1, message: `CSV: ${String(e.message ?? error)}`, severity: 'error' };
  }
}

/** Items a report is expected to account for: aspects, KPIs, Part B and D items that are not deleted. */
function accountableCodes(edition: FrameworkEdition): string[] {
  return edition.items.filter((i) => i.kind !== 'area' && !isDeleted(i)).map((i) => i.code);
}

/** What the conversion review needs (see src/lib/conversion-review.ts); given by scripts/check.ts. */
export interface ConversionCheck {
  /** Converter writing each script (zh-Hant: from zh-Hans, zh-Hans: from zh-Hant), with the project dictionary. */
  convert: Record<Script, TextConverter>;
  alternatives: Alternatives;
  allow?: readonly AllowEntry[];
  /** Authored text besides the sections (e.g. the seed extractions under source/). */
  authored?: readonly AuthoredText[];
}

export function checkContent(files: ContentFile[], editions: readonly FrameworkEdition[], conversion?: ConversionCheck): Problem[] {
  const found: Omit<Problem, 'severity'>[] = [];
  const problems = {
    push: (p: Omit<Problem, 'severity'> & { severity?: Problem['severity'] }) => found.push(p),
  };
  const catalogues = Object.fromEntries(editions.map((e) => [e.id, new Set(e.items.map((i) => i.code))]));
  const bodies = new Map<string, { body: string; firstLine: number }>();
  const issuers = new Map<string, Parsed<z.output<typeof issuerSchema>>>();
  const reports = new Map<string, Parsed<z.output<typeof reportSchema>>>();
  const sections: { lang: string; key: string; name: string; parsed: Parsed<z.output<typeof sectionSchema>> }[] = [];
  const redirectFiles = new Map<string, Parsed<z.output<typeof redirectsFileSchema>>>();

  for (const { path, text } of files) {
    text.split('\n').forEach((line, i) => {
      if (line.includes(SCAFFOLD_MARKER)) {
        problems.push({ file: path, line: i + 1, message: `not written yet: replace the ${SCAFFOLD_MARKER} marker left by npm run new-report` });
      }
      if (line.includes(ALT_TEXT_MARKER)) {
        problems.push({ file: path, line: i + 1, severity: 'warning', message: `picture without alt text: give it one in the Word draft and import again (or describe it between the [] of the image below and delete this line)` });
      }
    });
    const norm = path.replaceAll('\\', '/');
    let m: RegExpExecArray | null;
    if ((m = /content\/issuers\/([^/]+)\.yaml$/.exec(norm))) {
      const parsed = parseYaml(path, text, issuerSchema, 0, problems);
      if (parsed.data && parsed.data.id !== m[1]) problems.push({ file: path, line: parsed.lineOf(['id']), message: `id "${parsed.data.id}" must equal the file name "${m[1]}"` });
      issuers.set(m[1]!, parsed);
    } else if ((m = /content\/reports\/([^/]+)\/([^/]+)\/report\.yaml$/.exec(norm))) {
      const parsed = parseYaml(path, text, reportSchema, 0, problems, REPORT_FIELD_HINTS);
      if (parsed.data && (parsed.data.issuer !== m[1] || parsed.data.year !== m[2])) {
        problems.push({ file: path, line: parsed.lineOf(['issuer']), message: `issuer/year "${parsed.data.issuer}/${parsed.data.year}" must match the folder "${m[1]}/${m[2]}"` });
      }
      reports.set(`${m[1]}/${m[2]}`, parsed);
    } else if ((m = /content\/reports\/([^/]+)\/([^/]+)\/redirects\.yaml$/.exec(norm))) {
      redirectFiles.set(`${m[1]}/${m[2]}`, parseYaml(path, text, redirectsFileSchema, 0, problems));
    } else if (/content\/reports\/[^/]+\/[^/]+\/data\/[^/]+\.csv$/.test(norm)) {
      const csv = checkCsv(path, text);
      if (csv) problems.push(csv);
    } else if ((m = /content\/reports\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\.mdx$/.exec(norm))) {
      const fm = splitFrontmatter(text);
      if (!fm) {
        problems.push({ file: path, line: 1, message: 'a section starts with YAML frontmatter between --- lines (id, title, order)' });
        continue;
      }
      const parsed = parseYaml(path, fm.yaml, sectionSchema, 1, problems);
      sections.push({ lang: m[3]!, key: `${m[1]}/${m[2]}`, name: m[4]!, parsed });
      bodies.set(path, { body: fm.body, firstLine: fm.bodyLine });
      // A body MDX cannot compile (unclosed JSX tag, stray `{`), at the file's line.
      const mdx = mdxSyntaxError(fm.body, fm.bodyLine);
      if (mdx) problems.push({ file: path, line: mdx.line, message: `MDX: ${mdx.reason}`, severity: 'error' });
    }
  }

  for (const [key, report] of reports) {
    if (!report.data) continue;
    if (!issuers.has(report.data.issuer)) {
      problems.push({ file: report.file, line: report.lineOf(['issuer']), message: `no issuer file content/issuers/${report.data.issuer}.yaml` });
    }
    const codes = catalogues[report.data.hkexEdition];
    report.data.comply.forEach((entry, i) => {
      if (codes && !codes.has(entry.code)) {
        problems.push({ file: report.file, line: report.lineOf(['comply', i, 'code']), message: `${entry.code} is not a code of ${report.data!.hkexEdition}` });
      }
      if (entry.status === 'explained' && !entry.explanation) {
        problems.push({ file: report.file, line: report.lineOf(['comply', i]), message: `${entry.code} is "explained": add the report's explanation (explanation: { en, zh-Hant })` });
      }
    });
    const byLang = new Map<string, Set<string>>();
    for (const s of sections.filter((s) => s.key === key)) {
      if (!report.data.languages.includes(s.lang as never)) {
        problems.push({ file: s.parsed.file, line: 1, message: `language folder "${s.lang}" is not in the report's languages (${report.data.languages.join(', ')}) in ${report.file}` });
        continue;
      }
      const d = s.parsed.data;
      if (!d) continue;
      const expectedName = `${String(d.order).padStart(2, '0')}-${d.id}`;
      if (s.name !== expectedName) problems.push({ file: s.parsed.file, line: s.parsed.lineOf(['id']), message: `file name should be ${expectedName}.mdx (NN = order, then the id)` });
      if (d.chapter && !report.data.chapters.some((c) => c.id === d.chapter)) {
        problems.push({ file: s.parsed.file, line: s.parsed.lineOf(['chapter']), message: `chapter "${d.chapter}" is not listed under chapters in ${report.file}` });
      }
      for (const key of ['hkex', 'hkexDerived'] as const) {
        (d.frameworks[key] ?? []).forEach((code, i) => {
          if (codes && !codes.has(code)) problems.push({ file: s.parsed.file, line: s.parsed.lineOf(['frameworks', key, i]), message: `${code} is not a code of ${report.data!.hkexEdition}` });
        });
      }
      const ids = byLang.get(s.lang) ?? new Set();
      if (ids.has(d.id)) problems.push({ file: s.parsed.file, line: s.parsed.lineOf(['id']), message: `another ${s.lang} section already has the id "${d.id}"` });
      ids.add(d.id);
      byLang.set(s.lang, ids);
    }
    // Language parity: the switcher can only land on a section every edition has.
    const langs = [...byLang.keys()];
    for (const lang of langs) {
      for (const other of langs) {
        if (lang === other) continue;
        for (const id of byLang.get(lang)!) {
          if (!byLang.get(other)!.has(id)) {
            problems.push({ file: report.file, line: report.lineOf(['languages']), message: `section "${id}" exists in ${lang} but not in ${other}` });
          }
        }
      }
    }
  }
  for (const [key, report] of reports) {
    if (!report.data) continue;
    const referenced = editions.find((e) => e.id === report.data!.hkexEdition);
    const applicable = applicableEdition(report.data.period.start, [...editions]);
    if (applicable && applicable.id !== report.data.hkexEdition) {
      problems.push({ file: report.file, line: report.lineOf(['hkexEdition']), severity: 'warning', message: `the report references ${report.data.hkexEdition}, but ${applicable.id} applies to a financial year starting ${report.data.period.start}` });
    }
    // Comply or explain: every item is disclosed (tagged), not applicable, explained or declared not reported.
    if (referenced) {
      const mine = sections.filter((s) => s.key === key && s.parsed.data);
      const tagged = new Set(mine.flatMap((s) => s.parsed.data!.frameworks.hkex));
      const accounted = new Set([...tagged, ...report.data.comply.map((c) => c.code)]);
      const missing = accountableCodes(referenced).filter((c) => !accounted.has(c));
      if (missing.length > 0 && mine.length > 0) {
        problems.push({ file: report.file, line: report.lineOf(['comply']), severity: 'warning', message: `${missing.length} item(s) of ${referenced.id} are neither tagged in a section nor listed under comply${report.data.indexLost ? ' (the printed index was lost: tag the sections by hand)' : ''}: ${missing.join(', ')}` });
      }
    }
    // Numbers that differ between aligned sections of two authored languages.
    const byId = new Map<string, Map<string, string>>();
    for (const s of sections.filter((s) => s.key === key && s.parsed.data)) {
      const m = byId.get(s.parsed.data!.id) ?? new Map<string, string>();
      m.set(s.lang, s.parsed.file);
      byId.set(s.parsed.data!.id, m);
    }
    for (const [id, files] of byId) {
      const langs = [...files.keys()].sort();
      for (let i = 0; i < langs.length; i++) {
        for (let j = i + 1; j < langs.length; j++) {
          const fa = files.get(langs[i]!)!;
          const fb = files.get(langs[j]!)!;
          const a = bodies.get(fa)!;
          const b = bodies.get(fb)!;
          const diff = numberDifferences(extractNumbers(a.body, a.firstLine), extractNumbers(b.body, b.firstLine));
          for (const [only, file, other] of [[diff.onlyA, fa, langs[j]], [diff.onlyB, fb, langs[i]]] as const) {
            for (const n of only) {
              problems.push({ file, line: n.line, severity: 'warning', message: `${n.value} in section "${id}" does not appear in its ${other} edition` });
            }
          }
        }
      }
    }
  }
  checkRedirects(redirectFiles, reports, sections, problems);
  if (conversion) {
    const scripts: Script[] = ['zh-Hant', 'zh-Hans'];
    const authored: AuthoredText[] = [...(conversion.authored ?? [])];
    const converted: ConvertedText[] = [];
    for (const s of sections) {
      const body = bodies.get(s.parsed.file);
      const languages = reports.get(s.key)?.data?.languages as readonly string[] | undefined;
      if (!body || !languages || !scripts.includes(s.lang as Script)) continue;
      authored.push({ script: s.lang as Script, text: body.body });
      // The other script is derived at render time when the report does not author it.
      const target = scripts.find((t) => t !== s.lang)!;
      if (languages.includes(target)) continue;
      body.body.split('\n').forEach((line, i) => {
        if (!/[^\u0000-\u007f]/.test(line)) return;
        converted.push({ file: s.parsed.file, line: body.firstLine + i, text: conversion.convert[target](line), source: line, script: target });
      });
    }
    for (const f of reviewConversion(authored, converted, conversion.alternatives, conversion.allow)) {
      problems.push({
        file: f.file,
        line: f.line,
        severity: 'warning',
        message: `conversion to ${f.script} writes ${f.word}; authored ${f.script === 'zh-Hant' ? 'Traditional' : 'Simplified'} text writes ${f.authoredBigram}, never ${f.bigram} (likely ${f.suggestion}: add a dictionary entry in content/dictionaries/ if confirmed, or allow it in content/conversion-allow.yaml)`,
      });
    }
  }
  return found
    .map((p) => ({ severity: 'error' as const, ...p }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message));
}

/**
 * redirects.yaml: an old id must not be a live page (a current section id in any edition, or a
 * report page such as hkex-index), and its target must be a section of the edition(s) it applies
 * to, or the report home; one entry per old id and edition.
 */
function checkRedirects(
  files: ReadonlyMap<string, Parsed<z.output<typeof redirectsFileSchema>>>,
  reports: ReadonlyMap<string, Parsed<z.output<typeof reportSchema>>>,
  sections: readonly { lang: string; key: string; parsed: Parsed<z.output<typeof sectionSchema>> }[],
  problems: { push: (p: Omit<Problem, 'severity'>) => unknown },
): void {
  for (const [key, parsed] of files) {
    if (!parsed.data) continue;
    const report = reports.get(key);
    if (!report) {
      problems.push({ file: parsed.file, line: 1, message: `no report.yaml next to it: redirects belong to a report (content/reports/${key}/report.yaml)` });
      continue;
    }
    const byLang = new Map<string, Map<string, string>>();
    for (const s of sections) {
      if (s.key !== key || !s.parsed.data) continue;
      const ids = byLang.get(s.lang) ?? new Map<string, string>();
      ids.set(s.parsed.data.id, s.parsed.file);
      byLang.set(s.lang, ids);
    }
    const seen = new Set<string>();
    parsed.data.forEach((r, i) => {
      const at = (field: string) => parsed.lineOf([i, field]);
      const langs = r.lang ? [r.lang] : [...byLang.keys()].sort();
      if (r.lang && report.data && !report.data.languages.includes(r.lang)) {
        problems.push({ file: parsed.file, line: at('lang'), message: `lang "${r.lang}" is not one of the report's languages (${report.data.languages.join(', ')})` });
      }
      const scope = `${r.lang ?? '*'}\0${r.from}`;
      if (seen.has(scope) || (r.lang && seen.has(`*\0${r.from}`)) || (!r.lang && [...seen].some((k) => k.endsWith(`\0${r.from}`)))) {
        problems.push({ file: parsed.file, line: at('from'), message: `"${r.from}" is redirected twice: keep one entry per old id` });
      }
      seen.add(scope);
      if ((REPORT_PAGES as readonly string[]).includes(r.from)) {
        problems.push({ file: parsed.file, line: at('from'), message: `from "${r.from}" is a page of every report, not an old section id: remove the entry` });
      }
      const live = [...byLang.values()].map((ids) => ids.get(r.from)).find((f) => f !== undefined);
      if (live) {
        problems.push({ file: parsed.file, line: at('from'), message: `from "${r.from}" is a current section id (${live}): its page exists, so it cannot redirect; remove the entry` });
      }
      if (r.to !== REPORT_HOME) {
        const missing = langs.filter((l) => !byLang.get(l)?.has(r.to));
        if (missing.length > 0 || langs.length === 0) {
          problems.push({ file: parsed.file, line: at('to'), message: `to "${r.to}" is not a section id of this report${missing.length ? ` in ${missing.join(', ')}` : ''}: give a current id, or ${REPORT_HOME} for the report home` });
        }
      }
    });
  }
}
