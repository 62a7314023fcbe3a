/**
 * Evidence: the chapter names printed in English running headers — the first page showing a new
 * name starts a chapter; its title line is the first line on that page whose text is the name
 * (ignoring case and numbering), else the page's first line.
 */
import type { Evidence, OutlineInput } from '../types.ts';
import { furnitureKey } from '../../running-headers.ts';
import { startsToCandidates, type ChapterStart } from '../chapter-starts.ts';

export const SOURCE = 'English chapter headings';
const NUMBERING = /^(?:[IVX]+|\d{1,2})[.)]?\s+/;

export function runningHeaderChapters(doc: OutlineInput): Evidence {
  if (doc.lang !== 'en') return { source: SOURCE, candidates: [], warnings: [] };
  return { source: SOURCE, candidates: startsToCandidates(doc.lines, headerStarts(doc), SOURCE), warnings: [] };
}

export function headerStarts(doc: OutlineInput): ChapterStart[] {
  const { lines } = doc;
  const starts: ChapterStart[] = [];
  const bare = (s: string) => furnitureKey(s).replace(/^(?:[ivx]+|\d{1,2})[.)]?\s+/, '');
  let last = '';
  for (const [page, name] of [...doc.chapterOfPage.entries()].sort((a, b) => a[0] - b[0])) {
    const key = furnitureKey(name);
    if (key === last) continue;
    last = key;
    let at = lines.findIndex((l) => l.page === page && l.text && bare(l.text) === bare(name));
    if (at < 0) at = lines.findIndex((l) => l.page === page && l.text);
    if (at < 0) continue;
    starts.push({ i: at, title: name.replace(NUMBERING, '') });
  }
  return starts;
}
