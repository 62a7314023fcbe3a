/**
 * Small outline inputs for the evidence tests: text lines as an extraction prints them (one leading
 * space marks the first line of a page in the designed layouts), `@@page N` lines setting the printed
 * page of the lines after them (dropped from the input).
 */
import type { Lang } from '../../../../../scripts/import/types.ts';
import type { OutlineInput } from '../../../../../scripts/import/outline/types.ts';
import { toLines } from '../../../../../scripts/import/read-source.ts';
import { findNavBars } from '../../../../../scripts/import/outline/nav-bars.ts';

export function makeDoc(src: string[], lang: Lang, extra: Partial<OutlineInput> = {}): OutlineInput {
  let page = 1;
  const kept: { text: string; page: number }[] = [];
  for (const s of src) {
    const m = /^@@page (\d+)$/.exec(s);
    if (m) page = Number(m[1]);
    else kept.push({ text: s, page });
  }
  const lines = toLines(kept.map((k) => k.text).join('\n')).map((l, i) => ({ ...l, page: kept[i].page }));
  return { lines, lang, nav: findNavBars(lines), chapterOfPage: new Map(), matches: [], ...extra };
}

/** The candidates as `kind line title` rows (line 1-based), for compact expectations. */
export const rows = (cands: { kind: string; line: number; title: string }[]) => cands.map((c) => `${c.kind} ${c.line + 1} ${c.title}`);
