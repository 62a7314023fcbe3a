/** Load and check `source/overrides.yaml` (see docs/importer.md for the format). */
import { parse } from 'yaml';
import { ImportError, type Lang } from './types.ts';
import type { OutlineOverrides } from './outline/types.ts';

export type L10n = Partial<Record<Lang, string>>;
export interface ChapterSpec { id: string; page: number; part?: string; number?: string; title?: L10n; index?: 'hkex' }
export interface Overrides {
  report?: { title?: L10n; yearLabel?: L10n; period?: { start: string; end: string }; hkexEdition?: string; indexLost?: boolean };
  pageStarts?: Partial<Record<Lang, string[]>>;
  parts?: { id: string; title: L10n }[];
  /** every chapter-level unit (the outline is detected when absent) */
  chapters?: ChapterSpec[];
  /** corrections of the detected outline: split, demote, merge, rename */
  outline?: OutlineOverrides;
  /** lines dropped as furniture (text of the whole line, matched ignoring spaces) */
  drop?: string[];
  /** printed index entry (section name as the index prints it) → unit id */
  mapIndex?: Record<string, string>;
  sections?: { chapter: string; number: string; title?: L10n; page?: number; why?: string }[];
}

export function parseOverrides(text: string, name = 'overrides.yaml'): Overrides {
  let o: any;
  try {
    o = parse(text);
  } catch (e) {
    throw new ImportError(`${name}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  if (o === null || o === undefined) o = {};
  if (typeof o !== 'object' || Array.isArray(o)) throw new ImportError(`${name}: must be a YAML mapping (see docs/importer.md)`);
  if (o.chapters !== undefined && (!Array.isArray(o.chapters) || !o.chapters.length)) throw new ImportError(`${name}: "chapters", when given, must be a non-empty list`);
  const ol = o.outline ?? {};
  if (typeof ol !== 'object' || Array.isArray(ol)) throw new ImportError(`${name}: "outline" must be a mapping of split/demote/merge/rename`);
  for (const k of Object.keys(ol)) if (!['split', 'demote', 'merge', 'rename'].includes(k)) throw new ImportError(`${name}: unknown outline key "${k}" (use split, demote, merge, rename)`);
  for (const sp of ol.split ?? []) if (!sp || typeof sp.at !== 'string') throw new ImportError(`${name}: every outline.split entry needs an "at" text`);
  for (const k of ['demote', 'merge', 'drop'] as const) {
    const v = k === 'drop' ? o.drop : ol[k];
    if (v !== undefined && (!Array.isArray(v) || v.some((x: unknown) => typeof x !== 'string'))) throw new ImportError(`${name}: "${k}" must be a list of strings`);
  }
  for (const [k, v] of [['outline.rename', ol.rename], ['mapIndex', o.mapIndex]] as const) {
    if (v !== undefined && (typeof v !== 'object' || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string'))) throw new ImportError(`${name}: "${k}" must map strings to strings`);
  }
  if (!o.chapters) return o as Overrides;
  let lastPage = 0;
  const ids = new Set<string>();
  for (const c of o.chapters) {
    if (!c || typeof c.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id)) throw new ImportError(`${name}: chapter id ${JSON.stringify(c?.id)} is not kebab-case`);
    if (ids.has(c.id)) throw new ImportError(`${name}: chapter id "${c.id}" appears twice`);
    ids.add(c.id);
    if (!Number.isInteger(c.page) || c.page < lastPage) throw new ImportError(`${name}: chapter "${c.id}" needs an integer page, not before the previous chapter's`);
    lastPage = c.page;
    if (c.number !== undefined) c.number = String(c.number);
    if (c.part && !(o.parts ?? []).some((p: any) => p.id === c.part)) throw new ImportError(`${name}: chapter "${c.id}" names unknown part "${c.part}"`);
  }
  for (const s of o.sections ?? []) {
    if (!ids.has(s.chapter)) throw new ImportError(`${name}: section override names unknown chapter "${s.chapter}"`);
    s.number = String(s.number);
  }
  return o as Overrides;
}
