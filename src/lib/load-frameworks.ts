/** The HKEX catalogues of content/frameworks/, read once per build, and what pages ask of them. */
import type { Locale } from '../i18n/locales.ts';
import { pick } from './archive.ts';
import { applicableEdition, compareCodes, loadEdition, loadEditions, type FrameworkEdition } from './frameworks.ts';

const editions = new Map<string, FrameworkEdition>();

export function catalogue(edition: string): FrameworkEdition {
  let found = editions.get(edition);
  if (!found) {
    found = loadEdition(edition);
    editions.set(edition, found);
  }
  return found;
}

export function editionName(edition: string, locale: Locale): string {
  return pick(catalogue(edition).name, locale);
}

export function sortCodes(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort(compareCodes);
}

let all: FrameworkEdition[] | undefined;

/** The edition that applies to a financial year starting on `fyStart`, if the archive holds it. */
export function applicableEditionId(fyStart: string): string | undefined {
  all ??= loadEditions();
  return applicableEdition(fyStart, all)?.id;
}
