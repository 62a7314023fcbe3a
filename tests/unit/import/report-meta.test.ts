/**
 * detectReportMeta on the five real seeds (against the hand-checked report.yaml files) and on short
 * snippets written for each phrasing the rules are meant to read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { detectReportMeta, EDITION_FROM } from '../../../scripts/import/report-meta.ts';
import { readSource, toLines } from '../../../scripts/import/read-source.ts';
import type { Lang } from '../../../scripts/import/types.ts';
import { ROOT } from './helpers.ts';

const meta = (text: string, lang: Lang = 'en') => detectReportMeta(text.split('\n').map((t, i) => ({ n: i + 1, text: t })), lang);
const seed = (rel: string, lang: Lang) => {
  const lines = toLines(readSource(readFileSync(join(ROOT, 'content/reports', rel))));
  return { lines, m: detectReportMeta(lines, lang) };
};
const committed = (rel: string) => parse(readFileSync(join(ROOT, 'content/reports', rel, 'report.yaml'), 'utf8'));

describe('detectReportMeta on the seeds', () => {
  const cases: [string, string, Lang][] = [
    ['alibaba-health/2018', 'source/alibaba-health-fy2018.en.txt', 'en'],
    ['alibaba-health/2018', 'source/alibaba-health-fy2018.zh-Hant.txt', 'zh-Hant'],
    ['alibaba/2023', 'source/alibaba-fy2023.zh-Hans.txt', 'zh-Hans'],
    ['jd-health/2024', 'source/jd-health-2024.zh-Hant.txt', 'zh-Hant'],
  ];
  for (const [dir, file, lang] of cases) {
    it(`${dir} ${lang}: period, year label and edition equal report.yaml; each from the line that prints it`, () => {
      const { lines, m } = seed(`${dir}/${file}`, lang);
      const y = committed(dir);
      const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
      expect(m.period?.value).toEqual({ start: iso(y.period.start), end: iso(y.period.end) });
      expect(m.yearLabel?.value).toBe(y.yearLabel[lang]);
      expect(m.hkexEdition?.value).toBe(y.hkexEdition);
      for (const k of ['title', 'yearLabel', 'period', 'hkexEdition', 'stockCode', 'issuerName'] as const) {
        const f = m[k];
        if (f) expect(f.text, k).toBe(lines[f.line - 1]!.text);
      }
    });
  }
  it('titles: the cover or running header where printed, else the name a sentence quotes', () => {
    expect(seed('jd-health/2024/source/jd-health-2024.zh-Hant.txt', 'zh-Hant').m.title?.value).toBe(committed('jd-health/2024').title['zh-Hant']);
    expect(seed('alibaba/2023/source/alibaba-fy2023.zh-Hans.txt', 'zh-Hans').m.title?.value).toBe(committed('alibaba/2023').title['zh-Hans']);
    // the FY2018 texts print no cover; their feedback pages quote the name with the year
    expect(seed('alibaba-health/2018/source/alibaba-health-fy2018.zh-Hant.txt', 'zh-Hant').m.title?.value).toBe('2018年環境、社會及管治報告');
    expect(seed('alibaba-health/2018/source/alibaba-health-fy2018.en.txt', 'en').m.title?.value).toBe('2018 ESG Report');
  });
  it('stock code and issuer name where the text prints them', () => {
    const en = seed('alibaba-health/2018/source/alibaba-health-fy2018.en.txt', 'en').m;
    expect(en.stockCode?.value).toBe('00241'); // "(stock" / "code “00241”)" wrapped over two lines
    expect(en.issuerName?.value).toBe('Alibaba Health Information Technology Limited');
    const zh = seed('alibaba-health/2018/source/alibaba-health-fy2018.zh-Hant.txt', 'zh-Hant').m;
    expect(zh.stockCode?.value).toBe('00241');
    expect(zh.issuerName?.value).toBe('阿里健康信息技術有限公司');
    expect(seed('jd-health/2024/source/jd-health-2024.zh-Hant.txt', 'zh-Hant').m.missing).toEqual(['stockCode', 'issuerName']);
  });
  it('Alibaba FY2025 (no report.yaml yet): cover title, FY period, the Code → hkex-2025', () => {
    const { m } = seed('alibaba/2025/source/alibaba-fy2025.zh-Hant.txt', 'zh-Hant');
    expect(m.title?.value).toBe('環境、社會和治理報告');
    expect(m.title?.line).toBe(5);
    expect(m.period?.value).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(m.period?.text).toMatch(/^本報告涵蓋/);
    expect(m.yearLabel?.value).toBe('2025財年');
    expect(m.hkexEdition?.value).toBe('hkex-2025');
    expect(m.hkexEdition?.text).toMatch(/《環境、社會及管治報告守則》編制/);
    expect(m.issuerName?.value).toBe('阿里巴巴集團控股有限公司');
    expect(m.missing).toEqual(['stockCode']);
  });
  it('the edition boundaries are the catalogues\' appliesFrom', () => {
    for (const [id, from] of Object.entries(EDITION_FROM)) {
      expect(readFileSync(join(ROOT, 'content/frameworks', `${id}.yaml`), 'utf8')).toMatch(new RegExp(`^appliesFrom: ${from}$`, 'm'));
    }
  });
});

describe('detectReportMeta on the English fixtures (tests/fixtures/import)', () => {
  const fixture = (rel: string) => detectReportMeta(toLines(readSource(readFileSync(join(ROOT, 'tests/fixtures/import', rel)))), 'en');
  const values = (m: ReturnType<typeof fixture>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, k === 'missing' ? v : (v as { value: unknown }).value]));
  it('a calendar year ended 31 December under the Guide (capitalised, wrapped cover title)', () => {
    expect(values(fixture('en-numbered/harbourline-esg-2021.en.txt'))).toEqual({
      title: 'Environmental, Social and Governance Report 2021', yearLabel: '2021', period: { start: '2021-01-01', end: '2021-12-31' },
      hkexEdition: 'hkex-2020', stockCode: '08619', issuerName: 'Harbourline Logistics Holdings Limited', missing: [],
    });
  });
  it('a financial year from 1 April under the Guide; the name in capitals', () => {
    expect(values(fixture('en-roman/pacific-jade-esg-2022.en.txt'))).toEqual({
      title: 'Environmental, Social and Governance Report 2022', yearLabel: 'FY2022', period: { start: '2021-04-01', end: '2022-03-31' },
      hkexEdition: 'hkex-2020', stockCode: '01876', issuerName: 'Pacific Jade Foods Group Limited', missing: [],
    });
  });
  it('an en-dash period, the Code in Appendix C2 (a contents entry names the Code first), a KPI note with another range', () => {
    const m = fixture('en-meta/kestrel-esg-fy2025.en.txt');
    expect(values(m)).toEqual({
      title: 'ESG Report FY2025', yearLabel: 'FY2025', period: { start: '2024-04-01', end: '2025-03-31' },
      hkexEdition: 'hkex-2025', stockCode: '02957', issuerName: 'Kestrel Marine Services Holdings Limited', missing: [],
    });
    expect(m.period?.text).toMatch(/^1 April 2024 – 31 March 2025/);
    expect(m.hkexEdition?.text).toMatch(/^This report has been prepared in accordance with/);
  });
});

describe('detectReportMeta phrasings', () => {
  it('periods in English', () => {
    const p = (t: string) => meta(t).period?.value;
    expect(p('This report covers the period from 1 January 2021 to 31 December 2021.')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(p('This report covers the period from 1 January to 31 December 2021.')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(p('The information covers the Group for the year ended 31 March 2018.')).toEqual({ start: '2017-04-01', end: '2018-03-31' });
    expect(p('Reporting period: 1 April 2024 – 31 March 2025')).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(p('Reporting Period\nThis report covers April 1, 2019 to March 31,\n2020 unless stated otherwise.')).toEqual({ start: '2019-04-01', end: '2020-03-31' });
    expect(p('for the financial year ended 30 June 2023')).toEqual({ start: '2022-07-01', end: '2023-06-30' });
    expect(p('The reporting period runs from 1 Sept. 2022 to 31 Aug 2023.')).toEqual({ start: '2022-09-01', end: '2023-08-31' });
    expect(p('This report covers our 12 Marine vessels and 3 Decks from 2021 to 2022.')).toBeUndefined();
  });
  it('periods in Chinese: Arabic and Chinese numerals, ranges and year-ends, wrapped lines', () => {
    const p = (t: string, lang: Lang = 'zh-Hant') => meta(t, lang).period?.value;
    expect(p('報告期為2024年1月1日至2024年12月31日。')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(p('本報告涵蓋截至2025年3月31日止財政年度的表現。')).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(p('報告期間為二零二一年一月一日至二零二一年十二月三十一日。')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(p('报告期：二〇二二年四月一日至二〇二三年三月三十一日', 'zh-Hans')).toEqual({ start: '2022-04-01', end: '2023-03-31' });
    expect(p('時間範圍覆蓋 2024 年 1 月 1 日至 2024 年 12 月 31\n日（以下簡稱「報告期」）。')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(p('本報告自2023年7月1日起至2024年6月30日止。')).toEqual({ start: '2023-07-01', end: '2024-06-30' });
  });
  it('a statement beats an earlier incidental range; a KPI note alone gives no period, a cover line does; "as at" is no year-end', () => {
    const text = [
      '註：排放數據按2020年1月1日至2020年12月31日的電力係數計算。',
      '報告範圍',
      '本報告時間範圍為2021年1月1日至2021年12月31日。',
    ].join('\n');
    expect(meta(text, 'zh-Hant').period).toMatchObject({ value: { start: '2021-01-01', end: '2021-12-31' }, line: 3 });
    expect(meta(text.split('\n')[0]!, 'zh-Hant').period).toBeUndefined();
    expect(meta('ESG REPORT\n1 April 2024 – 31 March 2025\nCONTENTS').period).toMatchObject({ value: { start: '2024-04-01', end: '2025-03-31' }, line: 2 });
    expect(meta('Scope 1 rose for the year ended 31 March 2024.').period).toBeUndefined();
    expect(meta('截至2025年3月31日，員工總數為1,200人。', 'zh-Hant').period).toBeUndefined();
    expect(meta('As at 31 March 2025, we had 1,200 employees. Training ran 1 March to 31 March 2025.').period).toBeUndefined();
  });
  it('year labels: calendar year, financial year as printed, FY tokens without a period', () => {
    expect(meta('Reporting period: 1 January 2021 to 31 December 2021').yearLabel?.value).toBe('2021');
    const fy = meta('In FY2025 we grew.\nThis report covers 1 April 2024 to 31 March 2025.');
    expect(fy.yearLabel).toMatchObject({ value: 'FY2025', line: 1 });
    expect(meta('報告期為2024年4月1日至2025年3月31日。', 'zh-Hant').yearLabel).toMatchObject({ value: '2025財年', line: 1 });
    expect(meta('报告期为2024年4月1日至2025年3月31日。', 'zh-Hans').yearLabel?.value).toBe('2025财年');
    expect(meta('Highlights of FY2025').yearLabel?.value).toBe('FY2025');
    expect(meta('Highlights').yearLabel).toBeUndefined();
  });
  it('editions: Guide by financial-year start, the Code, Appendix C2, the edition in force without a statement', () => {
    const ed = (t: string, lang: Lang = 'en') => meta(t, lang).hkexEdition?.value;
    const guide = 'This report has been prepared in accordance with the Environmental, Social and Governance Reporting Guide set out in Appendix 27 to the Listing Rules.';
    expect(ed(`This report covers the period from 1 January 2021 to 31 December 2021.\n${guide}`)).toBe('hkex-2020');
    expect(ed(`This report covers the year ended 31 March 2020.\n${guide}`)).toBe('hkex-2015');
    expect(ed(`The reporting period is 1 July 2020 to 30 June 2021.\n${guide}`)).toBe('hkex-2020');
    expect(ed(`The reporting period is 1 January 2025 to 31 December 2025.\n${guide}`)).toBe('hkex-2025');
    expect(ed('報告期為2024年1月1日至2024年12月31日。\n本報告按照附錄C2《環境、社會及管治報告守則》編制。', 'zh-Hant')).toBe('hkex-2025');
    expect(ed('This report follows Appendix C2 Environmental, Social and Governance Reporting Code of the Main Board Listing Rules.')).toBe('hkex-2025');
    expect(ed('This report is prepared in accordance with Appendix C2 to the Listing Rules.')).toBe('hkex-2020');
    expect(ed('This report is prepared in accordance with Appendix 27 to the Listing Rules.')).toBeUndefined();
    expect(meta('The reporting period is 1 April 2022 to 31 March 2023.').hkexEdition).toMatchObject({ value: 'hkex-2020', line: 1 });
    // the statement sentence, not an earlier mention of the Guide in a list
    const list = meta('• HKEX ESG Reporting Code\nThe reporting period is 1 January 2023 to 31 December 2023.\nThis report is prepared in accordance with the ESG Reporting Guide.');
    expect(list.hkexEdition).toMatchObject({ value: 'hkex-2020', line: 3 });
  });
  it('stock codes', () => {
    expect(meta('股份代號：9988', 'zh-Hant').stockCode?.value).toBe('09988');
    expect(meta('股份代号: 6618', 'zh-Hans').stockCode?.value).toBe('06618');
    expect(meta('Stock Code: 0241').stockCode?.value).toBe('00241');
    expect(meta('XYZ Holdings Limited (Stock code: 6618)').stockCode).toMatchObject({ value: '06618', line: 1 });
    expect(meta('We employ 9988 people.').stockCode).toBeUndefined();
  });
  it('titles: cover lines (with a company name or a wrapped capitalised cover), not a contents page or a Guide', () => {
    const t = (s: string, lang: Lang = 'en') => meta(s, lang).title?.value;
    expect(t('Contents\n\nEnvironmental, Social and Governance Report 2021')).toBe('Environmental, Social and Governance Report 2021');
    expect(t('XYZ Holdings Limited\nXYZ Holdings Environmental, Social and Governance Report\n2021')).toBe('Environmental, Social and Governance Report 2021');
    expect(t('ENVIRONMENTAL, SOCIAL AND\nGOVERNANCE REPORT 2022')).toBe('Environmental, Social and Governance Report 2022');
    expect(t('Index of HKEX ESG Reporting Guide\nESG Report 2020 ........ 3')).toBeUndefined();
    expect(t('2024環境、社會及管治報告', 'zh-Hant')).toBe('2024環境、社會及管治報告');
    expect(t('環境、社會和治理報告 2025', 'zh-Hant')).toBe('環境、社會和治理報告 2025');
    expect(t('• 香港聯交所《環境、社會及管治報告指引》\n京東健康 ｜ 2024 環境、社會及管治報告', 'zh-Hant')).toBe('2024 環境、社會及管治報告');
    expect(t('本年度環境、社會及管治報告的編制方式與往年一致。', 'zh-Hant')).toBeUndefined();
  });
  it('issuer names: a line that is only a legal name', () => {
    expect(meta('Our partner Hong Kong Limited helps.\nXYZ Holdings Limited').issuerName).toMatchObject({ value: 'XYZ Holdings Limited', line: 2 });
    expect(meta('國最大的疫苗企業——中國生物技術股份有限公司\n某某健康股份有限公司', 'zh-Hant').issuerName?.value).toBe('某某健康股份有限公司');
  });
  it('lists what it did not find', () => {
    expect(meta('Hello.').missing).toEqual(['title', 'yearLabel', 'period', 'hkexEdition', 'stockCode', 'issuerName']);
  });
});
