/**
 * KPI data files: the KPI tables the importer wrote into a report's MDX → `data/kpi.csv`
 * (schema in docs/kpi-data.md) + `data/checks.yaml` (language-edition disagreements).
 *
 *   node scripts/import/kpi-data.ts content/reports/<issuer>/<year> [--check]
 *
 * Which tables: every table whose header ends in year columns with a unit column (`指標名稱 單位
 * 2023 年數據 2024 年數據`, kpi-tables.ts) is a KPI table; other tables only in the sections that
 * `data/overrides.yaml` names under `tables` (the text cannot tell a KPI table from a flattened
 * infographic). Values printed only in prose come from `rows` in the same file. Pure functions
 * below; the CLI at the end reads and writes files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { numberText, parsePrinted } from './kpi-values.ts';
import { kpiCodes } from './kpi-codes.ts';

export const DATA_LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type DataLang = (typeof DATA_LANGS)[number];

export interface MdxTable {
  section: string;
  /** index of the table in its section */
  index: number;
  caption: string;
  header: string[];
  rows: string[][];
}

export interface SectionTables {
  section: string;
  tables: MdxTable[];
  /** footnotes: `[^1]: text` definitions and `17 text` paragraphs */
  notes: Map<string, string>;
}

/** One metric in one language, before alignment. */
export interface LangMetric {
  key: string;
  section: string;
  table: string;
  category: string;
  group: string;
  label: string;
  unit: string;
  values: Record<string, number | null>;
  decimals: Record<string, number>;
  notes: string[];
  printed: Record<string, string>;
}

export interface Metric {
  id: string;
  section: string;
  table: string;
  category: Partial<Record<DataLang, string>>;
  group: Partial<Record<DataLang, string>>;
  label: Partial<Record<DataLang, string>>;
  unit: Partial<Record<DataLang, string>>;
  values: Record<string, number | null>;
  /** decimals as printed, per period (absent: as the number reads) */
  decimals?: Record<string, number>;
  note: Partial<Record<DataLang, string>>;
  hkex: string[];
  source: 'table' | 'override';
}

// one pass: a backslash escape of any ASCII punctuation, or a character reference (`&#x69;`, `&lt;`)
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
const unescapeMd = (s: string) =>
  s.replace(/\\([!-\/:-@\[-`{-~])|&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot));/gi, (_, p: string, hex: string, dec: string, name: string) =>
    p ?? (hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ENTITIES[name.toLowerCase()])).trim();

function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map(unescapeMd);
}

const DELIMITER_ROW = /^\|(?:\s*:?-+:?\s*\|)+$/;
const stripFrontmatter = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');

/** GFM tables of one section file, with the bold caption paragraph printed before each. */
export function readMdxTables(section: string, mdx: string): SectionTables {
  // (tables and captions inside an `<aside>` box are indented)
  const lines = stripFrontmatter(mdx).split('\n').map((l) => l.trimStart());
  const tables: MdxTable[] = [];
  const notes = new Map<string, string>();
  let lastPara = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const def = /^\[\^(\w+)\]:\s*(.*)$/.exec(l);
    if (def) { notes.set(def[1], unescapeMd(def[2])); continue; }
    const num = /^(\d{1,2}) (\S.*)$/.exec(l);
    if (num && !notes.has(num[1])) notes.set(num[1], unescapeMd(num[2]));
    if (l.startsWith('|') && DELIMITER_ROW.test(lines[i + 1] ?? '')) {
      const header = splitRow(l);
      const rows: string[][] = [];
      let k = i + 2;
      for (; k < lines.length && lines[k].startsWith('|'); k++) rows.push(splitRow(lines[k]));
      const cap = /^\*\*(.+)\*\*$/.exec(lastPara);
      tables.push({ section, index: tables.length, caption: cap ? unescapeMd(cap[1]) : '', header, rows });
      i = k - 1;
      lastPara = '';
      continue;
    }
    if (l.trim()) lastPara = l.trim();
  }
  return { section, tables, notes };
}

const YEAR_COL = /^(\d{4})\s*(?:財?年度?|财?年度?)?\s*(?:數據|数据|績效|绩效)?$/u;
const UNIT_COL = /^(?:單位|单位|unit)$/i;
/** A year column's period: `2023 年數據` → `2023`; a financial year (`2025 財年`, `2025财年度`) → `FY2025`, as other reports of the issuer name it. */
export function periodOf(header: string): string {
  const m = YEAR_COL.exec(header);
  if (!m) return '';
  return /[財财]年/u.test(header) ? `FY${m[1]}` : m[1];
}
const PILLAR = /^(?:環境|环境|社會|社会|管治|治理|Environmental|Environment|Social|Governance)$/iu;
/** units worth reading from a label's or caption's brackets (`Electricity (kWh)`, `（單位：人）`) */
const UNIT_WORD = /^(?:kWh|MWh|GJ|tons?|tonnes?|kg|m3|m³|persons?|people|hours?|%|千瓦時|千瓦时|噸|吨|千克|公斤|立方米|人|小時|小时|兆瓦時|兆瓦时|吉焦|家|次)$/iu;

export function isYearTable(t: MdxTable): boolean {
  const years = t.header.filter((h) => YEAR_COL.test(h));
  return years.length >= 1 && t.header.some((h) => UNIT_COL.test(h)) && YEAR_COL.test(t.header[t.header.length - 1]);
}

function bold(cell: string): string | null {
  const m = /^\*\*(.+)\*\*$/.exec(cell);
  return m ? m[1].trim() : null;
}

/** `Electricity (kWh)` → [Electricity, kWh]; `電（千瓦時）` → [電, 千瓦時]; else [label, '']. */
export function labelUnit(label: string): [string, string] {
  const m = /^(.*?\S)\s*[（(]\s*(?:單位[：:]|单位[：:]|unit:\s*)?([^()（）]+?)\s*[)）]$/iu.exec(label);
  if (m && UNIT_WORD.test(m[2])) return [m[1], m[2]];
  return [label, ''];
}

function footRef(label: string, notes: Map<string, string>): [string, string[]] {
  const found: string[] = [];
  let l = label.replace(/\[\^(\w+)\]/g, (_, n) => { if (notes.has(n)) found.push(notes.get(n)!); return ''; }).trim();
  const m = /^(.*\S)\s+(\d{1,2})$/u.exec(l);
  if (m && notes.has(m[2]) && /\p{Script=Han}/u.test(m[1])) { l = m[1]; found.push(notes.get(m[2])!); }
  return [l, found];
}

/** Metrics of a table with year columns (label, unit, one value per year). */
export function yearTableMetrics(t: MdxTable, notes: Map<string, string>, warnings: string[]): LangMetric[] {
  const periods = t.header.map(periodOf);
  const unitAt = t.header.findIndex((h) => UNIT_COL.test(h));
  const first = periods.findIndex(Boolean);
  const units = new Set<string>(['%', '人', '人次', '家', '次', '件', '小時', '小时', '噸', '吨']);
  for (const r of t.rows) if (r[unitAt] && !bold(r[0])) units.add(r[unitAt]);
  const out: LangMetric[] = [];
  let category = PILLAR.test(t.header[0] ?? '') ? t.header[0] : ''; // a pillar over the label column (`環境 | 單位 | 2022 財年 …`)
  let topic = '';
  let group = '';
  let pending: string[] = [];
  const headingNotes = new Map<string, string[]>();
  t.rows.forEach((r, i) => {
    const b = bold(r[0]);
    if (b && r.slice(1).every((c) => !c)) {
      // a heading's footnotes (`員工培訓[^13]`) belong to the rows under it
      const [head, headNotes] = footRef(b, notes);
      if (PILLAR.test(head)) { category = head; topic = ''; group = ''; pending = []; }
      else { pending.push(head); headingNotes.set(head, headNotes); }
      return;
    }
    let label = r.slice(0, unitAt).filter(Boolean).join(' ');
    let unit = r[unitAt] ?? '';
    // a wrapped label: its unit alone on the next row (`**內部候選人…員工總數**` / `人 | | / | 115`)
    if (!unit && pending.length && units.has(label)) { unit = label; label = pending.pop()!; }
    if (pending.length >= 2) { topic = pending[0]; group = pending.slice(1).join(' '); }
    else if (pending.length === 1) {
      // one heading: a subgroup of the current topic, unless it names a new topic — it shares
      // nothing with the topic and the next heading starts like it (`董事會獨立性與多元化` over
      // `董事會多元化`, `董事會獨立性`)
      const b = pending[0];
      const next = t.rows.slice(i + 1).map((x) => (x.slice(1).every((c) => !c) ? bold(x[0]) : null)).find((x) => x !== null);
      const kin = (x: string | null | undefined, y: string) => !!x && x.slice(0, 2) === y.slice(0, 2);
      if (kin(next, b) && !kin(topic, b)) { topic = b; group = ''; }
      else group = b;
    }
    pending = [];
    // a unit glued to the label (`直接能源消耗密度千克標煤/營業收入（萬元）`)
    if (!unit) {
      for (let k = 1; k < label.length && !unit; k++) {
        for (const u of [...units].sort((a, b) => b.length - a.length)) {
          if (u.length >= 2 && label.startsWith(u, k) && label[k + u.length] === '/') { unit = label.slice(k); label = label.slice(0, k); break; }
        }
      }
    }
    let [clean, rowNotes] = footRef(label, notes);
    rowNotes = [...new Set([...(headingNotes.get(topic) ?? []), ...group.split(' ').flatMap((g) => headingNotes.get(g) ?? []), ...(headingNotes.get(group) ?? []), ...rowNotes])];
    // a row group printed in a merged cell before the label (`特殊員工 殘疾員工總數`, `因工損傷 因工傷損失工作日數`)
    let rowGroup = group;
    const glued = /^(\p{Script=Han}\S{0,10}(?:\s*[（(][A-Za-z]+[)）])?)\s+(\p{Script=Han}{3}.*)$/u.exec(clean);
    if (glued && !/\d/.test(glued[1])) { rowGroup = glued[1]; clean = glued[2]; }
    const values: Record<string, number | null> = {};
    const decimals: Record<string, number> = {};
    const printed: Record<string, string> = {};
    let bad = false;
    periods.forEach((p, c) => {
      if (!p) return;
      const v = parsePrinted(r[c] ?? '');
      printed[p] = r[c] ?? '';
      if (!v) { bad = true; return; }
      values[p] = v.value;
      if (v.decimals) decimals[p] = v.decimals;
      if (v.percent && !unit) unit = '%';
      if (v.qualifier) rowNotes.push(`${v.qualifier}${r[c].replace(/^[<>≥≤約约~]\s*/, '')}`);
    });
    if (bad) { warnings.push(`${t.section} table ${t.index + 1}: row "${clean}" has a value that is not a number (${periods.filter(Boolean).map((p) => printed[p]).join(' | ')}); left out`); return; }
    if (!clean) return;
    out.push({ key: `${t.section}#${t.index}#${i}`, section: t.section, table: `${t.section}-t${t.index + 1}`, category, group: [topic, rowGroup].filter(Boolean).join(' › '), label: clean, unit, values, decimals, notes: rowNotes, printed });
    void first;
  });
  return out;
}

/** Metrics of a `label value [value unit]` table (tables.ts) for a single period. */
export function plainTableMetrics(t: MdxTable, period: string, notes: Map<string, string>, warnings: string[]): LangMetric[] {
  const [caption, capNotes] = footRef(t.caption, notes);
  const [captionText, captionUnit] = labelUnit(caption);
  const ncols = Math.max(...t.rows.map((r) => r.length), t.header.length);
  const multi = ncols > 2;
  const out: LangMetric[] = [];
  for (let c = 1; c < ncols; c++) {
    let sub = '';
    t.rows.forEach((r, i) => {
      const b = bold(r[0]);
      if (b && r.slice(1).every((x) => !x)) { sub = b; return; }
      const [raw, rowNotes] = footRef(r[0] ?? '', notes);
      const [label, labelU] = labelUnit(raw);
      const v = parsePrinted(r[c] ?? '');
      if (!v) { warnings.push(`${t.section} table ${t.index + 1}: "${r[c]}" in row "${raw}" is not a number; left out`); return; }
      if (v.value === null && !(r[c] ?? '').trim()) return;
      const col = multi ? t.header[c] ?? '' : '';
      const colUnit = /hours/i.test(col) ? 'hours' : /小時/.test(col) ? '小時' : /小时/.test(col) ? '小时' : '';
      const unit = v.percent ? '%' : v.unit || (c === 1 ? labelU : '') || colUnit || captionUnit || labelU;
      out.push({
        key: `${t.section}#${t.index}#${c}#${i}`, section: t.section, table: `${t.section}-t${t.index + 1}`,
        category: captionText, group: [col, sub].filter(Boolean).join(' › '), label, unit,
        values: { [period]: v.value }, decimals: v.decimals ? { [period]: v.decimals } : {}, notes: [...capNotes, ...rowNotes], printed: { [period]: r[c] },
      });
    });
  }
  return out;
}

export interface OverrideRow {
  id: string;
  section?: string;
  category?: Partial<Record<DataLang, string>>;
  group?: Partial<Record<DataLang, string>>;
  label: Partial<Record<DataLang, string>>;
  unit?: Partial<Record<DataLang, string>>;
  values: Record<string, number | null>;
  note?: Partial<Record<DataLang, string>>;
  hkex?: string[];
  /** the printed text the value is read from (the value test finds it in the source) */
  printed?: Partial<Record<DataLang, string>>;
}

export interface DataOverrides {
  /** sections whose tables without year columns are KPI tables */
  tables?: string[];
  /** metric ids by `section-tN` table and row label (the first language's), when a slug is not wanted */
  ids?: Record<string, string>;
  rows?: OverrideRow[];
  /** what the data page says about data that could not be extracted, per language */
  notice?: Partial<Record<DataLang, string>>;
}

export interface Disagreement { id: string; period: string; values: Partial<Record<DataLang, number | null>>; labels: Partial<Record<DataLang, string>> }

export interface KpiData {
  periods: string[];
  metrics: Metric[];
  warnings: string[];
  disagreements: Disagreement[];
}

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[’'"]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Build the data of one report from its section files per language. */
export function buildKpiData(input: {
  langs: DataLang[];
  /** section files per language: [section id, mdx] in reading order */
  files: Partial<Record<DataLang, [string, string][]>>;
  period: string;
  overrides: DataOverrides;
  defined: ReadonlySet<string>;
}): KpiData {
  const warnings: string[] = [];
  const disagreements: Disagreement[] = [];
  const tablesOk = new Set(input.overrides.tables ?? []);
  const perLang = new Map<DataLang, LangMetric[]>();
  for (const lang of input.langs) {
    const ms: LangMetric[] = [];
    for (const [section, mdx] of input.files[lang] ?? []) {
      const st = readMdxTables(section, mdx);
      for (const t of st.tables) {
        if (isYearTable(t)) ms.push(...yearTableMetrics(t, st.notes, warnings));
        else if (tablesOk.has(section)) ms.push(...plainTableMetrics(t, input.period, st.notes, warnings));
      }
    }
    perLang.set(lang, ms);
  }
  // align the language editions by position (same sections, tables, rows and columns)
  const lead = input.langs.includes('en') ? 'en' : input.langs[0];
  const base = perLang.get(lead) ?? [];
  const others = input.langs.filter((l) => l !== lead);
  const byKey = new Map<DataLang, Map<string, LangMetric>>(others.map((l) => [l, new Map(perLang.get(l)!.map((m) => [m.key, m]))]));
  for (const l of others) {
    const a = new Set(base.map((m) => m.key));
    const b = perLang.get(l)!.map((m) => m.key);
    const onlyB = b.filter((k) => !a.has(k));
    const onlyA = [...a].filter((k) => !byKey.get(l)!.has(k));
    if (onlyA.length || onlyB.length) warnings.push(`${lead}/${l}: tables differ in shape (${onlyA.length} cells only in ${lead}, ${onlyB.length} only in ${l}); those rows carry one language`);
  }
  // a row printed twice (a body table and the appendix) stays twice: each table is kept as printed
  const metrics: Metric[] = [];
  const ids = new Set<string>();
  let ordinal = 0;
  const periods = new Set<string>();
  for (const m of base) {
    ordinal++;
    const metric: Metric = { id: '', section: m.section, table: m.table, category: {}, group: {}, label: {}, unit: {}, values: { ...m.values }, decimals: { ...m.decimals }, note: {}, hkex: [], source: 'table' };
    const put = (l: DataLang, x: LangMetric) => {
      metric.category[l] = x.category; metric.group[l] = x.group; metric.label[l] = x.label; metric.unit[l] = x.unit;
      if (x.notes.length) metric.note[l] = [...new Set(x.notes)].join(' ');
    };
    put(lead, m);
    for (const l of others) {
      const x = byKey.get(l)!.get(m.key);
      if (!x) continue;
      put(l, x);
      for (const p of Object.keys(m.values)) {
        if (x.values[p] !== m.values[p]) {
          disagreements.push({ id: '', period: p, values: { [lead]: m.values[p], [l]: x.values[p] ?? null }, labels: { [lead]: m.label, [l]: x.label } });
          warnings.push(`${m.table} "${m.label}" / "${x.label}" ${p}: ${lead} prints ${m.printed[p]}, ${l} prints ${x.printed[p]}`);
        }
      }
    }
    const given = input.overrides.ids?.[`${m.table}:${m.label}`];
    let id = given ?? (lead === 'en' ? slug([m.group.split(' › ')[0], m.label].filter(Boolean).join(' ')).slice(0, 64).replace(/-$/, '') : `${m.section}-${String(ordinal).padStart(3, '0')}`);
    if (ids.has(id)) { let n = 2; while (ids.has(`${id}-${n}`)) n++; id = `${id}-${n}`; }
    ids.add(id);
    metric.id = id;
    for (const d of disagreements) if (!d.id) d.id = id;
    metric.hkex = kpiCodes({ label: m.label, unit: m.unit, group: m.group, category: m.category }, input.defined);
    for (const p of Object.keys(m.values)) periods.add(p);
    metrics.push(metric);
  }
  for (const o of input.overrides.rows ?? []) {
    if (ids.has(o.id)) { warnings.push(`override row ${o.id}: id already used; left out`); continue; }
    ids.add(o.id);
    for (const c of o.hkex ?? []) if (input.defined.size && !input.defined.has(c)) warnings.push(`override row ${o.id}: ${c} is not a code of the report's edition`);
    for (const p of Object.keys(o.values)) periods.add(p);
    const pickLangs = <T>(r?: Partial<Record<DataLang, T>>) => Object.fromEntries(input.langs.filter((l) => r?.[l] !== undefined).map((l) => [l, r![l]])) as Partial<Record<DataLang, T>>;
    metrics.push({
      id: o.id, section: o.section ?? '', table: o.section ? `${o.section}-text` : 'text', category: pickLangs(o.category), group: pickLangs(o.group),
      label: pickLangs(o.label), unit: pickLangs(o.unit), values: { ...o.values }, note: pickLangs(o.note),
      hkex: o.hkex ?? kpiCodes({ label: o.label[lead] ?? '', group: o.group?.[lead], category: o.category?.[lead] }, input.defined), source: 'override',
    });
  }
  return { periods: [...periods].sort(), metrics, warnings, disagreements };
}

/** The CSV columns for a report's periods (docs/kpi-data.md). */
export function csvColumns(periods: string[]): string[] {
  const per = (f: string) => DATA_LANGS.map((l) => `${f}.${l}`);
  return ['id', 'section', 'table', ...per('category'), ...per('group'), ...per('label'), ...per('unit'), ...periods.map((p) => `period:${p}`), ...per('note'), 'hkex', 'source'];
}

/** `data/kpi.csv`: UTF-8 with a BOM (Excel opens the Chinese correctly), CRLF, every field quoted when needed. */
export function toCsv(data: KpiData): string {
  const cols = csvColumns(data.periods);
  const records = data.metrics.map((m) => {
    const rec: Record<string, string> = { id: m.id, section: m.section, table: m.table, hkex: m.hkex.join(' '), source: m.source };
    for (const l of DATA_LANGS) {
      rec[`category.${l}`] = m.category[l] ?? '';
      rec[`group.${l}`] = m.group[l] ?? '';
      rec[`label.${l}`] = m.label[l] ?? '';
      rec[`unit.${l}`] = m.unit[l] ?? '';
      rec[`note.${l}`] = m.note[l] ?? '';
    }
    for (const p of data.periods) rec[`period:${p}`] = p in m.values ? numberText(m.values[p], m.decimals?.[p]) : '';
    return cols.map((c) => rec[c]);
  });
  return '\uFEFF' + stringifyCsv([cols, ...records], { record_delimiter: '\r\n' });
}

// ---------------------------------------------------------------------------------------------
// CLI

function readReport(dir: string) {
  const report = parseYaml(readFileSync(join(dir, 'report.yaml'), 'utf8'));
  const langs = (report.languages as DataLang[]).filter((l) => DATA_LANGS.includes(l));
  const files: Partial<Record<DataLang, [string, string][]>> = {};
  for (const l of langs) {
    const d = join(dir, l);
    files[l] = readdirSync(d).filter((f) => /^\d\d-.+\.mdx$/.test(f)).sort().map((f) => [f.replace(/^\d\d-|\.mdx$/g, ''), readFileSync(join(d, f), 'utf8')]);
  }
  const ovFile = join(dir, 'data', 'overrides.yaml');
  const overrides: DataOverrides = existsSync(ovFile) ? parseYaml(readFileSync(ovFile, 'utf8')) ?? {} : {};
  // the catalogue beside the report's content tree, or the repository's (an import into another folder)
  const catFile = [resolve(dir, '../../../frameworks'), resolve(fileURLToPath(import.meta.url), '../../../content/frameworks')]
    .map((d) => join(d, `${report.hkexEdition}.yaml`)).find((f) => existsSync(f)) ?? '';
  const defined = new Set<string>(catFile ? (parseYaml(readFileSync(catFile, 'utf8')).items ?? []).filter((i: { deleted?: boolean }) => !i.deleted).map((i: { code: string }) => i.code) : []);
  const period = report.yearLabel?.en ?? report.year;
  return { langs, files, overrides, defined, period: String(period) };
}

/** Write `data/kpi.csv` and `data/checks.yaml` of a report folder; returns what was written. */
export function writeKpiData(dir: string, opts: { check?: boolean } = {}): { data: KpiData; changed: string[] } {
  const input = readReport(dir);
  const data = buildKpiData(input);
  const out = join(dir, 'data');
  const files: [string, string][] = [];
  if (data.metrics.length) {
    files.push(['kpi.csv', toCsv(data)]);
    const notice = input.overrides.notice;
    files.push(['checks.yaml', stringifyYaml({ rows: data.metrics.length, disagreements: data.disagreements, warnings: data.warnings, ...(notice ? { notice } : {}) }, { lineWidth: 0 })]);
  }
  const changed: string[] = [];
  for (const [f, text] of files) {
    const p = join(out, f);
    if (existsSync(p) && readFileSync(p, 'utf8') === text) continue;
    changed.push(p);
    if (!opts.check) { mkdirSync(out, { recursive: true }); writeFileSync(p, text); }
  }
  return { data, changed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  let code = 0;
  for (const dir of args.filter((a) => !a.startsWith('--'))) {
    const { data, changed } = writeKpiData(dir, { check });
    console.log(`${dir}: ${data.metrics.length} rows, periods ${data.periods.join(', ') || '—'}, ${data.disagreements.length} language disagreement(s)`);
    for (const w of data.warnings) console.log(`  warning: ${w}`);
    if (check && changed.length) { console.log(`  out of date: ${changed.join(', ')}`); code = 1; }
  }
  process.exit(code);
}
