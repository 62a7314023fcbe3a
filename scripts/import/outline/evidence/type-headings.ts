/**
 * Evidence: chapter titles by type size (a PDF: Line.size). The largest heading size the report
 * uses on at least two pages (type-size.ts) sets its chapter titles; each such title (lines of that
 * size one under the other are one wrapped title) opens a chapter, and text before the first is a
 * front unit. Sources without sizes (text extractions) yield nothing here.
 */
import type { Candidate, Evidence, OutlineInput } from '../types.ts';
import { bodySize, headingSizes, typesetHeading } from '../../type-size.ts';
import { splitNumber } from '../contents-page.ts';

export const SOURCE = 'type size';

export function typeHeadings(doc: OutlineInput): Evidence {
  const { lines } = doc;
  const body = bodySize(lines);
  const top = headingSizes(lines, body)[0];
  if (!top) return { source: SOURCE, candidates: [], warnings: [] };
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.size !== top.size || !typesetHeading(l, body) || doc.nav.lines.has(i)) continue;
    const at = [i];
    while (i + 1 < lines.length && lines[i + 1].size === top.size && typesetHeading(lines[i + 1], body)) at.push(++i);
    const printed = at.map((k) => lines[k].text).join(doc.lang === 'en' ? ' ' : '');
    const { number, title } = splitNumber(printed);
    out.push({ line: at[0], lines: at, title, kind: 'chapter', ...(number ? { number } : {}), source: SOURCE, score: 1 });
  }
  if (out.length < 2) return { source: SOURCE, candidates: [], warnings: [] };
  const firstText = lines.findIndex((l) => l.text);
  if (out[0].line > firstText) out.unshift({ line: 0, lines: [firstText], title: lines[firstText].text, kind: 'front', source: SOURCE, score: 1 });
  return { source: SOURCE, candidates: out, warnings: [] };
}
