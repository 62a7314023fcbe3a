/**
 * Bounded cross-archive pages (paging.ts, code-pages.ts, coverage-pages.ts, listings.ts) on the
 * real archive: split into pages of any size, nothing is lost, nothing repeats, no page holds more
 * than its size, and the order is newest first.
 */
import { describe, expect, it } from 'vitest';
import { archiveModel } from '../support/archive-model.ts';
import { loadEditions, itemsInOrder, lineage } from '../../src/lib/frameworks.ts';
import { loadKpiArchive } from '../../src/lib/kpi-data.ts';
import { issuersWithSeries, loadIssuerSeries } from '../../src/lib/load-series.ts';
import { complyMarksOf, coverage, derivedDisclosuresOf, disclosuresOf, reportsOf } from '../../src/lib/disclosures.ts';
import { codePages, reportsForCode, scopeArchive } from '../../src/lib/code-pages.ts';
import { coveragePages } from '../../src/lib/coverage-pages.ts';
import { issuerDirectory, latestReports, yearsOf } from '../../src/lib/listings.ts';
import { byRecency, pageSizes, pageUrl, paginate, reportRangeLabel, DEFAULT_PAGE_SIZES } from '../../src/lib/paging.ts';
import { pick, type Report } from '../../src/lib/archive.ts';

const archive = archiveModel();
const editions = loadEditions();
const kpi = { reports: loadKpiArchive(), series: new Map(issuersWithSeries().map((i) => [i, loadIssuerSeries(i)])) };
const keyOf = (r: Report<unknown>) => `${r.data.issuer}/${r.data.year}`;

describe('paging', () => {
  it('splits a list into pages of the size, in order, every entry once; an empty list is one empty page', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    expect(paginate(items, 3)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(paginate(items, 7)).toEqual([items]);
    expect(paginate([], 5)).toEqual([[]]);
  });
  it('page 1 is the listing’s own URL, page n a sub-folder', () => {
    expect(pageUrl('/en/years/2024/', 1)).toBe('/en/years/2024/');
    expect(pageUrl('/en/years/2024/', 3)).toBe('/en/years/2024/3/');
  });
  it('ESG_PAGE_SIZE sets every page size; anything but a whole number ≥ 1 is an error that says what to give', () => {
    expect(pageSizes({})).toEqual(DEFAULT_PAGE_SIZES);
    expect(Object.values(pageSizes({ ESG_PAGE_SIZE: '2' }))).toEqual(Object.values(DEFAULT_PAGE_SIZES).map(() => 2));
    expect(() => pageSizes({ ESG_PAGE_SIZE: '0' })).toThrow(/ESG_PAGE_SIZE=0: give a whole number/);
    expect(() => pageSizes({ ESG_PAGE_SIZE: 'ten' })).toThrow(/ESG_PAGE_SIZE=ten/);
  });
  it('orders reports newest first, then by stock code', () => {
    const sorted = byRecency(archive.reports);
    expect(sorted).toHaveLength(archive.reports.length);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1]!, sorted[i]!];
      expect(a.data.year >= b.data.year, `${keyOf(a)} before ${keyOf(b)}`).toBe(true);
      if (a.data.year === b.data.year) expect(a.issuer.stockCode <= b.issuer.stockCode).toBe(true);
    }
    expect(reportRangeLabel(sorted.slice(0, 1))).toBe(`${sorted[0]!.data.year} · ${sorted[0]!.issuer.stockCode}`);
  });
});

describe('HKEX code pages', () => {
  const pagesOfEveryCode = editions.flatMap((edition) =>
    itemsInOrder(edition)
      .filter((i) => i.kind !== 'area')
      .map((item) => ({ edition, item, reports: reportsForCode(archive, edition, item, editions, kpi) })),
  );

  it('a code page’s reports are exactly those with a disclosure, derived tag, comply mark or KPI value for it or its lineage', () => {
    let checked = 0;
    for (const { edition, item, reports } of pagesOfEveryCode) {
      const keys = new Set(reports.map(keyOf));
      const related = lineage(item.code, edition, editions);
      const expected = new Set<string>();
      for (const e of related.length ? related : [{ edition, item }]) {
        for (const d of [...disclosuresOf(archive, e.edition.id, e.item.code, 'tc'), ...disclosuresOf(archive, e.edition.id, e.item.code, 'en'), ...derivedDisclosuresOf(archive, e.edition.id, e.item.code, 'tc')]) expected.add(keyOf(d.report));
        for (const m of complyMarksOf(archive, e.edition.id, e.item.code)) expected.add(keyOf(m.report));
      }
      for (const k of expected) expect(keys.has(k), `${edition.id} ${item.code}: ${k}`).toBe(true);
      checked += expected.size;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('split into pages of one report, the pages hold every disclosure of the code once and in recency order', () => {
    for (const { edition, item, reports } of pagesOfEveryCode.filter((p) => p.reports.length > 1)) {
      const pages = codePages(reports, 1);
      expect(pages.every((p) => p.length === 1)).toBe(true);
      const paged = pages.flatMap((p) => disclosuresOf(scopeArchive(p), edition.id, item.code, 'tc').map((d) => `${keyOf(d.report)}/${d.section.id}`));
      const whole = disclosuresOf(scopeArchive(reports), edition.id, item.code, 'tc').map((d) => `${keyOf(d.report)}/${d.section.id}`);
      expect(paged).toEqual(whole);
      expect(reports).toEqual(byRecency(reports));
    }
  });

  it('an issuer’s KPI series goes with its newest report (Alibaba: FY2025 carries the A1.2 series, FY2023 only its disclosures)', () => {
    const a12 = pagesOfEveryCode.find((p) => p.edition.id === 'hkex-2020' && p.item.code === 'A1.2')!;
    const seriesIssuers = [...kpi.series.keys()];
    expect(seriesIssuers.length).toBeGreaterThan(0);
    for (const issuer of seriesIssuers) {
      const newest = byRecency(archive.reports.filter((r) => r.data.issuer === issuer))[0]!;
      if (kpi.series.get(issuer)!.some((s) => s.hkex.includes('A1.2'))) expect(a12.reports.map(keyOf)).toContain(keyOf(newest));
    }
  });
});

describe('coverage matrix pages', () => {
  it('pages of the matrix hold every report of the edition once, newest first, with the same statuses as the whole matrix', () => {
    for (const size of [1, 2, 20]) {
      for (const pages of coveragePages(archive, editions, size)) {
        const edition = pages[0]!.edition;
        const whole = coverage({ reports: byRecency(reportsOf(archive, edition.id)) }, edition);
        expect(pages.every((p) => p.reports.length <= size)).toBe(true);
        expect(pages.flatMap((p) => p.reports)).toEqual(whole.reports);
        whole.rows.forEach((row, i) => expect(pages.flatMap((p) => p.rows[i]!.statuses), row.item.code).toEqual(row.statuses));
      }
    }
  });
});

describe('listings', () => {
  it('every report is in exactly one year listing, years newest first; the home shows the newest reports', () => {
    const years = yearsOf(archive);
    expect(years.map((y) => y.year)).toEqual([...new Set(byRecency(archive.reports).map((r) => r.data.year))]);
    expect(years.flatMap((y) => y.reports.map(keyOf)).sort()).toEqual(archive.reports.map(keyOf).sort());
    for (const y of years) expect(y.reports.every((r) => r.data.year === y.year)).toBe(true);
    expect(latestReports(archive, 2)).toEqual(byRecency(archive.reports).slice(0, 2));
  });
  it('the issuer directory lists every issuer once, by stock code or by name in the reader’s collation', () => {
    const byCode = issuerDirectory(archive, 'code', 'en');
    expect(byCode.map((e) => e.id).sort()).toEqual([...new Set(archive.reports.map((r) => r.data.issuer))].sort());
    const codes = byCode.map((e) => e.reports[0]!.issuer.stockCode);
    expect(codes).toEqual([...codes].sort());
    for (const locale of ['en', 'tc', 'sc'] as const) {
      const names = issuerDirectory(archive, 'name', locale).map((e) => pick(e.reports[0]!.issuer.name, locale));
      const collator = new Intl.Collator(locale === 'en' ? 'en' : locale === 'tc' ? 'zh-Hant-HK' : 'zh-Hans-CN', { numeric: true, sensitivity: locale === 'en' ? 'base' : 'variant' });
      expect(names).toEqual([...names].sort(collator.compare));
    }
  });
});
