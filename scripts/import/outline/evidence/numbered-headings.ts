/**
 * Evidence: English numbered chapter headings — the longest run of roman numerals `I.`, `II`,
 * `IV)` … + Title (at least 2), else of numbered chapters `1.`, `2` … + Title (at least 3).
 * A run must count from the first number with no gap; contents lines are no headings.
 */
import type { Evidence, OutlineInput } from '../types.ts';
import { matchEnglishHeading, ROMAN, type HeadingMatch } from '../../english-outline.ts';
import { startsToCandidates, type ChapterStart } from '../chapter-starts.ts';

export const SOURCE = 'English chapter headings';

export function numberedHeadings(doc: OutlineInput): Evidence {
  if (doc.lang !== 'en') return { source: SOURCE, candidates: [], warnings: [] };
  return { source: SOURCE, candidates: startsToCandidates(doc.lines, numberedStarts(doc), SOURCE), warnings: [] };
}

export function numberedStarts(doc: OutlineInput): ChapterStart[] {
  type Cand = { i: number; h: HeadingMatch };
  const cands: Cand[] = [];
  doc.lines.forEach((l, i) => {
    const h = l.text ? matchEnglishHeading(l.text) : null;
    if (h && (h.kind === 'roman' || h.kind === 'chapter')) cands.push({ i, h });
  });
  const chain = (kind: 'roman' | 'chapter', name: (k: number) => string): Cand[] => {
    const out: Cand[] = [];
    for (const c of cands) if (c.h.kind === kind && c.h.number === name(out.length)) out.push(c);
    return out;
  };
  const romans = chain('roman', (k) => ROMAN[k]);
  const numbered = chain('chapter', (k) => String(k + 1));
  const run = romans.length >= 2 && romans.length >= numbered.length ? romans : numbered.length >= 3 ? numbered : [];
  return run.map((c) => ({ i: c.i, number: c.h.number, title: c.h.title }));
}
