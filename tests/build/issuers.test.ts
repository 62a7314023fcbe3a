// One issuer across years in the built site: the issuer page in every locale lists the issuer's
// reports (from content/) with languages and edition and links them; breadcrumbs and the archive
// home lead to it; report homes link the other years; sections link the same topic in other years;
// the issuer's KPI series page marks restatements and its downloads name the report of each value.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { toString } from 'hast-util-to-string';
import { findAll, parseHtml, type Element } from '../support/html.ts';
import { CONTENT, DIST, assertDistBuilt } from '../support/paths.ts';

assertDistBuilt();
const LOCALES = ['en', 'tc', 'sc'];
const reports = readdirSync(path.join(CONTENT, 'reports')).flatMap((issuer) =>
  readdirSync(path.join(CONTENT, 'reports', issuer)).filter((y) => existsSync(path.join(CONTENT, 'reports', issuer, y, 'report.yaml'))).map((year) => ({ issuer, year, data: parseYaml(readFileSync(path.join(CONTENT, 'reports', issuer, year, 'report.yaml'), 'utf8')) })));
const issuers = [...new Set(reports.map((r) => r.issuer))];
const read = (p: string) => parseHtml(readFileSync(path.join(DIST, p), 'utf8'));
const attr = (el: Element, name: string) => el.properties?.[name] as string | string[] | undefined;
const links = (tree: Parameters<typeof findAll>[0]) => findAll(tree, (e) => e.tagName === 'a').map((a) => attr(a, 'href') as string);

describe('issuer pages', () => {
  it('the archive has an issuer with two reports', () => expect(issuers.some((i) => reports.filter((r) => r.issuer === i).length >= 2)).toBe(true));
  for (const issuer of issuers) {
    const own = reports.filter((r) => r.issuer === issuer).sort((a, b) => b.year.localeCompare(a.year));
    for (const locale of LOCALES) {
      it(`/${locale}/${issuer}/ lists its ${own.length} report(s), newest first, with languages and edition`, () => {
        const tree = read(`${locale}/${issuer}/index.html`);
        const rows = findAll(tree, (e) => e.tagName === 'tr' && attr(e, 'dataIssuerReport') !== undefined);
        expect(rows.map((r) => attr(r, 'dataIssuerReport'))).toEqual(own.map((r) => r.year));
        for (const [k, row] of rows.entries()) {
          expect(links(row)).toContain(`/${locale}/${issuer}/${own[k]!.year}/`);
          expect(findAll(row, (e) => e.tagName === 'li').length).toBe(own[k]!.data.languages.length);
        }
        const text = toString(findAll(tree, (e) => e.tagName === 'main')[0]!);
        const stock = parseYaml(readFileSync(path.join(CONTENT, 'issuers', `${issuer}.yaml`), 'utf8')).stockCode;
        expect(text).toContain(stock);
      });
      it(`/${locale}/ and every report page of ${issuer} lead to the issuer page`, () => {
        expect(links(read(`${locale}/index.html`))).toContain(`/${locale}/${issuer}/`);
        for (const r of own) {
          const crumbs = findAll(read(`${locale}/${issuer}/${r.year}/index.html`), (e) => e.tagName === 'nav' && attr(e, 'className')?.includes('breadcrumbs') === true);
          expect(links(crumbs[0]!)).toContain(`/${locale}/${issuer}/`);
        }
      });
    }
  }
  it('report homes link the issuer’s other years', () => {
    for (const r of reports) {
      const others = reports.filter((x) => x.issuer === r.issuer && x.year !== r.year).map((x) => `/tc/${x.issuer}/${x.year}/`);
      const nav = findAll(read(`tc/${r.issuer}/${r.year}/index.html`), (e) => attr(e, 'dataIssuerYears') !== undefined);
      expect(nav.length).toBe(others.length ? 1 : 0);
      if (others.length) expect(links(nav[0]!).filter((h) => others.includes(h)).sort()).toEqual(others.sort());
    }
  });
});

describe('the same topic in other years (Alibaba FY2023 ⇄ FY2025)', () => {
  const related = (p: string) => findAll(read(p), (e) => attr(e, 'dataSameTopicLink') !== undefined).map((a) => attr(a, 'dataSameTopicLink'));
  it('links sections with the same title across scripts, both ways, in every locale', () => {
    for (const locale of LOCALES) {
      expect(related(`${locale}/alibaba/2025/c02-s04/index.html`)).toContain('2023/c01-s02'); // 助力建設綠水青山 ⇄ 助力建设绿水青山
      expect(related(`${locale}/alibaba/2023/c01-s02/index.html`)).toContain('2025/c02-s04');
      expect(related(`${locale}/alibaba/2025/a01/index.html`)).toContain('2023/a01'); // 附錄 1 ⇄ 附录一 ESG 关键绩效指标
    }
  });
  it('links sections that share no code or title by their text, marked as such (應對氣候變化 ⇄ 附录五 气候风险和机遇评估报告)', () => {
    for (const locale of LOCALES) {
      expect(related(`${locale}/alibaba/2025/c02-s02/index.html`)).toContain('2023/a04');
      expect(related(`${locale}/alibaba/2023/a04/index.html`)).toContain('2025/c02-s02');
      expect(findAll(read(`${locale}/alibaba/2025/c02-s02/index.html`), (e) => attr(e, 'dataSimilarText') !== undefined)).toHaveLength(1);
    }
  });
  it('shows no such list on an issuer with one report', () => {
    expect(related('tc/jd-health/2024/c01/index.html')).toEqual([]);
  });
});

describe('KPI series across reports', () => {
  const series = parseCsv(readFileSync(path.join(DIST, 'data/alibaba/series.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  it('the CSV holds every value of both reports’ data once, with its report', () => {
    const printed = ['2023', '2025'].flatMap((y) => (parseCsv(readFileSync(path.join(CONTENT, 'reports/alibaba', y, 'data/kpi.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[])
      .flatMap((r) => Object.keys(r).filter((k) => k.startsWith('period:') && r[k] !== '').map((k) => `${y}/${r.id}/${k.slice(7)}=${r[k]}`)));
    expect(series.map((s) => `${s.report}/${s.row}/${s.period}=${s.value}`).sort()).toEqual(printed.sort());
  });
  it('marks the later report’s different values as restated, in the CSV and on every locale’s page', () => {
    const restated = series.filter((s) => s.restated === 'yes').map((s) => `${s.series}/${s.period}/${s.report}`);
    expect(restated.sort()).toEqual(['2023-female-employees-share/FY2023/2025', '2023-female-managers-share/FY2023/2025', '2023-scope-2-net-emissions/FY2023/2025']);
    for (const locale of LOCALES) {
      const tree = read(`${locale}/alibaba/data/index.html`);
      const marked = findAll(tree, (e) => e.tagName === 'td' && attr(e, 'dataRestated') !== undefined);
      expect(marked.length).toBe(3);
      for (const td of marked) expect(toString(td)).toMatch(/restated|重列/);
    }
  });
  it('code pages show the issuer’s series, restatement included (D28: Scope 2 net emissions)', () => {
    for (const locale of LOCALES) {
      const tree = read(`${locale}/hkex/hkex-2025/D28/index.html`);
      const body = findAll(tree, (e) => e.tagName === 'tbody' && attr(e, 'dataSeries') === '2023-scope-2-net-emissions')[0];
      expect(body, locale).toBeDefined();
      expect(findAll(body!, (e) => e.tagName === 'tr').map((tr) => attr(tr, 'dataSeriesReport'))).toEqual(['2023', '2025']);
      expect(findAll(body!, (e) => attr(e, 'dataRestated') !== undefined).length).toBe(1);
    }
  });
  it('the JSON carries the same series', () => {
    const json = JSON.parse(readFileSync(path.join(DIST, 'data/alibaba/series.json'), 'utf8'));
    expect(json.schema).toBe('kpi-series/1');
    expect(json.series.flatMap((s: { values: unknown[] }) => s.values).length).toBe(series.length);
  });
});
