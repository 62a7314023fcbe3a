import type { Locale } from './locales.ts';
import { pageUrl } from '../lib/paging.ts';

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
  hkexCodePage: (l: Locale, edition: string, code: string, page: number) => pageUrl(`/${l}/hkex/${edition}/${code}/`, page),
  coverage: (l: Locale) => `/${l}/hkex/coverage/`,
  coveragePage: (l: Locale, edition: string, page: number) => (page <= 1 ? `/${l}/hkex/coverage/#matrix-${edition}` : `/${l}/hkex/coverage/${edition}/${page}/`),
  year: (l: Locale, year: string, page = 1) => pageUrl(`/${l}/years/${year}/`, page),
  issuers: (l: Locale, page = 1) => pageUrl(`/${l}/issuers/`, page),
  issuersByName: (l: Locale, page = 1) => pageUrl(`/${l}/issuers/by-name/`, page),
};

/** The same page in another locale: swaps the first path segment. */
export function switchLocale(path: string, to: Locale): string {
  return path.replace(/^\/(en|tc|sc)(?=\/)/, `/${to}`);
}
