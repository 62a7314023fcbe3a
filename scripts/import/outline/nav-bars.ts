/**
 * Nav bars: lines of ≥ 5 space-separated short titles whose title set recurs on another line
 * (≥ 60 % shared). They are furniture, and the titles they list are an inventory of the
 * report's units.
 */
import type { Line } from '../types.ts';
import { norm, SENT_END, titleLike } from './titles.ts';

/** glued report title / company name inside a nav bar token */
const NAV_GLUE = /\d{4}\s*(?:年度?)?\s*(?:環境、社會及管治|环境、社会及管治|環境、社會和治理|环境、社会和治理|ESG)\s*報告|\d{4}\s*(?:環境、社會及管治|环境、社会及管治|环境、社会和治理)\s*报告|\S{2,16}?(?:股份)?有限公司/gu;

export function findNavBars(lines: Line[]): { lines: Set<number>; titles: string[] } {
  const cand: { i: number; toks: Set<string>; pieces: string[] }[] = [];
  lines.forEach((l, i) => {
    if (SENT_END.test(l.text)) return;
    const pieces = l.text.replace(/^\d{1,3}(?=\p{L})/u, '').replace(NAV_GLUE, ' ').split(/\s+/).filter(Boolean);
    if (!pieces.every((t) => /^[\p{L}、，]+$/u.test(t))) return;
    const words = pieces.filter((t) => t.length >= 2);
    if (words.length < 5) return;
    cand.push({ i, toks: new Set(words.map(norm)), pieces: words });
  });
  const out = new Set<number>();
  const titles: string[] = [];
  // candidates sharing titles, found through a title → candidates index (linear in practice)
  const byTok = new Map<string, number[]>();
  cand.forEach((x, k) => { for (const t of x.toks) { if (!byTok.has(t)) byTok.set(t, []); byTok.get(t)!.push(k); } });
  for (const [k, a] of cand.entries()) {
    const shared = new Map<number, number>();
    for (const t of a.toks) for (const o of byTok.get(t)!.slice(0, 200)) if (o !== k) shared.set(o, (shared.get(o) ?? 0) + 1);
    const recurs = [...shared].some(([o, cnt]) => cnt >= Math.max(4, 0.6 * Math.min(a.toks.size, cand[o].toks.size)));
    if (!recurs) continue;
    out.add(a.i);
    for (const p of a.pieces) if (titleLike(p) && !titles.includes(p)) titles.push(p);
  }
  return { lines: out, titles };
}
