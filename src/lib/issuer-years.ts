/**
 * One issuer across years: its reports in the archive, and for a section the sections of its other
 * reports on the same topic. Pure (the caller passes the script folding and the code mapping).
 *
 * Same topic (docs/architecture.md, *Issuers across years*): a section of another report of the
 * issuer that discloses one of the same HKEX codes (printed or derived; codes of other editions
 * mapped by the caller, A1.2 ⇄ D28), or whose title is the same after folding: script (converted to
 * Simplified), NFKC, an appendix's number (`附录一` = `附錄 1`), spacing and punctuation, or holds the
 * other's whole title (`扎实推进碳中和` ⊃ `推進碳中和`; 4+ Han characters or 10+ letters), or, failing
 * both, whose text is its mutual best match (text-topics.ts). Sections with the same title come
 * first, then those sharing more codes; a report's parts (titles shared by many sections) are not topics.
 */
import type { Archive, Report, Section } from './archive.ts';
import { mutualBestMatches, termCounts, tfidf } from './text-topics.ts';

export type Fold = (text: string) => string;

const byYear = (a: Report, b: Report) => b.data.year.localeCompare(a.data.year, 'en', { numeric: true });

/** The issuer's reports, newest first. */
export function reportsOfIssuer<E>(archive: Archive<E>, issuer: string): Report<E>[] {
  return archive.reports.filter((r) => r.data.issuer === issuer).sort(byYear);
}

/** Every issuer with its reports (newest first), issuers by stock code. */
export function issuersOf<E>(archive: Archive<E>): { id: string; reports: Report<E>[] }[] {
  const ids = [...new Set(archive.reports.map((r) => r.data.issuer))];
  return ids
    .map((id) => ({ id, reports: reportsOfIssuer(archive, id) }))
    .sort((a, b) => a.reports[0]!.issuer.stockCode.localeCompare(b.reports[0]!.issuer.stockCode) || a.id.localeCompare(b.id));
}

const CN_DIGIT: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

/** A title as a key across scripts and numbering: `附录一 ESG 关键绩效指标` = `附錄 1 ESG 關鍵績效指標`. */
export function topicKey(title: string, fold: Fold): string {
  return fold(title.normalize('NFKC'))
    .replace(/^(附[录錄件]|appendix|annex)\s*([一二三四五六七八九十]|\d{1,2})/iu, (_, w: string, n: string) => `${w}${CN_DIGIT[n] ?? n}`)
    .replace(/^(?:附[录錄件]|appendix|annex)\s*\d{1,2}\s*[:：.、]?/iu, '')
    .replace(/[与與]/g, '和')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/** A title that holds the whole of another, long enough to name a topic (`扎实推进碳中和` ⊃ `推进碳中和`). */
const contains = (a: string, b: string) => a.includes(b) && ([...b].length >= 4 && /\p{Script=Han}/u.test(b) || b.length >= 10);

export interface SameTopic<E> {
  report: Report<E>;
  sections: { section: Section<E>; codes: string[]; sameTitle: boolean; similarText: boolean }[];
}

/**
 * Sections of `others` on the topic of `section`: shared HKEX codes (after `canon`) or the same
 * title key. `sectionsOf` gives the sections a reader sees of a report (the locale's edition).
 */
export function sameTopicSections<E>(
  section: Section<E>,
  others: Report<E>[],
  sectionsOf: (r: Report<E>) => Section<E>[],
  fold: Fold,
  canon: (code: string, report: Report<E>) => string = (c) => c,
  own?: Report<E>,
  /** sections of `others` whose text matches this section's (similarTexts) */
  similar: ReadonlySet<Section<E>> = new Set(),
): SameTopic<E>[] {
  const codesOf = (s: Section<E>, r: Report<E> | undefined) => new Set([...s.frameworks.hkex, ...(s.frameworks.hkexDerived ?? [])].map((c) => (r ? canon(c, r) : c)));
  const mine = codesOf(section, own);
  const title = topicKey(section.title, fold);
  const out: SameTopic<E>[] = [];
  for (const r of others) {
    const hits = sectionsOf(r).flatMap((s) => {
      const codes = [...codesOf(s, r)].filter((c) => mine.has(c));
      const other = topicKey(s.title, fold);
      const sameTitle = !!title && (other === title || contains(other, title) || contains(title, other));
      const similarText = similar.has(s);
      return codes.length || sameTitle || similarText ? [{ section: s, codes, sameTitle, similarText }] : [];
    });
    hits.sort(
      (a, b) =>
        Number(b.sameTitle) - Number(a.sameTitle) || b.codes.length - a.codes.length || Number(b.similarText) - Number(a.similarText) || a.section.order - b.section.order,
    );
    if (hits.length) out.push({ report: r, sections: hits.slice(0, 5) });
  }
  return out;
}

/**
 * For every section of an issuer's reports, the sections of its other reports whose text is its
 * mutual best match (text-topics.ts), report pair by report pair; IDF over all the sections given.
 */
export function similarTexts<E>(reports: readonly Report<E>[], sectionsOf: (r: Report<E>) => Section<E>[], textOf: (s: Section<E>) => string, fold: Fold): Map<Section<E>, Set<Section<E>>> {
  const lists = reports.map(sectionsOf);
  const vectors = tfidf(lists.flat().map((s) => termCounts(textOf(s), fold)));
  const byReport: (typeof vectors)[] = [];
  let at = 0;
  for (const list of lists) {
    byReport.push(vectors.slice(at, at + list.length));
    at += list.length;
  }
  const out = new Map<Section<E>, Set<Section<E>>>();
  const link = (a: Section<E>, b: Section<E>) => out.set(a, (out.get(a) ?? new Set()).add(b));
  for (let x = 0; x < lists.length; x++) {
    for (let y = x + 1; y < lists.length; y++) {
      for (const [i, j] of mutualBestMatches(byReport[x]!, byReport[y]!)) {
        link(lists[x]![i]!, lists[y]![j]!);
        link(lists[y]![j]!, lists[x]![i]!);
      }
    }
  }
  return out;
}
