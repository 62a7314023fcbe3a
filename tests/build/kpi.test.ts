// KPI data in the built site: a data page per report with data in every locale, linked from the
// report home; its tables hold exactly the CSV's rows and values; charts are SVG images beside
// tables; the downloads are the committed data (CSV with BOM) and JSON with numbers; code pages
// list the values of every report.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { toString } from 'hast-util-to-string';
import { parseHtml, findAll, type Element } from '../support/html.ts';
import { CONTENT, DIST, assertDistBuilt } from '../support/paths.ts';

assertDistBuilt();
const reports = readdirSync(path.join(CONTENT, 'reports')).flatMap((i) =>
  readdirSync(path.join(CONTENT, 'reports', i)).filter((y) => existsSync(path.join(CONTENT, 'reports', i, y, 'data', 'kpi.csv'))).map((y) => {
    const dir = path.join(CONTENT, 'reports', i, y);
    const csv = readFileSync(path.join(dir, 'data', 'kpi.csv'), 'utf8');
    const rows = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[];
    return { issuer: i, year: y, dir, csv, rows, report: parseYaml(readFileSync(path.join(dir, 'report.yaml'), 'utf8')) };
  }));
const read = (p: string) => parseHtml(readFileSync(path.join(DIST, p), 'utf8'));
const attr = (el: Element, name: string) => el.properties?.[name] as string | string[] | undefined;
const has = (el: Element, tag: string) => el.tagName === tag;

describe('KPI data pages', () => {
  it('the archive has KPI data', () => expect(reports.length).toBeGreaterThan(0));
  for (const r of reports) {
    for (const locale of ['en', 'tc', 'sc']) {
      const page = `${locale}/${r.issuer}/${r.year}/data/index.html`;
      it(`/${page}: every CSV row and value, header scopes, captions, charts beside tables`, () => {
        expect(existsSync(path.join(DIST, page)), page).toBe(true);
        const tree = read(page);
        const main = findAll(tree, (e) => has(e, 'main'))[0];
        const trs = findAll(main, (e) => has(e, 'tr') && attr(e, 'dataKpiRow') !== undefined);
        // every row once (the page orders them by section; prose rows come after their section's tables)
        expect(trs.map((e) => attr(e, 'dataKpiRow')).sort()).toEqual(r.rows.map((x) => x.id).sort());
        const byId = new Map(r.rows.map((x) => [x.id, x]));
        for (const tr of trs) {
          const row = byId.get(attr(tr, 'dataKpiRow') as string)!;
          const cells = findAll(tr, (e) => has(e, 'td') && attr(e, 'dataValue') !== undefined).map((e) => Number(attr(e, 'dataValue')));
          const expected = Object.entries(row).filter(([c, v]) => c.startsWith('period:') && v !== '').map(([, v]) => Number(v));
          expect(cells, row.id).toEqual(expected);
          expect(findAll(tr, (e) => has(e, 'th') && (attr(e, 'scope') as string) === 'row').length).toBe(1);
        }
        const tables = findAll(main, (e) => has(e, 'table'));
        for (const t of tables) {
          expect(findAll(t, (e) => has(e, 'caption')).length).toBe(1);
          expect(findAll(t, (e) => has(e, 'th') && attr(e, 'scope') === undefined).length, 'every th has a scope').toBe(0);
        }
        const svgs = findAll(main, (e) => has(e, 'svg'));
        const series = r.rows.filter((x) => Object.entries(x).filter(([c, v]) => c.startsWith('period:') && v !== '').length >= 2);
        expect(svgs.length > 0, 'charts iff a row has two or more periods').toBe(series.length > 0);
        for (const s of svgs) {
          expect(attr(s, 'role')).toBe('img');
          expect(findAll(s, (e) => has(e, 'title')).length).toBe(1);
          expect(findAll(s, (e) => has(e, 'desc')).length).toBe(1);
        }
        expect(findAll(main, (e) => has(e, 'script')).length).toBe(0);
        const html = readFileSync(path.join(DIST, page), 'utf8');
        expect(html).not.toMatch(/Math\.random|\d{4}-\d{2}-\d{2}T\d{2}:/);
      });
    }
    it(`/{l}/${r.issuer}/${r.year}/: the report home links to its data page`, () => {
      for (const locale of ['en', 'tc', 'sc']) {
        const links = findAll(read(`${locale}/${r.issuer}/${r.year}/index.html`), (e) => has(e, 'a') && attr(e, 'dataKpiLink') !== undefined);
        expect(links.map((a) => attr(a, 'href'))).toEqual([`/${locale}/${r.issuer}/${r.year}/data/`]);
      }
    });
    it(`/data/${r.issuer}/${r.year}.csv is the committed file with its BOM; .json has numbers`, () => {
      const bytes = readFileSync(path.join(DIST, 'data', r.issuer, `${r.year}.csv`));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).toBe(r.csv);
      const json = JSON.parse(readFileSync(path.join(DIST, 'data', r.issuer, `${r.year}.json`), 'utf8'));
      expect(json.rows.map((x: { id: string }) => x.id)).toEqual(r.rows.map((x) => x.id));
      for (const [k, row] of json.rows.entries()) {
        for (const [p, v] of Object.entries(row.values as Record<string, number | null>)) {
          const printed = r.rows[k][`period:${p}`];
          expect(v, `${row.id} ${p}`).toBe(printed === '' ? null : Number(printed));
        }
      }
    });
  }
  it('/data/archive.json holds every report', () => {
    const json = JSON.parse(readFileSync(path.join(DIST, 'data', 'archive.json'), 'utf8'));
    expect(json.reports.map((x: { issuer: string; year: string; rows: unknown[] }) => [x.issuer, x.year, x.rows.length])).toEqual(reports.map((r) => [r.issuer, r.year, r.rows.length]));
  });
  it('/sc/ data pages show Traditional-authored labels converted to Simplified', () => {
    const hant = reports.find((r) => r.report.languages.includes('zh-Hant') && r.rows.some((x) => /溫室氣體/.test(x['label.zh-Hant'])));
    if (!hant) return;
    const text = toString(read(`sc/${hant.issuer}/${hant.year}/data/index.html`));
    expect(text).toContain('温室气体');
    expect(text).not.toContain('溫室氣體');
  });
  it('the same requirement under another edition: the 2025 D28 page lists A1.2 values of earlier reports', () => {
    const a12 = reports.filter((r) => r.rows.some((x) => x.hkex.split(' ').includes('A1.2'))).map((r) => `${r.issuer}/${r.year}`);
    const file = path.join(DIST, 'en/hkex/hkex-2025/D28/index.html');
    if (!a12.length || !existsSync(file)) return;
    const section = findAll(read('en/hkex/hkex-2025/D28/index.html'), (e) => attr(e, 'dataKpiValues') === 'D28')[0];
    const shown = new Set(findAll(section, (e) => has(e, 'a') && /\/data\/$/.test(String(attr(e, 'href')))).map((a) => String(attr(a, 'href')).split('/').slice(2, 4).join('/')));
    for (const r of a12) expect(shown).toContain(r);
  });
  it('code pages list the values every report gave for the code', () => {
    const byCode = new Map<string, Set<string>>();
    for (const r of reports) for (const x of r.rows) for (const c of x.hkex.split(' ').filter(Boolean)) {
      if (!byCode.has(c)) byCode.set(c, new Set());
      byCode.get(c)!.add(`${r.issuer}/${r.year}`);
    }
    expect(byCode.size).toBeGreaterThan(0);
    let checked = 0;
    for (const [code, expected] of byCode) {
      for (const edition of readdirSync(path.join(DIST, 'en', 'hkex')).filter((d) => existsSync(path.join(DIST, 'en', 'hkex', d, code, 'index.html')))) {
        const tree = read(`en/hkex/${edition}/${code}/index.html`);
        const section = findAll(tree, (e) => attr(e, 'dataKpiValues') === code)[0];
        expect(section, `${edition}/${code}`).toBeDefined();
        const links = findAll(section, (e) => has(e, 'a') && /\/data\/$/.test(String(attr(e, 'href'))));
        const shown = new Set(links.map((a) => String(attr(a, 'href')).split('/').slice(2, 4).join('/')));
        for (const e of expected) expect(shown, `${edition}/${code}`).toContain(e); // plus reports that tag its lineage (A1.2 ⇄ D28)
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
