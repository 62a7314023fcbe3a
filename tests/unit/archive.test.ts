import { describe, expect, it } from 'vitest';
import { buildArchive, displayTitle, neighbours, pick, sectionLocation, tableOfContents, type IssuerData, type ReportData, type SectionData } from '../../src/lib/archive.ts';
import { editionFor } from '../../src/i18n/locales.ts';

const issuer: IssuerData = { id: 'alibaba-health', stockCode: '00241', name: { en: 'Alibaba Health', 'zh-Hant': '阿里健康' }, shortName: { en: 'Alibaba Health', 'zh-Hant': '阿里健康' } };
const report: ReportData = {
  issuer: 'alibaba-health', year: '2018', yearLabel: { en: 'FY2018' }, title: { en: 'ESG Report 2018', 'zh-Hant': '環境、社會及管治報告' },
  period: { start: '2017-04-01', end: '2018-03-31' }, languages: ['zh-Hant', 'en'], hkexEdition: 'hkex-2015',
  chapters: [{ id: 'p1', title: { en: 'Ubiquitous Healthcare', 'zh-Hant': '健康呵護 無處不在' } }], comply: [], indexLost: false,
};
const section = (id: string, order: number, chapter?: string): SectionData => ({ id, title: id, order, chapter, frameworks: { hkex: [] } });
const file = (lang: string, name: string) => `content/reports/alibaba-health/2018/${lang}/${name}.mdx`;

describe('sectionLocation', () => {
  it('reads issuer, year and language from the path', () => {
    expect(sectionLocation('/x/content/reports/alibaba-health/2018/zh-Hant/06-p1-c1.mdx')).toEqual({ issuer: 'alibaba-health', year: '2018', lang: 'zh-Hant' });
  });
  it('names the file and the expected layout when the path is wrong', () => {
    expect(() => sectionLocation('content/reports/alibaba-health/2018/fr/01-about.mdx')).toThrow(/fr\/01-about\.mdx.*<en\|zh-Hant\|zh-Hans>/);
  });
});

describe('buildArchive', () => {
  const sections = [
    { data: section('p1-c2', 7, 'p1'), filePath: file('en', '07-p1-c2'), entry: 'e7' },
    { data: section('about', 1), filePath: file('en', '01-about'), entry: 'e1' },
    { data: section('p1-c1', 6, 'p1'), filePath: file('en', '06-p1-c1'), entry: 'e6' },
    { data: section('about', 1), filePath: file('zh-Hant', '01-about'), entry: 'z1' },
  ];
  const archive = buildArchive([issuer], [{ data: report, filePath: 'report.yaml' }], sections);
  const built = archive.reports[0]!;

  it('sorts sections by order per language', () => {
    expect(built.sections.en!.map((s) => s.id)).toEqual(['about', 'p1-c1', 'p1-c2']);
    expect(built.sections['zh-Hant']!.map((s) => s.id)).toEqual(['about']);
  });
  it('groups consecutive sections of a chapter in the contents', () => {
    const toc = tableOfContents(built, 'en');
    expect(toc.map((i) => (i.kind === 'chapter' ? `${i.id}:${i.sections.map((s) => s.id).join(',')}` : i.section.id))).toEqual(['about', 'p1:p1-c1,p1-c2']);
  });
  it('finds previous and next sections', () => {
    expect(neighbours(built, 'en', 'p1-c1')).toMatchObject({ prev: { id: 'about' }, next: { id: 'p1-c2' } });
    expect(neighbours(built, 'en', 'about').prev).toBeUndefined();
  });
  it('rejects a section whose issuer has no report', () => {
    expect(() => buildArchive([issuer], [], [sections[0]!])).toThrow(/no report\.yaml in content\/reports\/alibaba-health\/2018/);
  });
  it('rejects a language the report does not list', () => {
    const zhHans = { data: section('about', 1), filePath: file('zh-Hans', '01-about'), entry: 'x' };
    expect(() => buildArchive([issuer], [{ data: report, filePath: 'r' }], [zhHans])).toThrow(/zh-Hans is not listed/);
  });
  it('rejects two sections with one id', () => {
    const dup = { data: section('about', 2), filePath: file('en', '02-about'), entry: 'x' };
    expect(() => buildArchive([issuer], [{ data: report, filePath: 'r' }], [sections[1]!, dup])).toThrow(/two sections share the id "about"/);
  });
  it('rejects an unknown issuer', () => {
    expect(() => buildArchive([], [{ data: report, filePath: 'content/reports/alibaba-health/2018/report.yaml' }], [])).toThrow(/content\/issuers\/alibaba-health\.yaml/);
  });
});

describe('editions per locale', () => {
  it('shows authored editions, converts the missing Chinese script, falls back to Chinese for English', () => {
    expect(editionFor('sc', ['zh-Hant', 'en'])).toEqual({ kind: 'converted', lang: 'zh-Hant', from: 'zh-Hant' });
    expect(editionFor('tc', ['zh-Hans'])).toEqual({ kind: 'converted', lang: 'zh-Hans', from: 'zh-Hans' });
    expect(editionFor('en', ['zh-Hans'])).toEqual({ kind: 'fallback', lang: 'zh-Hans' });
    expect(editionFor('tc', ['zh-Hant', 'en'])).toEqual({ kind: 'authored', lang: 'zh-Hant' });
  });
  it('picks localized text in the locale order', () => {
    expect(pick({ en: 'A', 'zh-Hant': '甲' }, 'sc')).toBe('甲');
    expect(pick({ 'zh-Hant': '甲' }, 'en')).toBe('甲');
    expect(displayTitle({ number: '01', title: 'Visible Security' })).toBe('01 Visible Security');
  });
});
