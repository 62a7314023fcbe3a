/** The three reader locales. URL prefix → html lang and the content script it shows. */
export type Locale = 'en' | 'tc' | 'sc';
/** Languages a report edition can be authored in. */
export type ContentLang = 'en' | 'zh-Hant' | 'zh-Hans';

export interface LocaleInfo {
  key: Locale;
  /** Every page of a locale carries exactly this `<html lang>` (Pagefind keys its indexes on it). */
  htmlLang: string;
  /** The content language this locale displays. */
  contentLang: ContentLang;
  /** Label in the language switcher. */
  short: string;
  /** Name of the language in itself. */
  name: string;
  /** opencc-style BCP 47 tag for `hreflang`. */
  hreflang: string;
}

export const LOCALES: Record<Locale, LocaleInfo> = {
  en: { key: 'en', htmlLang: 'en', contentLang: 'en', short: 'EN', name: 'English', hreflang: 'en' },
  tc: { key: 'tc', htmlLang: 'zh-Hant-HK', contentLang: 'zh-Hant', short: '繁', name: '繁體中文', hreflang: 'zh-Hant-HK' },
  sc: { key: 'sc', htmlLang: 'zh-Hans-CN', contentLang: 'zh-Hans', short: '简', name: '简体中文', hreflang: 'zh-Hans-CN' },
};

export const LOCALE_KEYS = Object.keys(LOCALES) as Locale[];

export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && Object.hasOwn(LOCALES, value);
}

/** The html `lang` of a content language (for text shown outside its own locale). */
export function htmlLangOf(lang: ContentLang): string {
  return lang === 'en' ? 'en' : lang === 'zh-Hant' ? LOCALES.tc.htmlLang : LOCALES.sc.htmlLang;
}

/** Where a locale's text comes from, given the editions a report was authored in. */
export type EditionSource =
  | { kind: 'authored'; lang: ContentLang }
  | { kind: 'converted'; lang: ContentLang; from: 'zh-Hant' | 'zh-Hans' }
  | { kind: 'fallback'; lang: ContentLang };

export function editionFor(locale: Locale, authored: readonly ContentLang[]): EditionSource {
  const wanted = LOCALES[locale].contentLang;
  if (authored.includes(wanted)) return { kind: 'authored', lang: wanted };
  if (wanted === 'zh-Hans' && authored.includes('zh-Hant')) return { kind: 'converted', lang: 'zh-Hant', from: 'zh-Hant' };
  if (wanted === 'zh-Hant' && authored.includes('zh-Hans')) return { kind: 'converted', lang: 'zh-Hans', from: 'zh-Hans' };
  // English with no English edition: show the Chinese text, marked as such.
  const chinese = authored.find((l) => l !== 'en') ?? authored[0];
  if (chinese === undefined) throw new Error('A report must have at least one authored language');
  return { kind: 'fallback', lang: chinese };
}

/** A content language's name in itself (`繁體中文`), as the language switcher names its locale. */
export function languageName(lang: ContentLang): string {
  return Object.values(LOCALES).find((l) => l.contentLang === lang)!.name;
}
