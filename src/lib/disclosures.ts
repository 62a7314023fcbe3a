/**
 * Cross-archive queries over HKEX codes: which sections of which reports disclose a code of an
 * edition, which reports marked it not applicable / explained / not reported, and the coverage
 * matrix of an edition. Pure: takes the archive model and a catalogue.
 */
import type { Locale } from '../i18n/locales.ts';
import type { Archive, ComplyEntry, Report, Section } from './archive.ts';
import { sectionsFor } from './archive.ts';
import { itemsInOrder, parseCode, statusFor, type DisclosureStatus, type FrameworkEdition, type FrameworkItem } from './frameworks.ts';

export interface Disclosure<E> {
  report: Report<E>;
  section: Section<E>;
}

export interface ComplyMark<E> {
  report: Report<E>;
  entry: ComplyEntry;
}

/** Reports of the archive that reference an edition. */
export function reportsOf<E>(archive: Archive<E>, edition: string): Report<E>[] {
  return archive.reports.filter((r) => r.data.hkexEdition === edition);
}

/** Sections (in the edition a locale shows) that carry the code, report by report. */
export function disclosuresOf<E>(archive: Archive<E>, edition: string, code: string, locale: Locale): Disclosure<E>[] {
  const c = parseCode(code);
  return reportsOf(archive, edition).flatMap((report) =>
    sectionsFor(report, locale)
      .filter((section) => section.frameworks.hkex.some((t) => parseCode(t) === c))
      .map((section) => ({ report, section })),
  );
}

/** Comply-or-explain entries of the archive for a code (not applicable, explained, not reported). */
export function complyMarksOf<E>(archive: Archive<E>, edition: string, code: string): ComplyMark<E>[] {
  const c = parseCode(code);
  return reportsOf(archive, edition).flatMap((report) =>
    report.data.comply.filter((e) => parseCode(e.code) === c).map((entry) => ({ report, entry })),
  );
}

export interface CoverageRow {
  item: FrameworkItem;
  statuses: DisclosureStatus[];
}

/** The coverage matrix of an edition: one row per aspect/KPI/paragraph, one status per report. */
export function coverage<E>(archive: Archive<E>, edition: FrameworkEdition): { reports: Report<E>[]; rows: CoverageRow[] } {
  const reports = reportsOf(archive, edition.id);
  const rows = itemsInOrder(edition)
    .filter((item) => item.kind !== 'area')
    .map((item) => ({
      item,
      statuses: reports.map((r) => statusFor(item.code, r.data, Object.values(r.sections).flat(), edition)),
    }));
  return { reports, rows };
}
