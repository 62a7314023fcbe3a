/** Sections of an issuer's other reports with matching text (issuer-years.ts `similarTexts`), computed once per issuer and locale. */
import type { Locale } from '../i18n/locales.ts';
import { sectionsFor, type Section } from './archive.ts';
import { reportsOfIssuer, similarTexts } from './issuer-years.ts';
import { loadArchive, type SectionEntry } from './load-archive.ts';
import { toSimplified } from './load-series.ts';

const cache = new Map<string, Promise<Map<Section<SectionEntry>, Set<Section<SectionEntry>>>>>();

export async function similarSectionsOf(issuer: string, locale: Locale, section: Section<SectionEntry>): Promise<ReadonlySet<Section<SectionEntry>>> {
  const key = `${issuer}/${locale}`;
  let matches = cache.get(key);
  if (!matches) {
    matches = loadArchive().then((archive) => {
      const reports = reportsOfIssuer(archive, issuer);
      return reports.length < 2 ? new Map() : similarTexts(reports, (r) => sectionsFor(r, locale), (s) => s.entry.body ?? '', toSimplified);
    });
    cache.set(key, matches);
  }
  return (await matches).get(section) ?? new Set();
}
