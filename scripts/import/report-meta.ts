/**
 * What a report's text says about itself: title, year label, reporting period, the HKEX edition it
 * follows, stock code and issuer name — each with the line it came from, so report.yaml can be
 * written for a report that has no overrides. Pure; one rule per field, none per issuer.
 *
 * Sentences wrap, so every rule reads a line together with the next non-blank one and keeps a match
 * that starts on the line itself; "statement" cues (reporting period, prepared in accordance with,
 * 報告期, 編制) count on the line itself or the line before (a heading).
 */
import type { Lang } from './types.ts';

export type HkexEdition = 'hkex-2015' | 'hkex-2020' | 'hkex-2025';
export interface Found<T> {
  value: T;
  /** 1-based source line */
  line: number;
  /** that line, for messages */
  text: string;
  /** how the value follows from the line when it is not printed there */
  note?: string;
}
export interface ReportMeta {
  title?: Found<string>;
  yearLabel?: Found<string>;
  period?: Found<{ start: string; end: string }>;
  hkexEdition?: Found<HkexEdition>;
  stockCode?: Found<string>;
  issuerName?: Found<string>;
  /** fields not found, in the order above */
  missing: string[];
}
type SrcLine = { n: number; text: string };

/** First day of the financial years each edition applies to (appliesFrom of content/frameworks/*.yaml). */
export const EDITION_FROM = { 'hkex-2020': '2020-07-01', 'hkex-2025': '2025-01-01' } as const;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:\.|\b)`;
const CN_DIGIT = '〇零一二三四五六七八九';
const CN = `[${CN_DIGIT}十]`;

/** 0–99 (or a year) in digits or Chinese numerals: 十二, 三十一, 二〇二一 digit by digit. */
function num(s: string): number {
  const digit = (c: string) => (/\d/.test(c) ? Number(c) : '〇零'.includes(c) ? 0 : '一二三四五六七八九'.indexOf(c) + 1);
  if (!s.includes('十')) return Number([...s].map(digit).join(''));
  const [tens, units] = s.split('十');
  return (tens ? num(tens) : 1) * 10 + (units ? num(units) : 0);
}

interface DateTok { at: number; end: number; y?: number; m: number; d: number }
const DATE_RES: { re: RegExp; get: (m: RegExpExecArray) => [string | undefined, number, string] }[] = [
  // 2024年1月1日, 2024 年 12 月 31 日, 二〇二一年十二月三十一日, 12月31日
  { re: new RegExp(String.raw`(?:([0-9${CN_DIGIT}]{4})\s*年\s*)?([0-9]{1,2}|${CN}{1,2})\s*月\s*([0-9]{1,2}|${CN}{1,3})\s*日`, 'gu'), get: (m) => [m[1], num(m[2]!), m[3]!] },
  // 1 January 2021, 1st January, 31 Dec. 2021
  { re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}(?:,?\s+(\d{4}))?`, 'gi'), get: (m) => [m[3], monthOf(m[2]!), m[1]!] },
  // April 1, 2017; December 31 2021
  { re: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`, 'gi'), get: (m) => [m[3], monthOf(m[1]!), m[2]!] },
  // 2024-01-01, 2024/1/1, 2024.1.1
  { re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, get: (m) => [m[1], Number(m[2]), m[3]!] },
];
function monthOf(s: string): number {
  return MONTHS.findIndex((m) => m.startsWith(s.toLowerCase().replace('.', '').slice(0, 3))) + 1;
}
function dates(s: string): DateTok[] {
  const out: DateTok[] = [];
  for (const { re, get } of DATE_RES) {
    for (const m of s.matchAll(re)) {
      const [y, mo, d] = get(m as RegExpExecArray);
      const tok = { at: m.index!, end: m.index! + m[0].length, y: y === undefined ? undefined : num(y), m: mo, d: num(d) };
      if (tok.m >= 1 && tok.m <= 12 && tok.d >= 1 && tok.d <= 31 && !out.some((o) => o.at < tok.end && tok.at < o.end)) out.push(tok);
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
/** the day after one year before `end` (31 March 2018 → 1 April 2017) */
function yearBefore(end: string): string {
  const t = new Date(`${end}T00:00:00Z`);
  t.setUTCFullYear(t.getUTCFullYear() - 1);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** The text a window of lines reads as: wrapped CJK joins without a space. */
const join2 = (a: string, b: string) => (/[\p{Script=Han}\d，、（《]$/u.test(a) && /^[\p{Script=Han}\d）》，。]/u.test(b) ? a + b : `${a} ${b}`);
/** `text`: the line and the next; `own`: the length of the line's part; `around`: the line before and the line (where a cue counts) */
interface Win { n: number; text: string; own: number; around: string }
function windows(lines: SrcLine[]): Win[] {
  const ls = lines.map((l) => ({ n: l.n, text: l.text.normalize('NFKC').replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
  return ls.map((l, i) => {
    const next = ls[i + 1]?.text ?? '';
    const text = next ? join2(l.text, next) : l.text;
    const prev = ls[i - 1]?.text ?? '';
    return { n: l.n, text, own: l.text.length, around: `${prev} ${l.text}` };
  });
}

const PERIOD_CUE = /reporting period|this report|\bcover(?:s|ing|ed)?\b|financial year|本報告|本报告|報告期|报告期|時間範|时间范|時間跨度|时间跨度|報告範圍|报告范围|涵蓋|涵盖|覆蓋|覆盖/i;
const RANGE_JOIN = /^\s*(?:to|until|till|through|and|[-–—~～]|起?\s*(?:至|到))\s*$/i;
const YEAR_ENDED = /(?:year|period)\s+end(?:ed|ing)\s+(?:on\s+)?$/i;
const CN_YEAR_ENDED = /^\s*止?(?:之|的)?\s*(?:財政|财政)?(?:年度|財年|财年)/;

/**
 * Period: a range of two dates 6–18 months apart ("1 April 2024 – 31 March 2025", "自2024年1月1日至
 * 12月31日") or a year-end ("for the year ended 31 March 2018", "截至2025年3月31日止財政年度").
 * Only a statement counts — a reporting-period cue on the line or the one before (a heading) — or a
 * line that is nothing but the range (a cover); a date in a KPI note is not the period. A range wins
 * over a year-end, a statement over a cover line; the earliest line wins within a rank.
 */
function findPeriod(ws: Win[]): Found<{ start: string; end: string }> | undefined {
  let best: { rank: number; f: Found<{ start: string; end: string }> } | undefined;
  for (const w of ws) {
    const toks = dates(w.text);
    const cue = PERIOD_CUE.test(w.around);
    const take = (rank: number, start: string, end: string) => {
      if (!best || rank < best.rank) best = { rank, f: { value: { start, end }, line: w.n, text: w.text.slice(0, w.own) } };
    };
    for (let i = 0; i < toks.length; i++) {
      const a = toks[i]!;
      if (a.at >= w.own) break;
      const b = toks[i + 1];
      if (b && RANGE_JOIN.test(w.text.slice(a.end, b.at)) && (a.y ?? b.y) !== undefined) {
        const by = b.y ?? (a.m * 100 + a.d < b.m * 100 + b.d ? a.y! : a.y! + 1);
        const ay = a.y ?? (a.m * 100 + a.d < b.m * 100 + b.d ? by : by - 1);
        const start = iso(ay, a.m, a.d);
        const end = iso(by, b.m, b.d);
        const alone = a.at === 0 && b.end === w.own;
        if (days(start, end) >= 180 && days(start, end) <= 550 && (cue || alone)) take(cue ? 0 : 2, start, end);
      } else if (cue && a.y !== undefined && (YEAR_ENDED.test(w.text.slice(0, a.at)) || (/截至\s*$/.test(w.text.slice(0, a.at)) && CN_YEAR_ENDED.test(w.text.slice(a.end))))) {
        const end = iso(a.y, a.m, a.d);
        take(1, yearBefore(end), end);
      }
    }
  }
  return best?.f;
}

/**
 * Year label: a calendar-year period is its year ("2024"); any other is the financial year it ends
 * in, named the way HK reports do (FY2025, 2025財年, 2025财年), found where the text prints it.
 * Without a period, the first printed financial-year name.
 */
function findYearLabel(ws: Win[], lang: Lang, period?: Found<{ start: string; end: string }>): Found<string> | undefined {
  const fyName = (y: string) => (lang === 'en' ? `FY${y}` : `${y}${lang === 'zh-Hans' ? '财' : '財'}年`);
  const printed = (y: string) => new RegExp(String.raw`\bFY\s?${y}\b|(?<!\d)${y}\s*(?:財|财)年|financial year ${y}\b`, 'i');
  if (period) {
    const { start, end } = period.value;
    if (start.endsWith('-01-01') && end === `${start.slice(0, 4)}-12-31`) return { ...period, value: start.slice(0, 4) };
    const y = end.slice(0, 4);
    const w = ws.find((x) => printed(y).test(x.text.slice(0, x.own)));
    return w ? { value: fyName(y), line: w.n, text: w.text.slice(0, w.own) } : { ...period, value: fyName(y) };
  }
  for (const w of ws) {
    const m = /\bFY\s?(\d{4})\b|(?<!\d)(\d{4})\s*(?:財|财)年/i.exec(w.text.slice(0, w.own));
    if (m) return { value: fyName(m[1] ?? m[2]!), line: w.n, text: w.text.slice(0, w.own) };
  }
  return undefined;
}

const GUIDE_EN = /(?:Environmental,?\s*Social\s+and\s+Governance|ESG)\s*(?:\([“"]?ESG[”"]?\)\s*)?Reporting\s+(Guide|Code)|Appendix\s+(27|C2)\b/i;
const GUIDE_ZH = /(?:環境、社會及管治|环境、社会及管治)(?:報告|报告)(指引|守則|守则)|(?:附錄|附录)\s*(二十七|27|C2)/;
const FOLLOWS = /in accordance with|prepared|pursuant to|complie?s? with|with reference to|follow|遵循|遵守|按照|依據|依据|根據|根据|參照|参照|參考|参考|編制|编制|編製|编製/i;

/**
 * HKEX edition. The instrument the report says it follows (a "prepared in accordance with" sentence
 * first, else its first mention) and the financial-year start decide:
 * - a year starting on or after 2025-01-01 follows the Code (hkex-2025), whatever it is called;
 * - the "Code" (守則, published April 2024 with Part D) is hkex-2025 even for an earlier year: the report
 *   then follows the 2025 layout (JD Health 2024 marks A1.2 and A4 deleted and answers Part D), and
 *   hkexEdition records the edition the report references (docs/architecture.md). This departs from
 *   "the edition in force" on purpose: the Code's catalogue is the one its index can be checked against;
 * - the "Guide" (指引, Appendix 27, or C2 after the 2023 renumbering) is hkex-2020 for years starting on
 *   or after 2020-07-01, else hkex-2015; without a period, "Appendix C2" still means hkex-2020;
 * - no statement at all: the edition in force for the period (its line is the period's).
 */
function findEdition(ws: Win[], period?: Found<{ start: string; end: string }>): Found<HkexEdition> | undefined {
  const start = period?.value.start;
  const mentions = ws
    .map((w) => ({ w, m: GUIDE_EN.exec(w.text) ?? GUIDE_ZH.exec(w.text) }))
    .filter((x) => x.m && x.m.index < x.w.own);
  const hit = mentions.find((x) => FOLLOWS.test(x.w.around)) ?? mentions[0];
  const inForce = (s: string): HkexEdition => (s >= EDITION_FROM['hkex-2025'] ? 'hkex-2025' : s >= EDITION_FROM['hkex-2020'] ? 'hkex-2020' : 'hkex-2015');
  if (!hit) return period && { ...period, value: inForce(start!), note: 'edition in force for this period' };
  const found = (value: HkexEdition) => ({ value, line: hit.w.n, text: hit.w.text.slice(0, hit.w.own) });
  // "Appendix C2 … Reporting Code": the instrument's name follows the appendix number
  const name = hit.m![1] ?? /Code|Guide|守則|守则|指引/i.exec(hit.w.text.slice(hit.m!.index, hit.m!.index + 80))?.[0];
  if ((name && /code|守/i.test(name)) || (start && start >= EDITION_FROM['hkex-2025'])) return found('hkex-2025');
  if (start) return found(inForce(start));
  return hit.m![2] === 'C2' ? found('hkex-2020') : undefined;
}

/** A line printed in capitals, as a title: ENVIRONMENTAL, SOCIAL AND GOVERNANCE REPORT → Environmental, Social and Governance Report. */
const tidy = (s: string) =>
  s === s.toUpperCase() && /[A-Z]/.test(s)
    ? s.toLowerCase().replace(/(^|[\s(])([a-z])/g, (_, a, c) => a + c.toUpperCase()).replace(/(?<=.)\b(And|Of|With)\b/g, (w) => w.toLowerCase()).replace(/\b(Esg|Fy)(?=\b|\d)/g, (w) => w.toUpperCase())
    : s;

const TITLE_ZH = String.raw`(?:環境、社會及管治|環境、社會和治理|環境、社會與管治|环境、社会及管治|环境、社会和治理|可持續發展|可持续发展|社會責任|社会责任|ESG)\s*(?:報告|报告)`;
const TITLE_EN = String.raw`(?:Environmental,?\s+Social\s+and\s+Governance|ESG|Sustainability|Corporate\s+Social\s+Responsibility)\s+Report\b(?!ing)`;
const YEAR = String.raw`(?:FY\s?)?\d{4}(?:/\d{2,4})?`;
const COVER_ZH = new RegExp(String.raw`^[^\s。,、;:《》「」()—–-]{0,8}?\s*[｜|]?\s*((?:${YEAR}\s*(?:年度?|財年|财年)?\s*)?${TITLE_ZH}(?:\s+${YEAR}(?!\d))?)`, 'u');
const COVER_EN = new RegExp(String.raw`^(?:[A-Z][\w&'’.-]*\s+){0,6}?((?:${YEAR}\s+)?${TITLE_EN}(?:\s+${YEAR})?)\s*$`);
const QUOTED_ZH = new RegExp(String.raw`《[^《》]{0,12}?((?:${YEAR}\s*(?:年度?|財年|财年)?\s*)?${TITLE_ZH})》`, 'u');
const QUOTED_EN = new RegExp(String.raw`(?:['’]s|\b[Oo]ur|\b[Tt]h(?:is|e))\s+((?:${YEAR}\s+)?(?:Environmental, Social and Governance|ESG) Report\b(?!ing)(?:\s+${YEAR})?)`);

/**
 * Title: the first title-like line — a cover, a running header — that names the report
 * (2024環境、社會及管治報告, "Environmental, Social and Governance Report 2021", over up to three
 * lines when the cover wraps it); a leading company name is left out, a year on the next line is
 * added. A contents page cannot match (its entries end in page numbers). Else the report's name as a
 * sentence quotes it (《環境、社會和治理報告》, "our 2018 ESG Report").
 */
function findTitle(ws: Win[], lines: SrcLine[], lang: Lang): Found<string> | undefined {
  const ls = lines.map((l) => ({ n: l.n, text: l.text.normalize('NFKC').replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    if (lang === 'en') {
      for (let k = 1; k <= 3 && i + k <= ls.length; k++) {
        const text = tidy(ls.slice(i, i + k).map((x) => x.text).join(' '));
        if (text.length > 90) break;
        const m = COVER_EN.exec(text);
        if (m && !/guide|code/i.test(text)) {
          const year = !/\d{4}$/.test(m[1]!) && new RegExp(`^${YEAR}$`).test(ls[i + k]?.text ?? '') ? ` ${ls[i + k]!.text}` : '';
          return { value: m[1]!.replace(/\s+/g, ' ') + year, line: l.n, text: l.text };
        }
      }
    } else {
      const m = COVER_ZH.exec(l.text);
      if (m && !/[。,;]|指引|守則|守则/.test(l.text)) {
        const year = !/\d{4}$/.test(m[1]!) && new RegExp(`^${YEAR}$`).test(ls[i + 1]?.text ?? '') ? ` ${ls[i + 1]!.text}` : '';
        return { value: m[1]!.trim() + year, line: l.n, text: l.text };
      }
    }
  }
  for (const w of ws) {
    const m = (lang === 'en' ? QUOTED_EN : QUOTED_ZH).exec(w.text);
    if (m && m.index < w.own && !/指引|守則|守则/.test(m[1]!)) return { value: m[1]!.replace(/\s+/g, ' '), line: w.n, text: w.text.slice(0, w.own) };
  }
  return undefined;
}

const STOCK = /(?:股份代號|股份代号|股票代碼|股票代码|證券代碼|证券代码|stock code)\s*(?:為|为|is|:)?\s*[「“"'(]?\s*(\d{4,5})(?!\d)/i;
/** Stock code: "股份代號：9988", "Stock Code: 0241", "(stock code “00241”)", as HKEX writes it (5 digits). */
function findStockCode(ws: Win[]): Found<string> | undefined {
  for (const w of ws) {
    const m = STOCK.exec(w.text);
    if (m && m.index < w.own) return { value: m[1]!.padStart(5, '0'), line: w.n, text: w.text.slice(0, w.own) };
  }
  return undefined;
}

const NAME_ZH = /^[\p{Script=Han}()]{2,30}?有限公司$/u;
const NAME_EN = /^(?:(?:[A-Z][\w&.'’-]*|\([A-Z][\w ]*\)|of|and|&)\s+){1,8}(?:Limited|Ltd\.?|Inc\.?|Corporation|Corp\.|PLC|Company)$/;
/** Issuer name: a line that is nothing but a company's legal name (cover, back cover; capitals as a title), in the text's language first. */
function findIssuerName(lines: SrcLine[], lang: Lang): Found<string> | undefined {
  const ls = lines.map((l) => ({ n: l.n, text: l.text.normalize('NFKC').replace(/\s+/g, ' ').trim() }));
  for (const re of lang === 'en' ? [NAME_EN, NAME_ZH] : [NAME_ZH, NAME_EN]) {
    const l = ls.find((x) => re.test(tidy(x.text)));
    if (l) return { value: tidy(l.text), line: l.n, text: l.text };
  }
  return undefined;
}

export function detectReportMeta(lines: SrcLine[], lang: Lang): ReportMeta {
  const ws = windows(lines);
  const period = findPeriod(ws);
  const found = {
    title: findTitle(ws, lines, lang),
    yearLabel: findYearLabel(ws, lang, period),
    period,
    hkexEdition: findEdition(ws, period),
    stockCode: findStockCode(ws),
    issuerName: findIssuerName(lines, lang),
  };
  const meta: ReportMeta = { missing: [] };
  const printed = new Map(lines.map((l) => [l.n, l.text.trim()]));
  for (const [k, v] of Object.entries(found)) {
    if (v) (meta as any)[k] = { ...v, text: printed.get(v.line) ?? v.text };
    else meta.missing.push(k);
  }
  return meta;
}
