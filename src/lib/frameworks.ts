/**
 * HKEX ESG Reporting Guide / Code catalogues (content/frameworks/<edition>.yaml) and the logic around
 * them: validation, Guide order, code normalisation and per-report disclosure status.
 * Pure functions except `loadEdition`, which reads a file. See docs/frameworks.md.
 */
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// ---------------------------------------------------------------------------
// Schema

export const ITEM_KINDS = ['area', 'aspect', 'kpi'] as const;
export const OBLIGATION_LEVELS = ['comply-or-explain', 'recommended', 'mandatory'] as const;
export const STATUSES = ['disclosed', 'not-applicable', 'explained', 'not-reported', 'no-data'] as const;

export type ItemKind = (typeof ITEM_KINDS)[number];
export type ObligationLevel = (typeof OBLIGATION_LEVELS)[number];
export type DisclosureStatus = (typeof STATUSES)[number];

const isoDate = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write dates as YYYY-MM-DD')])
  .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10)));
const bilingual = z.object({ en: z.string().min(1), 'zh-Hant': z.string().min(1) }).strict();
const partialBilingual = z.object({ en: z.string().min(1), 'zh-Hant': z.string().min(1) }).partial().strict();

export const obligationPhaseSchema = z
  .object({ level: z.enum(OBLIGATION_LEVELS), from: isoDate.optional() })
  .strict();

export const frameworkItemSchema = z
  .object({
    code: z.string().regex(/^[A-Z](?:\d{1,2}(?:\.\d{1,2})?)?$/, 'write codes like A, A1 or A1.1'),
    kind: z.enum(ITEM_KINDS),
    /** Parent code: the subject area of an aspect, the aspect of a KPI. Absent on areas. */
    aspect: z.string().optional(),
    /** Obligation phases, earliest first; a phase with `from` applies to financial years starting on/after it. */
    obligation: z.array(obligationPhaseSchema).default([]),
    /** Heading above a run of aspects (e.g. B1–B4 Employment and Labour Practices). */
    group: bilingual.optional(),
    /** Aspect name (areas: subject area name; KPIs: the name of their aspect). */
    title: bilingual,
    /** Disclosure wording (aspects: the general disclosure; KPIs: the KPI). */
    text: bilingual.optional(),
    /** The wording as printed in the verification source, where it differs from `text`. */
    printed: partialBilingual.optional(),
    /** How the wording was verified, and what differs. */
    verified: z.string().optional(),
  })
  .strict();

export const frameworkEditionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    name: bilingual,
    instrument: bilingual.optional(),
    /** Applies to financial years starting on or after this date. */
    appliesFrom: isoDate,
    /** Financial years starting on or after this date use the next edition (exclusive bound). */
    appliesUntil: isoDate.optional(),
    obligationLevels: z
      .object({ 'comply-or-explain': bilingual, recommended: bilingual, mandatory: bilingual })
      .partial()
      .strict()
      .optional(),
    source: z.array(z.object({ id: z.string(), what: z.string().min(1) }).strict()).min(1),
    items: z.array(frameworkItemSchema).min(1),
  })
  .strict();

export type FrameworkItem = z.infer<typeof frameworkItemSchema>;
export type FrameworkEdition = z.infer<typeof frameworkEditionSchema>;

// ---------------------------------------------------------------------------
// Codes

/** Prefixes that may precede a code in reports: KPI, 關鍵績效指標 (also the typo 關績效指標), Aspect, 層面 … */
const CODE_PREFIX = /^(?:KPIs?|Key\s+Performance\s+Indicators?|關鍵績效指標|关键绩效指标|關績效指標|关绩效指标|Aspects?|層面|层面|Subject\s+Area|主要範疇|主要范畴)[\s:：]*/i;
/** Suffixes that mark the general disclosure of an aspect: A1 GD, A1-GD, A1 General Disclosure, A1 一般披露. */
const GD_SUFFIX = /^(?:[\s_-]*(?:GD|General\s+Disclosures?|一般披露))$/i;

/**
 * Normalise one code mention to its catalogue code, or null when it is not an HKEX Part C code.
 * `A1.1`, `a1.1`, `KPI A1.1`, `關鍵績效指標 A1.1`, `Ａ１．１` → `A1.1`; `A1 GD`, `A1-GD`, `Aspect A1`,
 * `A1 一般披露` → `A1`; `A`, `Subject Area A` → `A`.
 */
export function parseCode(mention: string): string | null {
  let s = mention.normalize('NFKC').trim();
  s = s.replace(CODE_PREFIX, '');
  const m = /^([AaBb])(?:(\d{1,2})(?:\.(\d{1,2}))?)?(.*)$/.exec(s);
  if (!m) return null;
  const [, letter, aspect, kpi, rest] = m;
  if (rest && !(kpi === undefined && aspect !== undefined && GD_SUFFIX.test(rest))) {
    // Allow a trailing aspect name after a space or colon ("A1 排放物", "A1: Emissions").
    if (!(aspect !== undefined && /^[\s:：]/.test(rest))) return null;
  }
  if (aspect === undefined) return rest ? null : letter!.toUpperCase();
  const a = Number(aspect);
  if (a === 0) return null;
  const code = `${letter!.toUpperCase()}${a}`;
  if (kpi === undefined) return code;
  const k = Number(kpi);
  return k === 0 ? null : `${code}.${k}`;
}

const CODE_IN_TEXT =
  /(?<![A-Za-z0-9.])(?:(?:KPIs?|關鍵績效指標|关键绩效指标|關績效指標)\s*)?([AB][1-9]\d?(?:\.\d{1,2})?)(?![A-Za-z0-9]|\.\d)/g;

/** Every HKEX code mentioned in a text, normalised, in order of appearance, without repeats. */
export function findCodes(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.normalize('NFKC').matchAll(CODE_IN_TEXT)) {
    const c = parseCode(m[1]!);
    if (c) seen.add(c);
  }
  return [...seen];
}

function codeKey(code: string): [number, number, number] | null {
  const m = /^([A-Z])(?:(\d{1,2})(?:\.(\d{1,2}))?)?$/.exec(code);
  if (!m) return null;
  return [m[1]!.charCodeAt(0), m[2] ? Number(m[2]) : 0, m[3] ? Number(m[3]) : 0];
}

/**
 * Guide order: A < A1 < A1.1 < … < A1.6 < A2 < … < B < B1 < … (numeric, so A1.10 follows A1.9).
 * Mentions are normalised first; anything that is not a code sorts after all codes, by string.
 */
export function compareCodes(a: string, b: string): number {
  const ka = codeKey(parseCode(a) ?? a);
  const kb = codeKey(parseCode(b) ?? b);
  if (ka && kb) return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  if (ka) return -1;
  if (kb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Editions

/** Validate a catalogue object (as parsed from YAML). Throws an Error naming the file and the problem. */
export function parseEdition(data: unknown, file = '<catalogue>'): FrameworkEdition {
  const r = frameworkEditionSchema.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${file}: ${issues}`);
  }
  const ed = r.data;
  const problems: string[] = [];
  const seen = new Map<string, FrameworkItem>();
  let prev: string | null = null;
  for (const item of ed.items) {
    const where = `item ${item.code}`;
    if (seen.has(item.code)) problems.push(`${where}: duplicate code`);
    const depth = item.code.includes('.') ? 'kpi' : /\d/.test(item.code) ? 'aspect' : 'area';
    if (depth !== item.kind) problems.push(`${where}: kind is ${item.kind} but the code looks like a ${depth}`);
    if (item.kind === 'area') {
      if (item.aspect) problems.push(`${where}: an area has no parent`);
    } else {
      const expected = item.kind === 'kpi' ? item.code.split('.')[0]! : item.code[0]!;
      if (item.aspect !== expected) problems.push(`${where}: aspect must be ${expected}`);
      else if (!seen.has(expected)) problems.push(`${where}: parent ${expected} must come before it`);
      if (!item.text) problems.push(`${where}: text (the disclosure wording) is required`);
      if (item.obligation.length === 0) problems.push(`${where}: obligation is required`);
    }
    for (let i = 1; i < item.obligation.length; i++) {
      const a = item.obligation[i - 1]!.from ?? ed.appliesFrom;
      const b = item.obligation[i]!.from;
      if (!b || b <= a) problems.push(`${where}: obligation phases must have increasing from dates`);
    }
    if (prev !== null && compareCodes(prev, item.code) >= 0) problems.push(`${where}: out of Guide order after ${prev}`);
    prev = item.code;
    seen.set(item.code, item);
  }
  if (ed.appliesUntil && ed.appliesUntil <= ed.appliesFrom) problems.push('appliesUntil must be after appliesFrom');
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  return ed;
}

/** Read and validate `content/frameworks/<id>.yaml`. */
export function loadEdition(id: string, dir = join(process.cwd(), 'content', 'frameworks')): FrameworkEdition {
  const file = join(dir, `${id}.yaml`);
  const ed = parseEdition(parseYaml(readFileSync(file, 'utf8')), file);
  if (ed.id !== id) throw new Error(`${file}: id is ${ed.id}, expected ${id} (the file name)`);
  return ed;
}

/** Items in Guide order, optionally of some kinds only. */
export function itemsInOrder(edition: FrameworkEdition, kinds?: ItemKind | readonly ItemKind[]): FrameworkItem[] {
  const want = kinds === undefined ? null : new Set(typeof kinds === 'string' ? [kinds] : kinds);
  return [...edition.items]
    .filter((i) => !want || want.has(i.kind))
    .sort((a, b) => compareCodes(a.code, b.code));
}

/** The item for a code or code mention (`KPI A1.1`, `A1-GD` …), or undefined. */
export function findItem(edition: FrameworkEdition, code: string): FrameworkItem | undefined {
  const c = parseCode(code);
  return c ? edition.items.find((i) => i.code === c) : undefined;
}

/** Direct children (aspects of an area, KPIs of an aspect), in Guide order. */
export function childrenOf(edition: FrameworkEdition, code: string): FrameworkItem[] {
  const c = parseCode(code) ?? code;
  return itemsInOrder(edition).filter((i) => i.aspect === c);
}

/** Whether the edition applies to a financial year starting on `fyStart` (YYYY-MM-DD). */
export function appliesTo(edition: FrameworkEdition, fyStart: string): boolean {
  return fyStart >= edition.appliesFrom && (!edition.appliesUntil || fyStart < edition.appliesUntil);
}

/** Obligation level of an item for a financial year starting on `fyStart`; null for areas / before the first phase. */
export function obligationFor(item: FrameworkItem, fyStart: string): ObligationLevel | null {
  let level: ObligationLevel | null = null;
  for (const p of item.obligation) if (!p.from || fyStart >= p.from) level = p.level;
  return level;
}

// ---------------------------------------------------------------------------
// Disclosure status of a report

export interface ComplyEntryLike {
  code: string;
  status: 'not-applicable' | 'not-reported' | 'explained';
  explanation?: unknown;
}
export interface ReportLike {
  comply?: readonly ComplyEntryLike[];
}
export interface SectionLike {
  frameworks?: { hkex?: readonly string[] } & Record<string, unknown>;
}
/** Astro collection entries (`{ data: … }`) are accepted as well as plain objects. */
type MaybeEntry<T> = T | { data: T };

function unwrap<T>(x: MaybeEntry<T>): T {
  return x && typeof x === 'object' && 'data' in x ? (x as { data: T }).data : (x as T);
}

/**
 * Status of one code in a report (docs/content-format.md):
 * - `disclosed` when a section carries the code in `frameworks.hkex` (an aspect code means its
 *   general disclosure; KPI tags do not make the aspect disclosed); tags win over `comply`;
 * - otherwise the report's `comply` entry for the code: not-applicable | not-reported | explained;
 * - otherwise `no-data`: the archive holds no claim either way.
 */
export function statusFor(
  code: string,
  report: MaybeEntry<ReportLike>,
  sections: ReadonlyArray<MaybeEntry<SectionLike>>,
): DisclosureStatus {
  const c = parseCode(code);
  if (!c) throw new Error(`statusFor: "${code}" is not an HKEX code`);
  for (const s of sections) {
    const tags = unwrap(s)?.frameworks?.hkex ?? [];
    if (tags.some((t) => parseCode(t) === c)) return 'disclosed';
  }
  const entry = unwrap(report)?.comply?.find((e) => parseCode(e.code) === c);
  return entry ? entry.status : 'no-data';
}

/** Sections (as given) that carry a code, in the order given. */
export function sectionsFor<T extends MaybeEntry<SectionLike>>(code: string, sections: readonly T[]): T[] {
  const c = parseCode(code);
  return sections.filter((s) => (unwrap(s)?.frameworks?.hkex ?? []).some((t) => parseCode(t) === c));
}

/** Status of every aspect and KPI of an edition for one report, in Guide order (the report's index). */
export function statusTable(
  edition: FrameworkEdition,
  report: MaybeEntry<ReportLike>,
  sections: ReadonlyArray<MaybeEntry<SectionLike>>,
): Array<{ item: FrameworkItem; status: DisclosureStatus }> {
  return itemsInOrder(edition, ['aspect', 'kpi']).map((item) => ({ item, status: statusFor(item.code, report, sections) }));
}

// ---------------------------------------------------------------------------
// Aliases (the site's loader, src/lib/load-frameworks.ts, speaks of "catalogues")

export type Catalogue = FrameworkEdition;
export type CatalogueItem = FrameworkItem;
export const parseCatalogue: (data: unknown, file?: string) => FrameworkEdition = parseEdition;
