/**
 * Old section URLs that redirect to new ones: the entries of `content/reports/<issuer>/<year>/redirects.yaml`
 * and which redirect pages a locale publishes. Pure; file reading is in redirect-files.ts.
 */
import type { ContentLang } from '../i18n/locales.ts';

/** A `to` naming the report's home page instead of a section (a section that disappeared). */
export const REPORT_HOME = '/';

export interface Redirect {
  from: string;
  /** A section id of the same report, or REPORT_HOME. */
  to: string;
  /** Only for the locales showing this edition; absent: every locale. */
  lang?: ContentLang | undefined;
}

/** Path segments under a report that are pages of their own, so never an old section id. */
export const REPORT_PAGES = ['hkex-index', 'data'] as const;

/**
 * The redirects a locale publishes for a report: those for its edition (`editionLang`) whose old id is
 * not a section it shows and whose target is the home or one of its sections. `content-check`
 * reports the others as errors, so on a checked archive nothing is dropped here.
 */
export function redirectsFor(redirects: readonly Redirect[], editionLang: ContentLang, sectionIds: ReadonlySet<string>): Redirect[] {
  return redirects.filter(
    (r) => (r.lang === undefined || r.lang === editionLang) && !sectionIds.has(r.from) && (r.to === REPORT_HOME || sectionIds.has(r.to)),
  );
}
