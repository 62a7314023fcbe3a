/** Load and check `source/overrides.yaml` (see docs/importer.md for the format). */
import { parse } from 'yaml';
import { ImportError, type Lang } from './types.ts';

export type L10n = Partial<Record<Lang, string>>;
export interface ChapterSpec { id: string; page: number; part?: string; number?: string; title?: L10n; index?: 'hkex' }
export interface Overrides {
  report?: { title?: L10n; yearLabel?: L10n; period?: { start: string; end: string }; hkexEdition?: string };
  pageStarts?: Partial<Record<Lang, string[]>>;
  parts?: { id: string; title: L10n }[];
  chapters: ChapterSpec[];
  sections?: { chapter: string; number: string; title?: L10n; page?: number; why?: string }[];
}

export function parseOverrides(text: string, name = 'overrides.yaml'): Overrides {
  let o: any;
  try {
    o = parse(text);
  } catch (e) {
    throw new ImportError(`${name}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  if (!o || !Array.isArray(o.chapters) || !o.chapters.length) throw new ImportError(`${name}: needs a non-empty "chapters" list`);
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
