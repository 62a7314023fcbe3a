/**
 * The archive model: issuers, reports and their sections per language, built from plain
 * collection data. Pure: Astro pages load the collections and hand them in.
 */
import type { ContentLang, Locale } from '../i18n/locales.ts';
import { LOCALES, editionFor, type EditionSource } from '../i18n/locales.ts';

export type Localized = Partial<Record<ContentLang, string>>;

export interface IssuerData {
  id: string;
  stockCode: string;
  name: Localized;
  shortName: Localized;
  website?: string | undefined;
}

export interface ComplyEntry {
  code: string;
  status: 'not-applicable' | 'not-reported' | 'explained';
  explanation?: Localized | undefined;
}

export interface ReportData {
  issuer: string;
  year: string;
  yearLabel: Localized;
  title: Localized;
  period: { start: string; end: string };
  languages: ContentLang[];
  hkexEdition: string;
  chapters: { id: string; title: Localized }[];
  comply: ComplyEntry[];
  indexLost: boolean;
}

export interface SectionData {
  id: string;
  title: string;
  number?: string | undefined;
  order: number;
  chapter?: string | undefined;
  pages?: { from: number; to: number } | undefined;
  /** `hkex`: printed by the issuer; `hkexDerived`: derived by the importer where no index is printed */
  frameworks: { hkex: string[]; hkexDerived?: string[] | undefined } & Record<string, string[]>;
  description?: string | undefined;
}

/** A section as stored: its data plus where it came from; `E` is the collection entry type. */
export interface Section<E = unknown> extends SectionData {
  lang: ContentLang;
  entry: E;
}

export interface Report<E = unknown> {
  issuer: IssuerData;
  data: ReportData;
  /** Sections per authored language, in reading order. */
  sections: Partial<Record<ContentLang, Section<E>[]>>;
}

export interface Archive<E = unknown> {
  reports: Report<E>[];
}

/** `content/reports/alibaba-health/2018/zh-Hant/06-p1-c1.mdx` → issuer, year, lang. */
export function sectionLocation(filePath: string): { issuer: string; year: string; lang: ContentLang } {
  const match = /(?:^|\/)reports\/([^/]+)\/([^/]+)\/(en|zh-Hant|zh-Hans)\/[^/]+\.mdx$/.exec(filePath.replaceAll('\\', '/'));
  if (!match) {
    throw new Error(`${filePath}: a section file must live at content/reports/<issuer>/<year>/<en|zh-Hant|zh-Hans>/NN-<id>.mdx`);
  }
  return { issuer: match[1]!, year: match[2]!, lang: match[3] as ContentLang };
}

export function buildArchive<E>(
  issuers: IssuerData[],
  reports: { data: ReportData; filePath: string }[],
  sections: { data: SectionData; filePath: string; entry: E }[],
): Archive<E> {
  const issuerById = new Map(issuers.map((i) => [i.id, i]));
  const built = reports.map(({ data, filePath }): Report<E> => {
    const issuer = issuerById.get(data.issuer);
    if (!issuer) throw new Error(`${filePath}: issuer "${data.issuer}" has no file content/issuers/${data.issuer}.yaml`);
    return { issuer, data, sections: {} };
  });
  const byKey = new Map(built.map((r) => [`${r.data.issuer}/${r.data.year}`, r]));
  for (const s of sections) {
    const loc = sectionLocation(s.filePath);
    const report = byKey.get(`${loc.issuer}/${loc.year}`);
    if (!report) throw new Error(`${s.filePath}: no report.yaml in content/reports/${loc.issuer}/${loc.year}/`);
    if (!report.data.languages.includes(loc.lang)) {
      throw new Error(`${s.filePath}: language ${loc.lang} is not listed in the report's languages (${report.data.languages.join(', ')})`);
    }
    (report.sections[loc.lang] ??= []).push({ ...s.data, lang: loc.lang, entry: s.entry });
  }
  for (const report of built) {
    for (const list of Object.values(report.sections)) {
      list.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
      const seen = new Set<string>();
      for (const s of list) {
        if (seen.has(s.id)) throw new Error(`content/reports/${report.data.issuer}/${report.data.year}/${s.lang}/: two sections share the id "${s.id}"`);
        seen.add(s.id);
      }
    }
  }
  built.sort((a, b) => a.issuer.id.localeCompare(b.issuer.id) || b.data.year.localeCompare(a.data.year));
  return { reports: built };
}

/** Text in the language a locale shows, falling back to the other script, then to any. */
export function pick(text: Localized, locale: Locale): string {
  return text[pickedLang(text, locale)] ?? '';
}

/** Which language `pick` takes, so markup can carry the right `lang`. */
export function pickedLang(text: Localized, locale: Locale): ContentLang {
  const order: ContentLang[] =
    locale === 'en' ? ['en', 'zh-Hant', 'zh-Hans'] : locale === 'tc' ? ['zh-Hant', 'zh-Hans', 'en'] : ['zh-Hans', 'zh-Hant', 'en'];
  return order.find((l) => text[l] !== undefined) ?? LOCALES[locale].contentLang;
}

export function editionOf(report: Report, locale: Locale): EditionSource {
  return editionFor(locale, report.data.languages);
}

/** The sections a locale shows for a report. */
export function sectionsFor<E>(report: Report<E>, locale: Locale): Section<E>[] {
  return report.sections[editionOf(report, locale).lang] ?? [];
}

export type TocItem<E> =
  | { kind: 'section'; section: Section<E> }
  | { kind: 'chapter'; id: string; title: Localized; sections: Section<E>[] };

/** Contents: sections in order, consecutive sections of one chapter grouped under it. */
export function tableOfContents<E>(report: Report<E>, locale: Locale): TocItem<E>[] {
  const chapters = new Map(report.data.chapters.map((c) => [c.id, c]));
  const items: TocItem<E>[] = [];
  for (const section of sectionsFor(report, locale)) {
    const chapter = section.chapter === undefined ? undefined : chapters.get(section.chapter);
    const last = items.at(-1);
    if (chapter === undefined) items.push({ kind: 'section', section });
    else if (last?.kind === 'chapter' && last.id === chapter.id) last.sections.push(section);
    else items.push({ kind: 'chapter', id: chapter.id, title: chapter.title, sections: [section] });
  }
  return items;
}

export function neighbours<E>(report: Report<E>, locale: Locale, id: string): { prev?: Section<E>; next?: Section<E> } {
  const list = sectionsFor(report, locale);
  const i = list.findIndex((s) => s.id === id);
  if (i < 0) return {};
  return { ...(i > 0 ? { prev: list[i - 1]! } : {}), ...(i < list.length - 1 ? { next: list[i + 1]! } : {}) };
}

/** Section title as shown in contents: printed number, then title. */
export function displayTitle(section: Pick<SectionData, 'number' | 'title'>): string {
  return section.number ? `${section.number} ${section.title}` : section.title;
}
