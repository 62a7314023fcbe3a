/**
 * Evidence: the report's own contents page (found by contents-page.ts, its entries matched in the
 * body by match-contents.ts, units cut by contents-outline.ts). It counts only where at least half
 * of its entries (and 3) were found as headings.
 */
import type { Candidate, Evidence, Outline, OutlineInput } from '../types.ts';
import type { EntryMatch } from '../match-contents.ts';
import { contentsUnits } from '../contents-outline.ts';

export const SOURCE = 'contents page';

/** Enough entries found in the text for the contents page to give the outline. */
export const enoughMatches = (doc: OutlineInput) => !!doc.contents && doc.matches.length >= Math.max(3, doc.contents.entries.length / 2);

export function contentsPage(doc: OutlineInput): Evidence {
  const { contents, matches, lines } = doc;
  if (!contents) return { source: SOURCE, candidates: [], warnings: [] };
  if (!enoughMatches(doc)) {
    return { source: SOURCE, candidates: [], warnings: [`outline: a contents page (line ${lines[contents.heading].n}, ${contents.entries.length} entries) was found but only ${matches.length} of its entries were found in the text; the outline comes from the text's headings`] };
  }
  return { source: SOURCE, candidates: candidatesOf(doc, contentsUnits(lines, contents, matches), matches, SOURCE), warnings: [] };
}

/** Units cut at matched entries (contents-outline.ts) as candidates of a source. */
export function candidatesOf(doc: OutlineInput, o: Outline, matches: EntryMatch[], source: string): Candidate[] {
  const partOf = new Map(o.groups.map((g) => [g.id, g.title]));
  return o.units.map((u): Candidate => ({
    line: u.from, lines: u.titleLines, title: u.title, kind: u.kind,
    ...(u.kind === 'chapter' && u.group ? { level: 1 } : {}),
    ...(u.group && partOf.has(u.group) ? { part: partOf.get(u.group)! } : {}),
    ...(u.number ? { number: u.number } : {}), ...(u.cover ? { cover: true } : {}),
    source, score: matches.find((m) => m.line === u.from)?.score ?? 0,
  }));
}
