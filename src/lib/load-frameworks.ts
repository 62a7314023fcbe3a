/** The HKEX catalogues of content/frameworks/, read once per build, and what pages ask of them. */
import type { Locale } from '../i18n/locales.ts';
import { pick } from './archive.ts';
import { applicableEdition, compareCodes, loadEditions, type FrameworkEdition } from './frameworks.ts';

let editions: FrameworkEdition[] | undefined;

/** Every catalogue in content/frameworks/, oldest first. */
export function allEditions(): FrameworkEdition[] {
  editions ??= loadEditions();
  return editions;
}

export function catalogue(edition: string): FrameworkEdition {
  const found = allEditions().find((e) => e.id === edition);
  if (!found) throw new Error(`content/frameworks/${edition}.yaml: no such HKEX catalogue (have ${allEditions().map((e) => e.id).join(', ')})`);
  return found;
}

export function editionName(edition: string, locale: Locale): string {
  return pick(catalogue(edition).name, locale);
}

export function sortCodes(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort(compareCodes);
}

/** The edition that applies to a financial year starting on `fyStart`, if the archive holds it. */
export function applicableEditionId(fyStart: string): string | undefined {
  return applicableEdition(fyStart, allEditions())?.id;
}
