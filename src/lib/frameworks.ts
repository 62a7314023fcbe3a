/**
 * HKEX ESG Reporting Guide / Code catalogues (content/frameworks/<edition>.yaml) and the logic around
 * them: validation, Guide order, code normalisation and per-report disclosure status.
 * Pure functions except `loadEdition`, which reads a file. See docs/frameworks.md.
 */
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// ---------------------------------------------------------------------------
// Schema

/**
 * Item kinds. `mandatory`: a Part B Mandatory Disclosure Requirement (2020+, codes MDR13–MDR15, our
 * numbering after the Guide's paragraphs); `paragraph`: a Part D climate paragraph (2025+, codes D19–D40).
 */
export const ITEM_KINDS = ['area', 'aspect', 'kpi', 'mandatory', 'paragraph'] as const;
/** `voluntary` is used for issuer-specific phases only (GEM issuers under Part D). */
export const OBLIGATION_LEVELS = ['comply-or-explain', 'recommended', 'mandatory', 'voluntary'] as const;
/** `deleted`: the item is repealed in the report's edition (and no section discloses it). */
export const STATUSES = ['disclosed', 'not-applicable', 'explained', 'not-reported', 'no-data', 'deleted'] as const;
/** Issuer classes an obligation phase can be limited to (Part D phase-in of the 2025 Code). */
export const ISSUER_CLASSES = ['largecap', 'gem'] as const;

export type ItemKind = (typeof ITEM_KINDS)[number];
export type ObligationLevel = (typeof OBLIGATION_LEVELS)[number];
export type DisclosureStatus = (typeof STATUSES)[number];
export type IssuerClass = (typeof ISSUER_CLASSES)[number];

/** A catalogue code: A, A1, A1.1, D19 (Part D paragraph) or MDR13 (Part B requirement). */
const CODE_SHAPE = /^(?:MDR\d{1,2}|[A-Z](?:\d{1,2}(?:\.\d{1,2})?)?)$/;
/** A cross-edition item key: `<edition id>:<code>`, e.g. `hkex-2020:A1.2`. */
const KEY_SHAPE = /^([a-z0-9]+(?:-[a-z0-9]+)*):(MDR\d{1,2}|[A-Z](?:\d{1,2}(?:\.\d{1,2})?)?)$/;

const isoDate = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write dates as YYYY-MM-DD')])
  .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10)));
const bilingual = z.object({ en: z.string().min(1), 'zh-Hant': z.string().min(1) }).strict();
const partialBilingual = z.object({ en: z.string().min(1), 'zh-Hant': z.string().min(1) }).partial().strict();

export const obligationPhaseSchema = z
  .object({
    level: z.enum(OBLIGATION_LEVELS),
    from: isoDate.optional(),
    /** Limits the phase to these issuer classes (see obligationFor); absent: every issuer. */
    issuers: z.array(z.enum(ISSUER_CLASSES)).min(1).optional(),
  })
  .strict();

const keyList = z
  .union([z.string(), z.array(z.string()).min(1)])
  .transform((v) => (typeof v === 'string' ? [v] : v))
  .pipe(z.array(z.string().regex(KEY_SHAPE, 'write item keys like hkex-2015:A1.2')));

export const frameworkItemSchema = z
  .object({
    code: z.string().regex(CODE_SHAPE, 'write codes like A, A1, A1.1, D19 or MDR13'),
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
    /** Repealed in this edition; kept so report indexes can print it as deleted (A1.2, A4, A4.1 in 2025). */
    deleted: z.boolean().optional(),
    /** Date from which the item is repealed (financial years starting on or after). */
    deletedFrom: isoDate.optional(),
    /** The item(s) of an earlier edition this one continues, as keys `hkex-2015:A1.2`. */
    predecessor: keyList.optional(),
    /** The item(s) continuing this one: of a later edition, or (for a deleted item) of the same edition. */
    successor: keyList.optional(),
    /** What changed against the predecessor (en), when the wording or scope changed. */
    change: z.string().optional(),
    /** Obligation details the phases cannot express (e.g. parts of a paragraph with different levels). */
    obligationNote: z.string().optional(),
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
      .object({ 'comply-or-explain': bilingual, recommended: bilingual, mandatory: bilingual, voluntary: bilingual })
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
  const special = parseSpecialCode(s);
  if (special !== undefined) return special;
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

/** Part B requirements: `MDR13`, `MDR 13`, `MDR-13`. */
const MDR_CODE = /^MDR\s*[-.]?\s*(\d{1,2})$/i;
/**
 * Part D paragraphs (two-digit numbers only, so 2012-style `D1` stays unrecognised): `D19`, `D.28`,
 * `D28(a)(i)`, `Part D 28`, `Part D paragraph 28(b)` → `D28` (sub-paragraphs normalise to the paragraph).
 */
const PART_D_CODE = /^(?:Part\s*D\s*[,.:]?\s*(?:(?:paragraph|para\.?|¶)\s*)?|D\s*[-.]?\s*)(\d{2})((?:\s*\([a-z]{1,4}\))*)$/i;

/** MDR / Part D mentions (`D`, `Part D` → `D`): the code, null for a malformed one, undefined when neither. */
function parseSpecialCode(s: string): string | null | undefined {
  let m = MDR_CODE.exec(s);
  if (m) {
    const n = Number(m[1]);
    return n === 0 ? null : `MDR${n}`;
  }
  if (/^(?:Part\s*)?D$/i.test(s)) return 'D'; // Part D as the area of its paragraphs
  m = PART_D_CODE.exec(s);
  if (m) {
    const n = Number(m[1]);
    return n < 10 ? null : `D${n}`;
  }
  return undefined;
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
  const mdr = /^MDR(\d{1,2})$/.exec(code);
  if (mdr) return [0, Number(mdr[1]), 0]; // Part B comes before the Part C subject areas
  const m = /^([A-Z])(?:(\d{1,2})(?:\.(\d{1,2}))?)?$/.exec(code);
  if (!m) return null;
  return [m[1]!.charCodeAt(0), m[2] ? Number(m[2]) : 0, m[3] ? Number(m[3]) : 0];
}

/**
 * Guide order: MDR13 < MDR14 < MDR15 (Part B) < A < A1 < A1.1 < … < A1.6 < A2 < … < B < B1 < … < D < D19 < … < D40
 * (numeric, so A1.10 follows A1.9).
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
    const depth = item.code.startsWith('MDR')
      ? 'mandatory'
      : item.code.includes('.')
        ? 'kpi'
        : /\d/.test(item.code)
          ? item.kind === 'paragraph' ? 'paragraph' : 'aspect'
          : 'area';
    if (depth !== item.kind) problems.push(`${where}: kind is ${item.kind} but the code looks like a ${depth}`);
    if (item.kind === 'area' || item.kind === 'mandatory') {
      if (item.aspect) problems.push(`${where}: ${item.kind === 'area' ? 'an area' : 'a Part B requirement'} has no parent`);
      if (item.kind === 'mandatory') {
        if (!item.text) problems.push(`${where}: text (the disclosure wording) is required`);
        if (item.obligation.length === 0 && !item.deleted) problems.push(`${where}: obligation is required`);
      }
    } else {
      const expected = item.kind === 'kpi' ? item.code.split('.')[0]! : item.code[0]!;
      if (item.aspect !== expected) problems.push(`${where}: aspect must be ${expected}`);
      else if (!seen.has(expected)) problems.push(`${where}: parent ${expected} must come before it`);
      // Part D paragraphs carry a title; their wording is not reproduced (text optional).
      if (!item.text && item.kind !== 'paragraph') problems.push(`${where}: text (the disclosure wording) is required`);
      if (item.obligation.length === 0 && !item.deleted) problems.push(`${where}: obligation is required`);
    }
    // Phases increase per audience: the phases for every issuer, and each issuer class's own phases.
    const audiences = [undefined, ...ISSUER_CLASSES];
    for (const who of audiences) {
      const phases = item.obligation.filter((p) => (who === undefined ? !p.issuers : p.issuers?.includes(who)));
      for (let i = 1; i < phases.length; i++) {
        const a = phases[i - 1]!.from ?? ed.appliesFrom;
        const b = phases[i]!.from;
        if (!b || b <= a) problems.push(`${where}: obligation phases must have increasing from dates`);
      }
    }
    if (item.deletedFrom && !item.deleted) problems.push(`${where}: deletedFrom without deleted: true`);
    if (item.deleted && item.obligation.length > 0) problems.push(`${where}: a deleted item has no obligation`);
    for (const key of [...(item.predecessor ?? []), ...(item.successor ?? [])]) {
      if (key === `${ed.id}:${item.code}`) problems.push(`${where}: refers to itself`);
    }
    for (const key of item.predecessor ?? []) {
      if (editionOfCode(key) === ed.id && !findItemByCode(ed.items, codeOfKey(key)!)?.deleted) {
        problems.push(`${where}: a predecessor in the same edition must be a deleted item (${key})`);
      }
    }
    if (!item.deleted && (item.successor ?? []).some((k) => editionOfCode(k) === ed.id)) {
      problems.push(`${where}: only a deleted item may have a successor in its own edition`);
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

/**
 * Obligation level of an item for a financial year starting on `fyStart`; null for areas, deleted items
 * and before the first phase. Phases limited to issuer classes (`issuers: [largecap]`) count only when
 * `issuer` is one of them, and then win over the phases for every issuer once they have started.
 */
export function obligationFor(item: FrameworkItem, fyStart: string, issuer?: IssuerClass): ObligationLevel | null {
  let level: ObligationLevel | null = null;
  for (const p of item.obligation) if (!p.issuers && (!p.from || fyStart >= p.from)) level = p.level;
  if (issuer) {
    for (const p of item.obligation) if (p.issuers?.includes(issuer) && (!p.from || fyStart >= p.from)) level = p.level;
  }
  return level;
}

function findItemByCode(items: readonly FrameworkItem[], code: string): FrameworkItem | undefined {
  return items.find((i) => i.code === code);
}

/** Whether an item is repealed in its edition (kept in the catalogue as "deleted"). */
export function isDeleted(item: FrameworkItem): boolean {
  return item.deleted === true;
}

// ---------------------------------------------------------------------------
// Several editions: item keys, the applicable edition, lineage

/** Editions as a list or keyed by id (e.g. `{ 'hkex-2015': …, 'hkex-2020': … }`). */
export type EditionSet = readonly FrameworkEdition[] | Readonly<Record<string, FrameworkEdition>>;

function editionList(editions: EditionSet): FrameworkEdition[] {
  const list = Array.isArray(editions) ? [...editions] : Object.values(editions as Record<string, FrameworkEdition>);
  return list.sort((a, b) => (a.appliesFrom < b.appliesFrom ? -1 : a.appliesFrom > b.appliesFrom ? 1 : 0));
}

/** The key of an item across editions: `itemKey('hkex-2020', 'KPI A1.2')` → `hkex-2020:A1.2`. */
export function itemKey(edition: FrameworkEdition | string, code: string): string {
  const id = typeof edition === 'string' ? edition : edition.id;
  const c = parseCode(code) ?? code;
  return `${id}:${c}`;
}

/** `hkex-2020:A1.2` → `{ edition: 'hkex-2020', code: 'A1.2' }`; null when it is not a key. */
export function parseKey(key: string): { edition: string; code: string } | null {
  const m = KEY_SHAPE.exec(key.trim());
  return m ? { edition: m[1]!, code: m[2]! } : null;
}

/** `hkex-2020:A1.2` → `hkex-2020`; null when it is not a key. */
export function editionOfCode(key: string): string | null {
  return parseKey(key)?.edition ?? null;
}

/** `hkex-2020:A1.2` → `A1.2`; null when it is not a key. */
export function codeOfKey(key: string): string | null {
  return parseKey(key)?.code ?? null;
}

/** The edition and item a key names, or undefined when either does not exist. */
export function resolveKey(key: string, editions: EditionSet): { edition: FrameworkEdition; item: FrameworkItem } | undefined {
  const k = parseKey(key);
  if (!k) return undefined;
  const edition = editionList(editions).find((e) => e.id === k.edition);
  const item = edition && findItemByCode(edition.items, k.code);
  return edition && item ? { edition, item } : undefined;
}

/**
 * The edition that applies to a financial year starting on `fyStart` (YYYY-MM-DD): the one whose
 * [appliesFrom, appliesUntil) covers it; undefined before the first edition. This is the *applicable*
 * edition; a report may reference (print the index of) a later one, e.g. JD Health 2024 → hkex-2025.
 */
export function applicableEdition(fyStart: string, editions: EditionSet): FrameworkEdition | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fyStart)) throw new Error(`applicableEdition: "${fyStart}" is not a YYYY-MM-DD date`);
  const matches = editionList(editions).filter((e) => appliesTo(e, fyStart));
  if (matches.length > 1) throw new Error(`applicableEdition: ${matches.map((e) => e.id).join(' and ')} both apply to ${fyStart}`);
  return matches[0];
}

/** Read and validate every catalogue of a folder (or the given ids), oldest edition first. */
export function loadEditions(ids?: readonly string[], dir = join(process.cwd(), 'content', 'frameworks')): FrameworkEdition[] {
  const list = ids ?? readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length));
  return editionList(list.map((id) => loadEdition(id, dir)));
}

/**
 * Cross-edition checks of predecessor / successor references; returns problems (empty when sound):
 * every key resolves; links are symmetric (X lists successor Y ⇔ Y lists predecessor X); a successor is
 * in a later edition, or in the same edition when the item is deleted there; editions do not overlap.
 */
export function checkLineage(editions: EditionSet): string[] {
  const list = editionList(editions);
  const order = new Map(list.map((e, i) => [e.id, i]));
  const problems: string[] = [];
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1]!;
    const b = list[i]!;
    if (!a.appliesUntil || a.appliesUntil > b.appliesFrom) problems.push(`${a.id} overlaps ${b.id} (appliesUntil must be ≤ ${b.appliesFrom})`);
  }
  for (const ed of list) {
    for (const item of ed.items) {
      const self = itemKey(ed.id, item.code);
      for (const [field, back, later] of [
        ['successor', 'predecessor', true],
        ['predecessor', 'successor', false],
      ] as const) {
        for (const key of item[field] ?? []) {
          const target = resolveKey(key, list);
          if (!target) {
            problems.push(`${self}: ${field} ${key} does not exist`);
            continue;
          }
          if (!(target.item[back] ?? []).includes(self)) problems.push(`${self}: ${field} ${key} does not list ${self} as its ${back}`);
          const d = order.get(target.edition.id)! - order.get(ed.id)!;
          const sameOk = d === 0 && (later ? item.deleted : target.item.deleted);
          if (!sameOk && (later ? d <= 0 : d >= 0)) {
            problems.push(`${self}: ${field} ${key} must be in a${later ? ' later' : 'n earlier'} edition`);
          }
        }
      }
    }
  }
  return problems;
}

export interface LineageEntry {
  key: string;
  edition: FrameworkEdition;
  item: FrameworkItem;
  /** `self` for the item asked about; how many links away the others are. */
  relation: 'self' | 'predecessor' | 'successor';
  distance: number;
}

/**
 * The item's lineage, oldest first: every item reachable through `predecessor` links (earlier), the
 * item itself, and every item reachable through `successor` links (later). Branches are kept: hkex-2020:A4
 * leads to hkex-2025:A4 (deleted) and on to the Part D paragraphs that replace it. Unknown codes give [].
 */
export function lineage(code: string, edition: FrameworkEdition | string, editions: EditionSet): LineageEntry[] {
  const list = editionList(editions);
  const order = new Map(list.map((e, i) => [e.id, i]));
  const start = resolveKey(itemKey(edition, code), list);
  if (!start) return [];
  const selfKey = itemKey(start.edition.id, start.item.code);
  const out: LineageEntry[] = [{ key: selfKey, ...start, relation: 'self', distance: 0 }];
  const seen = new Set([selfKey]);
  for (const relation of ['predecessor', 'successor'] as const) {
    let frontier = [start.item];
    for (let distance = 1; frontier.length; distance++) {
      const next: FrameworkItem[] = [];
      for (const item of frontier) {
        for (const key of item[relation] ?? []) {
          const r = resolveKey(key, list);
          if (!r || seen.has(key)) continue;
          seen.add(key);
          out.push({ key, ...r, relation, distance });
          next.push(r.item);
        }
      }
      frontier = next;
    }
  }
  const rank = (e: LineageEntry) => (e.relation === 'predecessor' ? -e.distance : e.distance);
  return out.sort(
    (a, b) => rank(a) - rank(b) || order.get(a.edition.id)! - order.get(b.edition.id)! || compareCodes(a.item.code, b.item.code),
  );
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
 * - with `edition` (the report's edition): `deleted` for an item repealed in it (e.g. A1.2 in hkex-2025),
 *   unless a section discloses it; comply entries do not override this;
 * - otherwise `no-data`: the archive holds no claim either way.
 */
export function statusFor(
  code: string,
  report: MaybeEntry<ReportLike>,
  sections: ReadonlyArray<MaybeEntry<SectionLike>>,
  edition?: FrameworkEdition,
): DisclosureStatus {
  const c = parseCode(code);
  if (!c) throw new Error(`statusFor: "${code}" is not an HKEX code`);
  for (const s of sections) {
    const tags = unwrap(s)?.frameworks?.hkex ?? [];
    if (tags.some((t) => parseCode(t) === c)) return 'disclosed';
  }
  // A deleted item of the report's edition: 'deleted', whatever `comply` says (it cannot be required).
  if (edition && findItemByCode(edition.items, c)?.deleted) return 'deleted';
  const entry = unwrap(report)?.comply?.find((e) => parseCode(e.code) === c);
  return entry ? entry.status : 'no-data';
}

/** Sections (as given) that carry a code, in the order given. */
export function sectionsFor<T extends MaybeEntry<SectionLike>>(code: string, sections: readonly T[]): T[] {
  const c = parseCode(code);
  return sections.filter((s) => (unwrap(s)?.frameworks?.hkex ?? []).some((t) => parseCode(t) === c));
}

/**
 * Status of every item but the areas (Part B requirements, aspects, KPIs, Part D paragraphs) of an
 * edition for one report, in Guide order (the report's index); deleted items get `deleted`.
 */
export function statusTable(
  edition: FrameworkEdition,
  report: MaybeEntry<ReportLike>,
  sections: ReadonlyArray<MaybeEntry<SectionLike>>,
): Array<{ item: FrameworkItem; status: DisclosureStatus }> {
  return itemsInOrder(edition, ['mandatory', 'aspect', 'kpi', 'paragraph']).map((item) => ({
    item,
    status: statusFor(item.code, report, sections, edition),
  }));
}

// ---------------------------------------------------------------------------
// Aliases (the site's loader, src/lib/load-frameworks.ts, speaks of "catalogues")

export type Catalogue = FrameworkEdition;
export type CatalogueItem = FrameworkItem;
export const parseCatalogue: (data: unknown, file?: string) => FrameworkEdition = parseEdition;
