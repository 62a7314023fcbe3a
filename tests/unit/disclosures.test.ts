import { describe, expect, it } from 'vitest';
import { buildArchive, type ReportData, type SectionData } from '../../src/lib/archive.ts';
import { complyMarksOf, coverage, derivedDisclosuresOf, disclosuresOf, reportIndexRows } from '../../src/lib/disclosures.ts';
import { loadEdition } from '../../src/lib/frameworks.ts';

const issuer = (id: string) => ({ id, stockCode: '00001', name: { en: id }, shortName: { en: id } });
const report = (issuerId: string, year: string, comply: ReportData['comply'] = []): ReportData => ({
  issuer: issuerId, year, yearLabel: { en: year }, title: { en: 'ESG' }, period: { start: `${year}-01-01`, end: `${year}-12-31` },
  languages: ['en'], hkexEdition: 'hkex-2015', chapters: [], comply, indexLost: false,
});
const section = (id: string, hkex: string[], hkexDerived?: string[]): SectionData => ({ id, title: id, order: 1, frameworks: hkexDerived ? { hkex, hkexDerived } : { hkex } });
const archive = buildArchive(
  [issuer('a'), issuer('b'), issuer('c')],
  [
    { data: report('a', '2018', [{ code: 'A2.5', status: 'not-applicable' }]), filePath: 'a' },
    { data: report('b', '2019', [{ code: 'B1.2', status: 'explained', explanation: { en: 'Not tracked.' } }]), filePath: 'b' },
    { data: report('c', '2020'), filePath: 'c' },
  ],
  [
    { data: section('env', ['A1', 'A1.1']), filePath: 'content/reports/a/2018/en/01-env.mdx', entry: 1 },
    { data: section('emissions', ['A1.1']), filePath: 'content/reports/b/2019/en/01-emissions.mdx', entry: 2 },
    // a report that prints no index: tags derived from its aspect-titled sections
    { data: section('b1-employment', [], ['B1', 'B1.1']), filePath: 'content/reports/c/2020/en/01-b1-employment.mdx', entry: 3 },
  ],
);
const edition = loadEdition('hkex-2015');

describe('cross-archive disclosures', () => {
  it('lists every section of every report that discloses a code', () => {
    const found = disclosuresOf(archive, 'hkex-2015', 'KPI A1.1', 'en').map((d) => `${d.report.issuer.id}/${d.section.id}`);
    expect(found).toEqual(['a/env', 'b/emissions']);
    expect(disclosuresOf(archive, 'hkex-2020', 'A1.1', 'en')).toEqual([]);
  });
  it('lists the reports that marked a code not applicable or explained it', () => {
    expect(complyMarksOf(archive, 'hkex-2015', 'A2.5').map((m) => m.report.issuer.id)).toEqual(['a']);
    expect(complyMarksOf(archive, 'hkex-2015', 'B1.2')[0]!.entry.explanation).toEqual({ en: 'Not tracked.' });
  });
  it('builds the coverage matrix of an edition', () => {
    const { reports, rows } = coverage(archive, edition);
    expect(reports.map((r) => r.issuer.id)).toEqual(['a', 'b', 'c']);
    const row = (code: string) => rows.find((r) => r.item.code === code)!.statuses;
    expect(row('A1')).toEqual(['disclosed', 'no-data', 'no-data']);
    expect(row('A1.1')).toEqual(['disclosed', 'disclosed', 'no-data']);
    expect(row('A2.5')).toEqual(['not-applicable', 'no-data', 'no-data']);
    expect(row('B1.2')).toEqual(['no-data', 'explained', 'no-data']);
    expect(row('B1')).toEqual(['no-data', 'no-data', 'no-data']); // derived tags are no declared status
    expect(rows.some((r) => r.item.kind === 'area')).toBe(false);
  });
  it('keeps derived tags apart from disclosures', () => {
    expect(disclosuresOf(archive, 'hkex-2015', 'B1', 'en')).toEqual([]);
    expect(derivedDisclosuresOf(archive, 'hkex-2015', 'Aspect B1', 'en').map((d) => `${d.report.issuer.id}/${d.section.id}`)).toEqual(['c/b1-employment']);
    expect(derivedDisclosuresOf(archive, 'hkex-2015', 'A1.1', 'en')).toEqual([]);
  });
  it('builds the rows of a report index page: printed and derived sections apart', () => {
    const rows = (id: string) => reportIndexRows(archive.reports.find((r) => r.issuer.id === id)!, edition, 'en');
    const c = rows('c');
    const b1 = c.find((r) => r.item.code === 'B1')!;
    expect(b1.status).toBe('no-data');
    expect(b1.disclosing).toEqual([]);
    expect(b1.derived.map((s) => s.id)).toEqual(['b1-employment']);
    expect(c.find((r) => r.item.code === 'B1.1')!.derived.map((s) => s.id)).toEqual(['b1-employment']);
    expect(c.filter((r) => r.derived.length).map((r) => r.item.code)).toEqual(['B1', 'B1.1']);
    const a = rows('a');
    expect(a.map((r) => r.item.code)).toEqual(c.map((r) => r.item.code)); // every item, Guide order
    expect(a.find((r) => r.item.code === 'A1.1')).toMatchObject({ status: 'disclosed', derived: [] });
    expect(a.find((r) => r.item.code === 'A1.1')!.disclosing.map((s) => s.id)).toEqual(['env']);
    expect(rows('b').find((r) => r.item.code === 'B1.2')!.explanation).toBe('Not tracked.');
  });
});
