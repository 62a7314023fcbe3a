/**
 * Running headers/footers printed with their folio on the same line (folio-headers.ts): dropped as
 * `running header with folio`, their folios number the pages, nothing else is dropped. Fixtures
 * (tests/fixtures/import/folio-headers/, written by us): English headers `6 NORTHBAY LOGISTICS
 * LIMITED` / `SUSTAINABILITY REPORT 2019 7`, English footers `2021 ESG REPORT | Lumen Textiles 12`
 * (a page without one), Chinese footers `環境、社會及管治報告 2023 ｜ 15` / `16 ｜ 青禾環保集團有限公司`;
 * each also has KPI rows (`Total energy consumption 12`, `總耗電量 17`) repeated with increasing values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFolioHeaders, splitFolio } from '../../../scripts/import/folio-headers.ts';
import { runningHeaderLayout } from '../../../scripts/import/running-headers.ts';
import { runPipeline } from '../../../scripts/import/pipeline.ts';
import { detectProfile } from '../../../scripts/import/detect-profile.ts';
import { readSource, toLines } from '../../../scripts/import/read-source.ts';
import type { Lang } from '../../../scripts/import/types.ts';
import { ROOT } from './helpers.ts';

const DIR = join(ROOT, 'tests/fixtures/import/folio-headers');
const fixtures: { file: string; lang: Lang; header: RegExp; rows: RegExp }[] = [
  { file: 'northbay-esg-2019.en.txt', lang: 'en', header: /^(\d+ NORTHBAY LOGISTICS LIMITED|SUSTAINABILITY REPORT 2019 \d+)$/, rows: /^Total energy consumption \d+$/ },
  { file: 'lumen-esg-2021.en.txt', lang: 'en', header: /^2021 ESG REPORT \| Lumen Textiles \d+$/, rows: /^$/ },
  { file: 'qinghe-esg-2023.zh-Hant.txt', lang: 'zh-Hant', header: /^(\d+ ｜ 青禾環保集團有限公司|環境、社會及管治報告 2023 ｜ \d+)$/, rows: /^總耗電量 \d+$/ },
];
const text = (f: string) => readSource(readFileSync(join(DIR, f)));
const folioOf = (t: string) => Number((/ (\d+)$/.exec(t) ?? /^(\d+) /.exec(t))![1]);

describe('splitFolio', () => {
  it('finds a folio at either end of a short line', () => {
    expect(splitFolio('6 NORTHBAY LOGISTICS LIMITED')).toEqual({ rest: 'NORTHBAY LOGISTICS LIMITED', folio: 6 });
    expect(splitFolio('Sustainability Report 2019 7')).toEqual({ rest: 'Sustainability Report 2019', folio: 7 });
    expect(splitFolio('2021 ESG REPORT | Lumen Textiles 12')).toEqual({ rest: '2021 ESG REPORT | Lumen Textiles', folio: 12 });
    expect(splitFolio('環境、社會及管治報告 2023 ｜ 15')).toEqual({ rest: '環境、社會及管治報告 2023', folio: 15 });
  });
  it('leaves sentences, data and bare numbers alone', () => {
    expect(splitFolio('We planted trees on 12')).not.toBeNull(); // shape only; repetition decides
    expect(splitFolio('The fleet grew to 148.')).toBeNull();
    expect(splitFolio('Aged 31 to 50 1209')).toBeNull();
    expect(splitFolio('2019')).toBeNull();
    expect(splitFolio('12')).toBeNull();
  });
});

describe('running headers and footers with folio', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))('%s: the header lines and only they are dropped', (_n, f) => {
    const src = toLines(text(f.file)).map((l) => l.text);
    const expected = src.flatMap((t, i) => (f.header.test(t) ? [i + 1] : []));
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const r = runPipeline(text(f.file), f.lang, {}, f.file);
    expect(r.dropped.map((d) => d.line)).toEqual(expected);
    for (const d of r.dropped) expect(d.why).toBe('running header with folio');
    const out = r.sections.map((s) => s.mdx).join('\n');
    for (const t of src.filter((x) => f.header.test(x))) expect(out).not.toContain(t);
    // the KPI rows with increasing values stay (as table rows)
    for (const t of src.filter((x) => x && f.rows.test(x))) expect(out).toMatch(new RegExp(`${t.replace(/ \d+$/, '')} \\| ${/\d+$/.exec(t)![0]} \\|`));
    expect(r.fidelity.fidelity).toBe(1);
  });
  it.each(fixtures.map((f) => [f.file, f] as const))('%s: the folios number the pages', (_n, f) => {
    const lines = toLines(text(f.file));
    const rh = runningHeaderLayout(lines)!;
    expect(rh).not.toBeNull();
    // each printed page (between form feeds) is numbered by the folio printed on it
    const pages = text(f.file).split('\n ').map((p) => p.split('\n'));
    let n = 0;
    let checked = 0;
    for (const p of pages) {
      const h = p.find((t) => f.header.test(t.trim()));
      for (let k = 0; k < p.length; k++, n++) if (h && lines[n].text) { expect(lines[n].page, `line ${n + 1}`).toBe(folioOf(h.trim())); checked++; }
    }
    expect(checked).toBeGreaterThan(10);
    expect(rh.pm.pageCount).toBe(Math.max(...lines.map((l) => l.page)));
  });
  it('the profile reports the layout', () => {
    const t = text(fixtures[0].file);
    const p = detectProfile(t, toLines(t));
    expect(p.layout).toBe('running-headers');
    expect(p.summary).toMatch(/running headers with folio on 7 pages/);
  });
  it('KPI rows with increasing values inside tables are not headers', () => {
    const rows = ['Indicator Unit 2019 2018', 'Total energy consumption 12', 'Diesel 8', '', 'Some text between tables.', ''];
    const t = [0, 1, 2].flatMap((k) => rows.map((r) => r.replace(/12$/, String(12 + k * 3)))).join('\n');
    expect(findFolioHeaders(toLines(t))).toEqual([]);
  });
  it('folios out of order are left alone', () => {
    const page = (h: string) => [h, '', 'Body text of the page goes on here.', ''];
    const t = ['Acme Report 2020 9', 'Acme Report 2020 4', 'Acme Report 2020 2', 'Acme Report 2020 7'].flatMap(page).join('\n');
    expect(findFolioHeaders(toLines(t))).toEqual([]);
  });
});
