/** Stage: give each section the HKEX codes whose printed index pages overlap the section's pages. */
import { codesForPages, type IndexRow } from './parse-hkex-index.ts';

export function tagSections<T extends { id: string; pages?: { from: number; to: number } }>(
  sections: T[],
  rows: IndexRow[],
  skip: (s: T) => boolean = () => false,
): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const s of sections) {
    if (!s.pages || skip(s)) { tags.set(s.id, []); continue; }
    tags.set(s.id, codesForPages(rows, s.pages.from, s.pages.to));
  }
  return tags;
}
