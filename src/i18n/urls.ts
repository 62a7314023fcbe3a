import type { Locale } from './locales.ts';

/** URL builders: every route of the site is made here, so links and tests agree. */
export const url = {
  root: () => '/',
  archive: (l: Locale) => `/${l}/`,
  report: (l: Locale, issuer: string, year: string) => `/${l}/${issuer}/${year}/`,
  section: (l: Locale, issuer: string, year: string, id: string) => `/${l}/${issuer}/${year}/${id}/`,
  hkexIndex: (l: Locale, issuer: string, year: string) => `/${l}/${issuer}/${year}/hkex-index/`,
  codeAnchor: (code: string) => `code-${code}`,
};

/** The same page in another locale: swaps the first path segment. */
export function switchLocale(path: string, to: Locale): string {
  return path.replace(/^\/(en|tc|sc)(?=\/)/, `/${to}`);
}
