/**
 * Markup left in an extraction: some tools export table cells with the HTML they were typeset
 * from (`<ul style="list-style-type: none"> 急性 慢性`, `<p>…</p>`). The tags are not the report's
 * words: each is removed (its text kept) and recorded as a `markup` repair, so fidelity is measured
 * on the words. Only whole tags of HTML's text-level and list/table elements are touched; `<5%`,
 * `<https://…>` autolinks and `<a href>` (a link's target is the report's) stay as printed.
 */
import type { Line, Repair } from './types.ts';

const ELEMENTS = 'ul|ol|li|p|br|div|span|b|i|u|strong|em|sup|sub|small|font|table|thead|tbody|tfoot|tr|td|th|hr';
const ATTR = String.raw`\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))?`;
const TAG_SOURCE = String.raw`<\/?(?:${ELEMENTS})(?:${ATTR})*\s*\/?>`;
const TAG = new RegExp(TAG_SOURCE, 'gi');
const HAS_TAG = new RegExp(TAG_SOURCE, 'i');

/** The text without HTML tags (each tag becomes a space where it separates words), or the same string. */
export function withoutMarkup(s: string): string {
  if (!HAS_TAG.test(s)) return s;
  return s.replace(TAG, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Remove HTML tags from every line and table cell; one repair per changed line. */
export function stripMarkup(lines: Line[]): Repair[] {
  const repairs: Repair[] = [];
  for (const l of lines) {
    const text = withoutMarkup(l.text);
    if (text === l.text) continue;
    const tags = [...new Set(l.text.match(TAG) ?? [])];
    repairs.push({ kind: 'markup', line: l.n, before: l.text, after: text, proof: `HTML tag${tags.length > 1 ? 's' : ''} ${tags.join(' ')}` });
    l.text = text;
    if (l.cells) l.cells = l.cells.map(withoutMarkup);
  }
  return repairs;
}
