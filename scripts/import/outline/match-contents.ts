/**
 * Find each contents entry's heading in the body, in order.
 *
 * Candidates are body lines whose text equals the entry title once case, spacing, punctuation and
 * numbering are set aside (`ABOUT THIS REPORT`, `1.1 Reporting Scope`, `4.2` alone above its
 * title), or a title wrapped over up to three lines. Each candidate is scored: a heading is
 * followed by running text, not by another entry's title (a chapter opener listing its sections,
 * a highlights box); it lies on the printed page the contents gives, or, where the text carries no
 * page numbers, near the share of the text that page stands for. Where the source tells type sizes
 * (a PDF), a line set as a heading is the strongest cue and a line set as body text a weak one. The matched headings are the
 * highest-scoring chain of candidates whose lines increase with the entries' pages.
 */
import type { Line } from '../types.ts';
import type { ContentsEntry } from './contents-page.ts';
import { APPENDIX_START, splitNumber } from './contents-page.ts';
import { norm } from './titles.ts';
import { bodySize, typesetHeading } from '../type-size.ts';

export interface EntryMatch {
  entry: ContentsEntry;
  /** first line of the heading in the body */
  line: number;
  /** lines printing the heading (blanked from the body) */
  lines: number[];
  score: number;
}

export interface MatchOptions {
  /** line indices of the page-map: page of each line is reliable */
  pagesReliable: boolean;
}

/** The outline's title key (`norm`: letters and digits, lower case, NFKC, 與/与 = 和) without a leading numbering, `&` = `and`. */
export function titleKey(s: string): string {
  return norm(splitNumber(s.trim()).title.replace(/&/g, 'and'));
}

const hanCount = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
const runningText = (s: string) => (hanCount(s) ? hanCount(s) >= 25 : s.length >= 60) || /[。.!?！？]$/.test(s) && s.length > 20;
const MAX_CANDIDATES = 40;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Candidate { k: number; line: number; lines: number[]; score: number }

export function matchContents(lines: Line[], entries: ContentsEntry[], from: number, opts: MatchOptions): EntryMatch[] {
  const keys = entries.map((e) => titleKey(e.title));
  const body: number[] = [];
  for (let i = from; i < lines.length; i++) if (lines[i].text) body.push(i);
  const lineKey = new Map<number, string>();
  for (const i of body) lineKey.set(i, titleKey(lines[i].text));
  // position of each body line as a share of the body (for texts with no page numbers)
  const share = sharesOf(lines, body);
  const typeBody = bodySize(lines);
  const pages = effectivePages(entries);
  const first = Math.min(...pages.filter((p) => p > 0));
  const last = Math.max(...entries.map((e) => e.pageEnd ?? e.page ?? 0)) + 1;

  const byKey = new Map<string, number[]>();
  body.forEach((i, bi) => { const k = lineKey.get(i)!; if (k) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(bi); });

  const cands: Candidate[] = [];
  entries.forEach((e, k) => {
    const key = keys[k];
    if (!key) return;
    // a title printed in two languages (`關於本報告 About this Report`) may head its section in one
    const found: { bi: number; span: number; sub?: boolean }[] = [key, ...oneLanguage(e.title)].flatMap((x) => (byKey.get(x) ?? []).map((bi) => ({ bi, span: 1 })));
    // the title followed by a sub-number: the entry `附錄` over `附錄 1 ESG 關鍵績效指標`, `Appendix` over `Appendix I …`
    const head = APPENDIX_START.test(e.title.trim()) && titleKey(e.title).length <= 10 ? APPENDIX_START.source.replace(/^\^/, '') : escapeRe(e.title.trim()).replace(/\\? +/g, '\\s*');
    const subNumbered = new RegExp(`^${head}\\s*(?:0?1|I|A|一)(?![\\p{L}\\p{N}])`, 'iu');
    for (let bi = 0; bi < body.length; bi++) if (subNumbered.test(lines[body[bi]].text)) found.push({ bi, span: 1, sub: true });
    // wrapped over two or three lines
    for (let bi = 0; bi < body.length; bi++) {
      const a = lineKey.get(body[bi])!;
      if (!a || a.length >= key.length || !key.startsWith(a)) continue;
      let acc = a;
      for (let s = 1; s < 3 && bi + s < body.length && body[bi + s] - body[bi + s - 1] <= 2; s++) {
        acc += lineKey.get(body[bi + s]) ?? '';
        if (acc === key) { found.push({ bi, span: s + 1 }); break; }
        if (!key.startsWith(acc)) break;
      }
    }
    const scored = found.map(({ bi, span, sub }) => {
      const ls = body.slice(bi, bi + span);
      // a heading number printed alone above the title belongs to the heading
      const prev = body[bi - 1];
      if (prev !== undefined && ls[0] - prev <= 2 && /^(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5})\.?$/.test(lines[prev].text)) ls.unshift(prev);
      let score = sub ? 1.5 : 2;
      if (/\t/.test(lines[ls[0]].text)) score -= 1.5; // a table row
      const typeset = typesetHeading(lines[ls[ls.length - 1]], typeBody);
      if (typeset !== undefined) score += typeset ? 2 : -1;
      const next = body[bi + span];
      const nextText = next !== undefined ? lines[next].text : '';
      if (next !== undefined && runningText(nextText)) score += 1;
      // a list of the titles of nearby entries (a chapter opener's list, a highlights box), not a heading
      const near = (x: string) => !!x && x !== key && keys.some((y, j) => y === x && Math.abs(j - k) <= 3);
      // …but a part heading over its first section is a heading
      const firstChild = (x: string) => keys[k + 1] === x && entries[k + 1].level > e.level;
      const nk = next !== undefined ? lineKey.get(next)! : '';
      if (near(nk) && !firstChild(nk)) score -= 1.5;
      if (near(bi > 0 ? lineKey.get(body[bi - 1])! : '')) score -= 0.5;
      const page = pages[k];
      if (page > 0) {
        if (opts.pagesReliable) {
          const d = Math.abs(lines[ls[0]].page - page);
          score += d <= 1 ? 1 : -Math.min(3, 0.3 * d);
        } else {
          const expected = (page - first) / Math.max(1, last - first);
          score -= Math.min(3, 6 * Math.abs(share.get(body[bi])! - expected));
        }
      }
      return { k, line: ls[0], lines: ls, score };
    });
    scored.sort((a, b) => b.score - a.score || a.line - b.line);
    cands.push(...scored.slice(0, MAX_CANDIDATES).filter((c) => c.score > 0));
  });
  return bestChain(cands, entries, pages);
}

/** The keys of each language of a title printed in Chinese and English (none for a one-language title). */
export function oneLanguage(title: string): string[] {
  const han = title.replace(/[A-Za-z][A-Za-z0-9'’&.,:()\-\s]*/g, ' ');
  const latin = title.replace(/[^A-Za-z0-9'’&.,:()\-\s]+/g, ' ');
  if (!/\p{Script=Han}/u.test(title) || !/[A-Za-z]{3}/.test(title)) return [];
  return [titleKey(han), titleKey(latin)].filter((x) => x.length >= 2);
}

/** A title printed without a page takes the page of the next entry that has one. */
function effectivePages(entries: ContentsEntry[]): number[] {
  const out = entries.map((e) => e.page ?? 0);
  for (let k = out.length - 2; k >= 0; k--) if (!out[k]) out[k] = out[k + 1];
  return out;
}

function sharesOf(lines: Line[], body: number[]): Map<number, number> {
  const m = new Map<number, number>();
  let total = 0;
  for (const i of body) total += lines[i].text.length;
  let acc = 0;
  for (const i of body) { m.set(i, acc / Math.max(1, total)); acc += lines[i].text.length; }
  return m;
}

/**
 * The highest-scoring chain: entries taken in page order (stable), lines strictly increasing,
 * each entry at most once. O(C²) over candidates, C ≤ 40 per entry.
 */
function bestChain(cands: Candidate[], entries: ContentsEntry[], pages: number[]): EntryMatch[] {
  const rank = entries.map((_, k) => k).sort((a, b) => (pages[a] || Infinity) - (pages[b] || Infinity) || a - b);
  const pos = new Map(rank.map((k, r) => [k, r]));
  const cs = [...cands].sort((a, b) => pos.get(a.k)! - pos.get(b.k)! || a.line - b.line);
  const best: number[] = [];
  const back: number[] = [];
  for (let j = 0; j < cs.length; j++) {
    best[j] = cs[j].score;
    back[j] = -1;
    for (let i = 0; i < j; i++) {
      if (pos.get(cs[i].k)! >= pos.get(cs[j].k)!) continue;
      if (cs[i].lines[cs[i].lines.length - 1] >= cs[j].line) continue;
      if (best[i] + cs[j].score > best[j]) { best[j] = best[i] + cs[j].score; back[j] = i; }
    }
  }
  let end = -1;
  for (let j = 0; j < cs.length; j++) if (end < 0 || best[j] > best[end]) end = j;
  const chain: EntryMatch[] = [];
  for (let j = end; j >= 0; j = back[j]) chain.unshift({ entry: entries[cs[j].k], line: cs[j].line, lines: cs[j].lines, score: cs[j].score });
  return chain;
}
