/**
 * Next year's report from last year's: the same sections (ids, titles, order, chapters, framework
 * tags) and headings, with every text replaced by a marker that `npm run check` reports until it is
 * written. Pure: files in, files out.
 */
import { parseDocument } from 'yaml';
import { SCAFFOLD_MARKER } from '../../src/lib/content-check.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

export const MARKER = SCAFFOLD_MARKER;

export interface ScaffoldFile {
  /** Path relative to the new report's folder, e.g. `report.yaml`, `en/01-about.mdx`. */
  path: string;
  text: string;
}

/** Shifts an ISO date by whole years (29 Feb → 28 Feb). */
export function shiftYear(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function scaffoldReportYaml(previous: string, year: string, fromYear: string): string {
  const doc = parseDocument(previous);
  const delta = Number(year.slice(0, 4)) - Number(fromYear.slice(0, 4));
  doc.set('year', year);
  for (const field of ['title', 'yearLabel']) {
    const node = doc.get(field, true) as { items?: { value: { value: unknown } }[] } | undefined;
    for (const pair of node?.items ?? []) {
      const text = String(pair.value.value).replaceAll(fromYear, year);
      pair.value.value = `${MARKER} ${text}`;
    }
  }
  for (const end of ['start', 'end']) {
    const value = doc.getIn(['period', end]);
    const iso = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    doc.setIn(['period', end], shiftYear(iso, delta));
  }
  // Written by hand until the new year's text is imported (the importer adds its own entries).
  doc.delete('sources');
  doc.delete('indexLost');
  doc.commentBefore = ` ${MARKER}: scaffolded from ${fromYear}; review the titles, the edition and every comply entry.`;
  return doc.toString({ flowCollectionPadding: false });
}

/**
 * A section with its frontmatter (printed pages and description dropped) and last year's headings;
 * a marker opens the section and follows every heading. The heading is last year's text too
 * ("2017 Singles Day", "2018年1月"), so its marker says so.
 */
export function scaffoldSection(previous: string, fromYear?: string): string {
  const fm = splitFrontmatter(previous);
  if (!fm) throw new Error('a section starts with YAML frontmatter');
  const doc = parseDocument(fm.yaml);
  doc.delete('pages');
  doc.delete('description');
  // (a box's `###` title is indented under its `<aside>`: the importer's serializer writes it so)
  const headings = fm.body.split('\n').map((l) => l.trim()).filter((l) => /^#{2,4} /.test(l));
  const todo = `{/* ${MARKER}: write this section */}`;
  const under = `{/* ${MARKER}: write this part; the heading above is ${fromYear ?? 'last year'}'s: keep, reword or delete it */}`;
  const parts = [todo, ...headings.flatMap((h) => [h, under])];
  return `---\n${doc.toString({ flowCollectionPadding: false }).trimEnd()}\n---\n\n${parts.join('\n\n')}\n`;
}
