/**
 * The listings that replace one table of every report: the archive's years (each a paged listing
 * of its reports), the latest reports for the archive home, and the issuer directory by stock code
 * and by name in the reader's language. Pure: takes the archive model.
 */
import type { Locale } from '../i18n/locales.ts';
import { pick, type Archive, type Report } from './archive.ts';
import { issuersOf } from './issuer-years.ts';
import { byRecency } from './paging.ts';

export interface YearListing<E> {
  year: string;
  /** newest first, then by stock code */
  reports: Report<E>[];
}

/** The archive's report years, newest first, each with its reports. */
export function yearsOf<E>(archive: Archive<E>): YearListing<E>[] {
  const byYear = new Map<string, Report<E>[]>();
  for (const r of byRecency(archive.reports)) {
    const list = byYear.get(r.data.year) ?? [];
    list.push(r);
    byYear.set(r.data.year, list);
  }
  return [...byYear].map(([year, reports]) => ({ year, reports }));
}

/** The newest `count` reports of the archive. */
export function latestReports<E>(archive: Archive<E>, count: number): Report<E>[] {
  return byRecency(archive.reports).slice(0, count);
}

export interface DirectoryEntry<E> {
  id: string;
  /** the issuer's reports, newest first */
  reports: Report<E>[];
}

/** Collation per reader locale: English names alphabetically, Chinese names by the locale's own order. */
const COLLATORS: Record<Locale, Intl.Collator> = {
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
  tc: new Intl.Collator('zh-Hant-HK', { numeric: true }),
  sc: new Intl.Collator('zh-Hans-CN', { numeric: true }),
};

/** Every issuer with its reports, by stock code or by name as the locale shows it. */
export function issuerDirectory<E>(archive: Archive<E>, order: 'code' | 'name', locale: Locale): DirectoryEntry<E>[] {
  const issuers = issuersOf(archive);
  if (order === 'code') return issuers;
  const collator = COLLATORS[locale];
  const nameOf = (e: DirectoryEntry<E>) => pick(e.reports[0]!.issuer.name, locale);
  return [...issuers].sort((a, b) => collator.compare(nameOf(a), nameOf(b)) || a.id.localeCompare(b.id));
}
