/**
 * Evidence: the headings of a structured document (a .docx: Word's heading styles), the most
 * trusted after the user's `chapters` list. The author marked them; nothing is guessed. They are
 * read as the entries of a contents page matched at their own lines, so the units, parts and ids
 * are cut exactly as for a printed contents page (contents-outline.ts): a report typeset from the
 * draft gives the same outline through either route.
 */
import type { Line } from '../../types.ts';
import { splitNumber, type ContentsEntry, type ContentsPage } from '../contents-page.ts';
import { contentsUnits } from '../contents-outline.ts';
import type { EntryMatch } from '../match-contents.ts';
import { norm } from '../titles.ts';
import type { Evidence, OutlineInput } from '../types.ts';
import { candidatesOf } from './contents-page.ts';

export const SOURCE = 'document headings';

/** The unit-level headings (levels from the document; the shallowest is level 1) and their lines as matches. */
function headingMatches(lines: Line[]): EntryMatch[] {
  const heads = lines.flatMap((l, i) => (l.doc?.unit && l.text ? [{ i, level: l.doc.heading! }] : []));
  const top = Math.min(...heads.map((h) => h.level));
  return heads.map((h) => {
    const { number, title } = splitNumber(lines[h.i].text);
    return { entry: { title, level: h.level - top + 1, line: h.i, ...(number ? { number } : {}) }, line: h.i, lines: [h.i], score: 1 };
  });
}

export function documentHeadings(doc: OutlineInput): Evidence {
  const matches = headingMatches(doc.lines);
  if (!matches.length) return { source: SOURCE, candidates: [], warnings: [] };
  const cp: ContentsPage = { heading: -1, end: -1, entries: matches.map((m) => m.entry) };
  return { source: SOURCE, candidates: candidatesOf(doc, contentsUnits(doc.lines, cp, matches), matches, SOURCE), warnings: [] };
}

/**
 * The document's own contents (a Word contents field, found in the text as a contents page)
 * checked against its headings: each entry matched to the unit heading with the same title.
 */
export function contentsAgainstHeadings(lines: Line[], cp: ContentsPage): EntryMatch[] {
  const heads = headingMatches(lines);
  const used = new Set<number>();
  return cp.entries.flatMap((e: ContentsEntry) => {
    const h = heads.find((m) => !used.has(m.line) && norm(m.entry.title) === norm(e.title));
    if (!h) return [];
    used.add(h.line);
    return [{ entry: e, line: h.line, lines: h.lines, score: 1 }];
  });
}
