/**
 * The contents-page fixtures (tests/fixtures/import/toc/<case>/input.txt + expected.json) are the
 * oracle of the "outline from the report's own contents page" feature, so this file checks only the
 * fixtures themselves, with no importer code: each expected heading line prints its entry's title,
 * entries and headings pair up in order, printed pages never go down, the page breaks of the text
 * put every heading on the page its contents entry names and agree with the printed folios, and the
 * running furniture really repeats.
 *
 * Line numbers are 1-based lines of the file split on "\n" (what `sed -n Np` prints). A page break
 * is a form feed glued to the first line of a page (`\fTitle`) or, in texts without form feeds, a
 * line starting with one space (a form feed rendered as a space). read-source.ts turns every "\f"
 * into "\n ", so its line index is the file line plus the number of form feeds before it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

type Entry = { title: string; level: number; page: number | null };
type Expected = {
  lang: 'en' | 'zh-Hant' | 'zh-Hans';
  contents: { line: number; entries: Entry[] };
  headings: { title: string; line: number }[];
  runningFurniture: string[];
  meta: { title: string; period: { start: string; end: string }; edition: string; stockCode: string; issuerName: string };
};

const DIR = join(ROOT, 'tests/fixtures/import/toc');
const cases = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

/** heading numbers: `1.`, `1.1`, `01`, `I.`, `一、`, `(一)`, `（一）`, `第一章` */
const NUMBERING = /^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+章)\s*/;
const stripNumber = (s: string) => s.replace(/^[\f ]+/, '').replace(NUMBERING, '');
/** letters and digits only, lower case, full-width forms folded */
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** what the body prints of a bilingual contents title (`關於本報告 About this Report`): the Chinese part */
const printed = (title: string) => /^(.*\p{Script=Han}.*?)\s+[A-Za-z][^\p{Script=Han}]*$/u.exec(title)?.[1] ?? title;

/** 1-based physical page of each line, or null when the text shows no page breaks */
function physicalPages(lines: string[]): number[] | null {
  const ff = lines.some((l) => l.includes('\f'));
  const starts = lines.map((l, i) => i > 0 && (ff ? l.startsWith('\f') : /^ \S/.test(l)));
  if (!starts.some(Boolean)) return null;
  let page = 1;
  return starts.map((s) => (s ? ++page : page));
}

/** the folio printed in a page's first or last line: a bare number, or a number next to a furniture text */
function folioOf(line: string, furniture: string[]): number | null {
  const t = line.replace(/^[\f ]+/, '').trim();
  if (/^\d{1,3}$/.test(t)) return Number(t);
  for (const f of furniture) {
    const m = t.startsWith(f) ? /^\s*[|｜]?\s*(\d{1,3})$/.exec(t.slice(f.length)) : t.endsWith(f) ? /^(\d{1,3})\s+$/.exec(t.slice(0, -f.length)) : null;
    if (m) return Number(m[1]);
  }
  return null;
}

describe.each(cases)('toc fixture %s', (name) => {
  const text = readFileSync(join(DIR, name, 'input.txt'), 'utf8');
  const exp: Expected = JSON.parse(readFileSync(join(DIR, name, 'expected.json'), 'utf8'));
  const lines = text.split('\n');
  const line = (n: number) => lines[n - 1] ?? '';
  const entries = exp.contents.entries;

  it('is a report-sized text in its language', () => {
    expect(lines.length).toBeGreaterThanOrEqual(350);
    expect(lines.length).toBeLessThanOrEqual(700);
    const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    expect(han / letters > 0.5).toBe(exp.lang !== 'en');
  });

  it('has its contents heading at contents.line', () => {
    // a bilingual heading prints both words (`目錄 CONTENTS`)
    expect(norm(line(exp.contents.line))).toMatch(/^(contents|目錄|目录|目錄contents|目录contents)$/);
  });

  it('pairs every contents entry with one heading, in order', () => {
    expect(entries.length).toBeGreaterThanOrEqual(15);
    expect(exp.headings.length).toBe(entries.length);
    exp.headings.forEach((h, i) => expect(h.title, `heading ${i}`).toBe(entries[i].title));
    for (const e of entries) {
      expect([1, 2, 3]).toContain(e.level);
      if (e.page !== null) expect(Number.isInteger(e.page) && e.page > 0, e.title).toBe(true);
    }
    expect(entries[0].level).toBe(1);
  });

  it('prints pages that never go down', () => {
    const pages = entries.map((e) => e.page).filter((p): p is number => p !== null);
    expect(pages.length).toBeGreaterThan(entries.length / 2);
    pages.forEach((p, i) => i > 0 && expect(p, `after ${pages[i - 1]}`).toBeGreaterThanOrEqual(pages[i - 1]));
  });

  it('puts each heading after the contents page, in order, on a line that starts the title', () => {
    let prev = exp.contents.line + entries.length;
    for (const h of exp.headings) {
      expect(h.line, h.title).toBeGreaterThan(prev);
      prev = h.line;
      const first = norm(stripNumber(line(h.line)));
      // the heading may go on over the next non-blank lines (a number alone, a wrapped title)
      const next = lines.slice(h.line, h.line + 4).filter((l) => l.trim()).slice(0, 2);
      const title = norm(stripNumber(printed(h.title)));
      expect(title.startsWith(first), `line ${h.line} "${line(h.line)}" does not start "${h.title}"`).toBe(true);
      expect(norm([stripNumber(line(h.line)), ...next].join(' ')).startsWith(title), `line ${h.line} "${line(h.line)}" does not print "${h.title}"`).toBe(true);
    }
  });

  it('picks the occurrence that opens the section, not an earlier list of the chapter\'s sections', () => {
    exp.headings.forEach((h, i) => {
      const end = i + 1 < exp.headings.length ? exp.headings[i + 1].line : lines.length + 1;
      const title = norm(stripNumber(printed(h.title)));
      // skip the heading's own lines (a number alone, a wrapped title)
      let after = h.line;
      for (let acc = norm(stripNumber(line(after))); !acc.startsWith(title) && after < end - 1; ) acc += norm(line(++after));
      for (let n = after + 1; n < end; n++) {
        expect(norm(stripNumber(line(n))) === title, `"${h.title}" printed alone again at line ${n}, after line ${h.line}`).toBe(false);
      }
    });
  });

  it('puts each heading on the page its contents entry names, and the folios agree', () => {
    const phys = physicalPages(lines);
    if (!phys) {
      // an export with no page breaks prints no folios either
      expect(lines.some((l) => /^\s*\d{1,3}\s*$/.test(l))).toBe(false);
      return;
    }
    exp.headings.forEach((h, i) => {
      if (entries[i].page !== null) expect(phys[h.line - 1], `${h.title} (line ${h.line})`).toBe(entries[i].page);
    });
    const byPage = new Map<number, string[]>();
    lines.forEach((l, i) => { if (l.trim()) byPage.set(phys[i], [...(byPage.get(phys[i]) ?? []), l]); });
    let folios = 0;
    for (const [page, ls] of byPage) {
      for (const l of [ls[0], ls[ls.length - 1]]) {
        const f = folioOf(l, exp.runningFurniture);
        if (f !== null) { folios++; expect(f, `folio "${l.trim()}" on page ${page}`).toBe(page); }
      }
    }
    const withHeading = new Set(exp.headings.map((h, i) => (entries[i].page === null ? -1 : phys[h.line - 1])));
    withHeading.delete(-1);
    expect(folios).toBeGreaterThanOrEqual(withHeading.size);
  });

  it('repeats its running furniture (the furniture rule keeps a line printed once)', () => {
    for (const f of exp.runningFurniture) {
      // a line that is the furniture text alone or with its folio (the same words may also occur in prose)
      const n = lines.filter((l) => l.replace(/^[\f ]+/, '').trim() === f || folioOf(l, [f]) !== null).length;
      expect(n, f).toBeGreaterThanOrEqual(3);
    }
  });

  it('states its metadata in the text', () => {
    const m = exp.meta;
    expect(['hkex-2015', 'hkex-2020', 'hkex-2025']).toContain(m.edition);
    expect(m.period.start < m.period.end).toBe(true);
    // the edition follows from the financial year: the Guide before / from 1 July 2020, the Code from 2025
    expect(m.edition).toBe(m.period.start >= '2025-01-01' ? 'hkex-2025' : m.period.start >= '2020-07-01' ? 'hkex-2020' : 'hkex-2015');
    expect(text).toContain(m.stockCode);
    expect(text).toContain(m.issuerName);
    // a wrapped sentence: Latin words join with a space, CJK lines with nothing
    const flat = exp.lang === 'en' ? text.replace(/\s+/g, ' ') : text.replace(/\n/g, '');
    const [ys, ms, ds] = m.period.start.split('-').map(Number);
    const [ye, me, de] = m.period.end.split('-').map(Number);
    const month = (k: number) => new Date(Date.UTC(2000, k - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    const period = exp.lang === 'en'
      ? `from ${ds} ${month(ms)} ${ys} to ${de} ${month(me)} ${ye}`
      : `${ys}年${ms}月${ds}日至${ye}年${me}月${de}日`;
    expect(flat).toContain(period);
    const guide = m.edition === 'hkex-2025' ? /附錄C2《環境、社會及管治報告守則》|Appendix C2.*Code/ : m.edition === 'hkex-2015' || m.edition === 'hkex-2020' ? /Appendix 27|附录二十七|附錄二十七|附錄C2《環境、社會及管治報告指引》|附录C2《环境、社会及管治报告指引》/ : /$^/;
    expect(flat).toMatch(guide);
  });
});
