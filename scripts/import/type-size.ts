/**
 * Type size as heading evidence, where the source tells it (a PDF: Line.size). The body size is
 * the size most of the text is set in; a short line set clearly larger is a heading, the largest
 * such size a report uses for headings on several pages its chapter titles. Text sources carry no
 * sizes, and every function here then answers "no evidence".
 */
import type { Line } from './types.ts';

/** A heading is set at least this much larger than the body text, */
const HEADING_RATIO = 1.15;
/** or, set in bold (the body is not), at least this much larger (`(一) 排放物` 12 pt bold over 10.5 pt text). */
const BOLD_HEADING_RATIO = 1.1;
const han = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
/** short enough for a heading: no running text */
const short = (s: string) => (han(s) ? han(s) <= 40 : s.length <= 100);

/** The size most characters are set in (undefined without sizes). */
export function bodySize(lines: Line[]): number | undefined {
  const chars = new Map<number, number>();
  for (const l of lines) if (l.size && l.text) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/**
 * Is the line set as a heading (larger than the body, or bold and a little larger; short)?
 * undefined: the source tells no size.
 */
export function typesetHeading(l: Line, body: number | undefined): boolean | undefined {
  if (!body || !l.size) return undefined;
  const ratio = l.bold ? BOLD_HEADING_RATIO : HEADING_RATIO;
  return !!l.text && l.size >= body * ratio - 0.01 && short(l.text) && !pullQuote(l.text.trim());
}

/**
 * A line of a pull quote (a quotation set large): it opens a quotation that does not close before
 * its end, or closes one it did not open (`“We build for …` / `… the keys.”`). A heading that quotes
 * a name (`「暖心電力」計劃`) closes its quotation inside the line.
 */
const OPEN = '“"「『‘', CLOSE = '”"」』’';
export function pullQuote(t: string): boolean {
  const inner = (s: string, set: string) => [...s].some((c) => set.includes(c));
  if (OPEN.includes(t[0]) && !inner(t.slice(1, -1), CLOSE)) return true;
  return CLOSE.includes(t[t.length - 1]) && !inner(t.slice(0, -1), OPEN);
}

/**
 * Heading sizes from the largest down, each with the pages it is used on; sizes used on one page
 * only (a cover title) are left out.
 */
export function headingSizes(lines: Line[], body: number | undefined): { size: number; pages: Set<number> }[] {
  const bySize = new Map<number, Set<number>>();
  for (const l of lines) if (typesetHeading(l, body)) (bySize.get(l.size!) ?? bySize.set(l.size!, new Set()).get(l.size!)!).add(l.page);
  return [...bySize].filter(([, p]) => p.size >= 2).sort((a, b) => b[0] - a[0]).map(([size, pages]) => ({ size, pages }));
}
