import type { Locale } from './locales.ts';

/** URL builders: every route of the site is made here, so links and tests agree. */
export const url = {
  root: () => '/',
  archive: (l: Locale) => `/${l}/`,
  issuer: (l: Locale, issuer: string) => `/${l}/${issuer}/`,
  report: (l: Locale, issuer: string, year: string) => `/${l}/${issuer}/${year}/`,
  section: (l: Locale, issuer: string, year: string, id: string) => `/${l}/${issuer}/${year}/${id}/`,
  hkexIndex: (l: Locale, issuer: string, year: string) => `/${l}/${issuer}/${year}/hkex-index/`,
  codeAnchor: (code: string) => `code-${code}`,
  hkexHome: (l: Locale) => `/${l}/hkex/`,
  hkexEdition: (l: Locale, edition: string) => `/${l}/hkex/${edition}/`,
  hkexCode: (l: Locale, edition: string, code: string) => `/${l}/hkex/${edition}/${code}/`,
  coverage: (l: Locale) => `/${l}/hkex/coverage/`,
};

/** The same page in another locale: swaps the first path segment. */
export function switchLocale(path: string, to: Locale): string {
  return path.replace(/^\/(en|tc|sc)(?=\/)/, `/${to}`);
}
