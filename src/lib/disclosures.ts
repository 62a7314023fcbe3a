/**
 * Cross-archive queries over HKEX codes: which sections of which reports disclose a code of an
 * edition, which reports marked it not applicable / explained / not reported, and the coverage
 * matrix of an edition. Pure: takes the archive model and a catalogue.
 */
import type { Locale } from '../i18n/locales.ts';
import type { Archive, ComplyEntry, Report, Section } from './archive.ts';
import { pick, sectionsFor } from './archive.ts';
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

/**
 * Sections whose tag for the code was derived by the importer (`frameworks.hkexDerived`: the report
 * prints no index; the section is titled with the aspect), report by report. Not disclosures the
 * issuer made: pages show them apart, marked as derived.
 */
export function derivedDisclosuresOf<E>(archive: Archive<E>, edition: string, code: string, locale: Locale): Disclosure<E>[] {
  const c = parseCode(code);
  return reportsOf(archive, edition).flatMap((report) =>
    sectionsFor(report, locale)
      .filter((section) => (section.frameworks.hkexDerived ?? []).some((t) => parseCode(t) === c))
      .map((section) => ({ report, section })),
  );
}

export interface ReportIndexRow<E> {
  item: FrameworkItem;
  status: DisclosureStatus;
  explanation?: string | undefined;
  /** sections the report's printed index (or the archive's tagging) maps to the item */
  disclosing: Section<E>[];
  /** sections derived by the importer from aspect titles (not printed in the report) */
  derived: Section<E>[];
}

/** The rows of a report's HKEX index page: every item of its edition in Guide order (areas included). */
export function reportIndexRows<E>(report: Report<E>, edition: FrameworkEdition, locale: Locale): ReportIndexRow<E>[] {
  const sections = sectionsFor(report, locale);
  const allSections = Object.values(report.sections).flat();
  return itemsInOrder(edition).map((item) => {
    const entry = report.data.comply.find((c) => c.code === item.code);
    return {
      item,
      // derived tags do not count: the status is what the report itself declares
      status: statusFor(item.code, report.data, allSections, edition),
      explanation: entry?.explanation ? pick(entry.explanation, locale) : undefined,
      disclosing: sections.filter((s) => s.frameworks.hkex.includes(item.code)),
      derived: sections.filter((s) => s.frameworks.hkexDerived?.includes(item.code)),
    };
  });
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
