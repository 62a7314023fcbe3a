/**
 * Which text of a page is shown in a converted script, and the conversion of a rendered page.
 * Authored text is never round-tripped: text is converted only when the locale's script was
 * not authored. Two scopes: a whole page (its text all comes from the other script's edition),
 * or single elements marked `data-convert="<from script>"` on a page that mixes sources.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { LOCALES, htmlLangOf, type ContentLang, type Locale } from '../i18n/locales.ts';
import { editionOf, pick, pickedLang, type Localized, type Report } from './archive.ts';
import { createConverter, loadDictionaries, type Dictionary, type Script } from './script-convert.ts';
import { convertHtml, convertTree } from '../markdown/rehype-convert-script.ts';

export interface ConversionPlan {
  from: Script;
  to: Script;
}

/**
 * The whole-page conversion a page in `locale` needs, given the content languages of the text
 * it shows. /sc/ converts when any text comes from the Traditional edition; /tc/ converts only
 * when its Chinese text all comes from the Simplified edition (Traditional is never re-converted).
 */
export function conversionFor(locale: Locale, shown: readonly ContentLang[]): ConversionPlan | undefined {
  if (locale === 'sc' && shown.includes('zh-Hant')) return { from: 'zh-Hant', to: 'zh-Hans' };
  if (locale === 'tc' && shown.includes('zh-Hans') && !shown.includes('zh-Hant')) return { from: 'zh-Hans', to: 'zh-Hant' };
  return undefined;
}

/** The whole-page conversion of a page that shows one report's text in `locale`. */
export function conversionForReport(report: Report, locale: Locale): ConversionPlan | undefined {
  return conversionFor(locale, [editionOf(report, locale).lang]);
}

/**
 * Attributes for a piece of localized text shown on a `locale` page: `lang` when it stays in
 * another language, `data-convert` when it must be converted to the page's script.
 */
export function textAttributes(text: Localized, locale: Locale): { lang?: string; 'data-convert'?: Script } {
  const lang = pickedLang(text, locale);
  const wanted = LOCALES[locale].contentLang;
  if (lang === wanted) return {};
  if (locale === 'en' || lang === 'en') return { lang: htmlLangOf(lang) };
  return { 'data-convert': lang };
}

/** `pick` plus its attributes, for components. */
export function localized(text: Localized, locale: Locale) {
  return { text: pick(text, locale), attrs: textAttributes(text, locale) };
}

let dictionary: Dictionary | undefined;

/**
 * Localized text as a `locale` page shows it, outside HTML (JSON for the browser): converted to
 * the page's script when it must be, with the `lang` to mark it with when it stays in another language.
 */
export function localizedText(text: Localized, locale: Locale): { text: string; lang?: string } {
  const attrs = textAttributes(text, locale);
  const picked = pick(text, locale);
  if (attrs['data-convert']) return { text: converter(attrs['data-convert'], LOCALES[locale].contentLang as Script)(picked) };
  return attrs.lang ? { text: picked, lang: attrs.lang } : { text: picked };
}

function converter(from: Script, to: Script) {
  dictionary ??= loadDictionaries();
  return createConverter({ from, to, dictionary });
}

export function convertPage(html: string, plan: ConversionPlan): string {
  return convertHtml(html, converter(plan.from, plan.to));
}

/** Converts the elements marked `data-convert="<script>"` into `to`, and drops the marks. */
export function convertMarked(html: string, to: Script): string {
  if (!html.includes('data-convert=')) return html;
  const processor = unified()
    .use(rehypeParse)
    .use(() => (tree: Root) => {
      visit(tree, 'element', (el: Element) => {
        const from = el.properties.dataConvert;
        if (from !== 'zh-Hant' && from !== 'zh-Hans') return;
        delete el.properties.dataConvert;
        if (from !== to) convertTree({ type: 'root', children: [el] }, { convert: converter(from, to) });
        return SKIP;
      });
    })
    .use(rehypeStringify);
  return String(processor.processSync(html));
}

/** The script a page's URL asks for, if it is a Chinese locale page. */
export function scriptOfPath(pathname: string): Script | undefined {
  if (pathname.startsWith('/tc/')) return 'zh-Hant';
  if (pathname.startsWith('/sc/')) return 'zh-Hans';
  return undefined;
}
