// The site's locales (URL prefix → html lang → content folder). Part of the site contract.
export type Locale = 'en' | 'tc' | 'sc';
export type ContentLang = 'en' | 'zh-Hant';

export interface LocaleInfo {
  locale: Locale;
  htmlLang: string;
  /** content/reports/<issuer>/<year>/<lang>/ the pages are rendered from (/sc/ is converted from zh-Hant). */
  contentLang: ContentLang;
}

export const LOCALES: readonly LocaleInfo[] = [
  { locale: 'en', htmlLang: 'en', contentLang: 'en' },
  { locale: 'tc', htmlLang: 'zh-Hant-HK', contentLang: 'zh-Hant' },
  { locale: 'sc', htmlLang: 'zh-Hans-CN', contentLang: 'zh-Hant' },
];

export const LOCALE_IDS: readonly Locale[] = LOCALES.map((l) => l.locale);

export function localeOfPath(urlPath: string): Locale | undefined {
  const first = urlPath.split('/')[1];
  return (LOCALE_IDS as readonly string[]).includes(first) ? (first as Locale) : undefined;
}
