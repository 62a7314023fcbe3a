/**
 * Stage: render a section as MDX (frontmatter written here, the body through to-mdast.ts and
 * stringify-mdx.ts), and create/merge report.yaml.
 * Output is deterministic: fixed key order, no dates.
 */
import { stringify, parse } from 'yaml';
import type { Block, Lang } from './types.ts';
import { toMdast } from './to-mdast.ts';
import { stringifyMdx } from './stringify-mdx.ts';

export interface SectionMeta {
  id: string;
  title: string;
  number?: string;
  order: number;
  chapter?: string;
  pages?: { from: number; to: number };
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
}

const LANG_ORDER: Lang[] = ['zh-Hant', 'en', 'zh-Hans'];
const sortL10n = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort((a, b) => LANG_ORDER.indexOf(a[0] as Lang) - LANG_ORDER.indexOf(b[0] as Lang)));

/** Merge this import into an existing report.yaml text (or create one). Other languages are kept. */
export function mergeReportYaml(existing: string | null, r: ReportInfo): string {
  const old: any = existing ? parse(existing) ?? {} : {};
  const l10n = (prev: any, v?: string) => (v === undefined ? prev : sortL10n({ ...(prev ?? {}), [r.lang]: v }));
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
    yearLabel: l10n(old.yearLabel, r.yearLabel),
    title: l10n(old.title, r.title),
    period: r.period ?? old.period,
    languages: langs,
    hkexEdition: r.hkexEdition ?? old.hkexEdition,
    indexLost: r.indexLost || old.indexLost || undefined,
    chapters,
    comply,
    sources,
  };
  for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
  const y = stringify(doc, { lineWidth: 0 });
  // compact, readable flow style for the small maps
  return y
    .replace(/^year: (\d+)$/m, 'year: "$1"')
    .replace(/^(\s*)- code: (\S+)\n\s+status: (\S+)$/gm, '$1- { code: $2, status: $3 }')
    .replace(/^period:\n {2}start: (\S+)\n {2}end: (\S+)$/m, 'period: { start: $1, end: $2 }')
    .replace(/^(\s*)- lang: (\S+)\n\s+file: (\S+)\n\s+sha256: (\S+)$/gm, '$1- { lang: $2, file: $3, sha256: $4 }');
}
