/**
 * Which pages are shown in a converted script, and the conversion of a rendered page.
 * Authored text is never round-tripped: a page is converted only when its locale's script was
 * not authored.
 */
import type { ContentLang, Locale } from '../i18n/locales.ts';
import { createConverter, loadDictionaries, type Dictionary, type Script } from './script-convert.ts';
import { convertHtml } from '../markdown/rehype-convert-script.ts';

export interface ConversionPlan {
  from: Script;
  to: Script;
}

/**
 * The conversion a page in `locale` needs, given the content languages of the text it shows.
 * /sc/ converts when any text comes from the Traditional edition; /tc/ converts only when all
 * its Chinese text comes from the Simplified edition (Traditional is never re-converted).
 */
export function conversionFor(locale: Locale, shown: readonly ContentLang[]): ConversionPlan | undefined {
  if (locale === 'sc' && shown.includes('zh-Hant')) return { from: 'zh-Hant', to: 'zh-Hans' };
  if (locale === 'tc' && shown.includes('zh-Hans') && !shown.includes('zh-Hant')) return { from: 'zh-Hans', to: 'zh-Hant' };
  return undefined;
}

let dictionary: Dictionary | undefined;

export function convertPage(html: string, plan: ConversionPlan): string {
  dictionary ??= loadDictionaries();
  return convertHtml(html, createConverter({ from: plan.from, to: plan.to, dictionary }));
}
