/**
 * Stage: render a section as MDX (frontmatter written here, the body through to-mdast.ts and
 * stringify-mdx.ts), and create/merge report.yaml.
 * Output is deterministic: fixed key order, no dates.
 */
import { isDeepStrictEqual } from 'node:util';
import { stringify, parse } from 'yaml';
import type { Block, Lang } from './types.ts';
import type { Found } from './report-meta.ts';
import { toMdast } from './to-mdast.ts';
import { stringifyMdx } from './stringify-mdx.ts';

export interface SectionMeta {
  id: string;
  title: string;
  number?: string;
  order: number;
  chapter?: string;
  pages?: { from: number; to: number };
  /** `hkexDerived`: tags derived by the importer where the report prints no index (aspect-tags.ts) */
  frameworks?: { hkex: string[]; [other: string]: string[] };
}

/** Group box titles with their content into box blocks (only in body chapters). */
export function groupBoxes(blocks: Block[], boxes: boolean, demoted: Set<Block>): Block[] {
  if (!boxes) return blocks;
  const out: Block[] = [];
  let box: Extract<Block, { kind: 'box' }> | null = null;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      box = null;
      if (b.level === 3 && !demoted.has(b)) {
        box = { kind: 'box', title: b.text, blocks: [], page: b.page };
        out.push(box);
        continue;
      }
      out.push(b);
      continue;
    }
    if (box && b.kind !== 'footnote') box.blocks.push(b);
    else out.push(b);
  }
  return out;
}

export function renderMdx(meta: SectionMeta, blocks: Block[]): string {
  const fm: Record<string, unknown> = { id: meta.id, title: meta.title };
  if (meta.number) fm.number = meta.number;
  fm.order = meta.order;
  if (meta.chapter) fm.chapter = meta.chapter;
  if (meta.pages) fm.pages = meta.pages;
  const yaml = stringify(fm, { lineWidth: 0, flowCollectionPadding: false, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })
    .replace(/^pages:\n {2}from: (\d+)\n {2}to: (\d+)$/m, 'pages: { from: $1, to: $2 }')
  // frameworks last, one flow list per framework (codes are plain scalars: A1.1, D19, 2-1, 305/3-3)
  const fw = meta.frameworks
    ? `\nframeworks:\n${Object.entries(meta.frameworks).filter(([k, v]) => k === 'hkex' || v.length).map(([k, v]) => `  ${k}: [${v.join(', ')}]`).join('\n')}`
    : '';
  return `---\n${yaml.trimEnd()}${fw}\n---\n\n${stringifyMdx(toMdast(blocks))}`;
}

export interface ReportInfo {
  issuer: string;
  year: string;
  lang: Lang;
  title?: string;
  yearLabel?: string;
  period?: { start: string; end: string };
  hkexEdition?: string;
  /** the printed HKEX index did not survive the extraction */
  indexLost?: boolean;
  chapters: { id: string; title: string }[];
  comply: { code: string; status: string }[];
  source: { lang: Lang; file: string; sha256: string };
  /** what the text says (report-meta.ts): fills a field that neither the overrides nor report.yaml give */
  detected?: { title?: Found<string>; yearLabel?: Found<string>; period?: Found<{ start: string; end: string }>; hkexEdition?: Found<string> };
}

/** `# detected: line 57 "This report covers the period from 1…"` */
function detectedNote(f: Found<unknown>): string {
  const t = f.text.length > 40 ? `${f.text.slice(0, 40)}…` : f.text;
  return `# detected: line ${f.line} ${JSON.stringify(t)}${f.note ? ` (${f.note})` : ''}`;
}

/** Append a comment to the line of `key` (top level) or `key` › `sub` (one level down). */
function annotate(yaml: string, [key, sub]: string[], comment: string): string {
  const lines = yaml.split('\n');
  let i = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (i >= 0 && sub) {
    i++;
    while (i < lines.length && lines[i]!.startsWith('  ') && !lines[i]!.startsWith(`  ${sub}:`)) i++;
    if (!lines[i]?.startsWith(`  ${sub}:`)) i = -1;
  }
  if (i >= 0 && !lines[i]!.includes(' # detected:')) lines[i] += ` ${comment}`;
  return lines.join('\n');
}

/** Lines that keep their value keep the `# detected:` comment they had (whichever language's import wrote it). */
function keepComments(existing: string | null, yaml: string): string {
  const had = new Map<string, string>();
  for (const l of existing?.split('\n') ?? []) {
    const at = l.indexOf(' # detected:');
    if (at > 0) had.set(l.slice(0, at), l.slice(at));
  }
  return yaml.split('\n').map((l) => l + (had.get(l) ?? '')).join('\n');
}

const LANG_ORDER: Lang[] = ['zh-Hant', 'en', 'zh-Hans'];
const sortL10n = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort((a, b) => LANG_ORDER.indexOf(a[0] as Lang) - LANG_ORDER.indexOf(b[0] as Lang)));

/**
 * Merge this import into an existing report.yaml text (or create one). Other languages are kept.
 * A field comes from the overrides, else from report.yaml as it is, else from the detection, which
 * is marked with a comment naming the source line (kept while report.yaml still holds that value).
 */
export function mergeReportYaml(existing: string | null, r: ReportInfo): string {
  const old: any = existing ? parse(existing) ?? {} : {};
  const l10n = (prev: any, v?: string) => (v === undefined ? prev : sortL10n({ ...(prev ?? {}), [r.lang]: v }));
  const notes: [string[], Found<unknown>][] = [];
  const fill = <T>(path: string[], given: T | undefined, prev: T | undefined, found: Found<T> | undefined): T | undefined => {
    if (given !== undefined || !found || (prev !== undefined && !isDeepStrictEqual(prev, found.value))) return given ?? prev;
    notes.push([path, found]);
    return found.value;
  };
  const det = r.detected ?? {};
  const langs: Lang[] = [...new Set([...(old.languages ?? []), r.lang])].sort((a, b) => LANG_ORDER.indexOf(a as Lang) - LANG_ORDER.indexOf(b as Lang)) as Lang[];
  const oldCh: any[] = old.chapters ?? [];
  const chapters = r.chapters.map((c) => ({ id: c.id, title: l10n(oldCh.find((o) => o.id === c.id)?.title, c.title) }));
  for (const o of oldCh) if (!chapters.some((c) => c.id === o.id)) chapters.push(o);
  const comply = [...(old.comply ?? [])];
  for (const c of r.comply) if (!comply.some((o: any) => o.code === c.code)) comply.push(c);
  comply.sort((a: any, b: any) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const sources = [...(old.sources ?? []).filter((s: any) => s.lang !== r.lang), r.source].sort(
    (a: any, b: any) => LANG_ORDER.indexOf(a.lang) - LANG_ORDER.indexOf(b.lang),
  );
  const doc: Record<string, unknown> = {
    issuer: r.issuer,
    year: r.year,
    yearLabel: l10n(old.yearLabel, fill(['yearLabel', r.lang], r.yearLabel, old.yearLabel?.[r.lang], det.yearLabel)),
    title: l10n(old.title, fill(['title', r.lang], r.title, old.title?.[r.lang], det.title)),
    period: fill(['period'], r.period, old.period, det.period),
    languages: langs,
    hkexEdition: fill(['hkexEdition'], r.hkexEdition, old.hkexEdition, det.hkexEdition),
    indexLost: r.indexLost || old.indexLost || undefined,
    chapters,
    comply,
    sources,
  };
  for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
  const y = stringify(doc, { lineWidth: 0 });
  // compact, readable flow style for the small maps
  const out = y
    .replace(/^year: (\d+)$/m, 'year: "$1"')
    .replace(/^(\s*)- code: (\S+)\n\s+status: (\S+)$/gm, '$1- { code: $2, status: $3 }')
    .replace(/^period:\n {2}start: (\S+)\n {2}end: (\S+)$/m, 'period: { start: $1, end: $2 }')
    .replace(/^(\s*)- lang: (\S+)\n\s+file: (\S+)\n\s+sha256: (\S+)$/gm, '$1- { lang: $2, file: $3, sha256: $4 }');
  return notes.reduce((text, [path, found]) => annotate(text, path, detectedNote(found)), keepComments(existing, out));
}
