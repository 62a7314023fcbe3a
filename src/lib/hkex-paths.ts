/** Static paths for the HKEX pages: editions and their items, per locale. */
import { LOCALE_KEYS } from '../i18n/locales.ts';
import { itemsInOrder } from './frameworks.ts';
import { allEditions } from './load-frameworks.ts';

export function editionPaths() {
  return LOCALE_KEYS.flatMap((locale) => allEditions().map((edition) => ({ params: { locale, edition: edition.id }, props: { edition } })));
}

/** One page per aspect, KPI, Part B requirement and Part D paragraph (subject areas have none). */
export function codePaths() {
  return LOCALE_KEYS.flatMap((locale) =>
    allEditions().flatMap((edition) =>
      itemsInOrder(edition)
        .filter((item) => item.kind !== 'area')
        .map((item) => ({ params: { locale, edition: edition.id, code: item.code }, props: { edition, item } })),
    ),
  );
}
