/**
 * How the search page labels results and lists chapters without carrying the archive: a small
 * JSON per report and locale (`src/pages/[locale]/[issuer]/[year]/search.json.ts`), fetched for
 * the reports a reader's results or filters need. Dependency-free: bundled into the client.
 */
/** A text as a page shows it: converted to the page's script, with `lang` when in another language. */
export interface ShownText {
  text: string;
  lang?: string;
}

/** `/{l}/{issuer}/{year}/search.json`: a report as the search page labels it, and its chapters. */
export interface ReportSearchLabel {
  issuer: ShownText;
  year: ShownText;
  title: ShownText;
  chapters: { value: string; title: ShownText }[];
}

/** Where the search page finds a report's label. */
export function reportLabelPath(locale: string, issuer: string, year: string): string {
  return `/${locale}/${issuer}/${year}/search.json`;
}
