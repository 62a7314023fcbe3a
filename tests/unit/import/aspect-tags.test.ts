import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../scripts/import/pipeline.ts';
import { ASPECT_CODE_LINE, deriveAspectTags, titleKey, type AspectUnit } from '../../../scripts/import/aspect-tags.ts';
import { loadAspectCatalogue } from '../../../scripts/import/auto-index.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const cat2020 = loadAspectCatalogue(ROOT, 'hkex-2020');
const cat2025 = loadAspectCatalogue(ROOT, 'hkex-2025');
const byId = (units: AspectUnit[], cat = cat2020, lang: 'en' | 'zh-Hant' | 'zh-Hans' = 'en') =>
  Object.fromEntries(deriveAspectTags(units, lang, cat).map((t) => [t.id, t]));
const unit = (id: string, title: string, headings: string[] = [], text = ''): AspectUnit => ({ id, title, headings, text });

describe('aspect-tags', () => {
  it('reads the aspects and KPIs of an edition from its catalogue, in both languages', () => {
    const a1 = cat2020.find((c) => c.code === 'A1')!;
    expect(a1).toMatchObject({ kind: 'aspect', titles: ['Emissions', '排放物'] });
    expect(cat2020.find((c) => c.code === 'B5.2')).toMatchObject({ kind: 'kpi', aspect: 'B5' });
    expect(cat2020.filter((c) => c.kind === 'aspect').map((c) => c.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8']);
    expect(cat2025.find((c) => c.code === 'A4')?.deleted).toBe(true);
  });

  it('takes numbering and aspect words off a title', () => {
    const k = titleKey('Emissions');
    for (const t of ['A1. Emissions', 'A1 Emissions', 'A1: EMISSIONS', 'Aspect A1: Emissions', '(a) Emissions', '1.2 Emissions', 'Emissions (A1)', 'A1 – Emissions']) {
      expect(titleKey(t), t).toBe(k);
    }
    expect(titleKey('層面A1：排放物')).toBe(titleKey('排放物'));
    expect(titleKey('層面 A1： 排放物')).toBe(titleKey('排放物'));
    expect(titleKey('一、排放物')).toBe(titleKey('排放物'));
    expect(titleKey('（二）健康與安全')).toBe(titleKey('健康和安全'));
    expect(titleKey('B2 健康与安全')).toBe(titleKey('健康與安全'));
    expect(titleKey('Health & Safety')).toBe(titleKey('Health and Safety'));
  });

  it('tags an English report organised by aspects, with its KPI mentions', () => {
    const t = byId([
      unit('about', 'About this Report', [], 'This report follows the ESG Reporting Guide. KPI A1.1 is not applicable to our offices.'),
      unit('env', 'Environmental', ['A1 Emissions', 'A2 Use of Resources', 'A3 The Environment and Natural Resources', 'A4 Climate Change'],
        'The Group generated 12.3 tonnes of waste (KPI A1.4).\nEnergy use is shown below (A2.1). Water: see A2.2.\nB1.1 is reported elsewhere.'),
      unit('b1-employment', 'B1 Employment', ['Compensation and dismissal'], 'Total workforce by gender (B1.1) and turnover rate B1.2.\nThe rate rose by A1.5% in the year.'),
      unit('ohs', 'B2. Occupational Health and Safety', [], 'No work-related fatalities (KPIs B2.1, B2.2 and B2.3).'),
      unit('b7', 'Aspect B7: Anti-Corruption', [], ''),
      unit('community', 'COMMUNITY INVESTMENT', [], ''),
      unit('air', '4.1 Air Emissions', [], ''),
    ]);
    expect(t.about.codes).toEqual(['A1.1']); // with its keyword, in any unit
    expect(t.env.aspects).toEqual(['A1', 'A2', 'A3', 'A4']);
    // bare codes only of the unit's aspects: B1.1 in the environment unit is not taken
    expect(t.env.kpis).toEqual(['A1.4', 'A2.1', 'A2.2']);
    expect(t['b1-employment'].codes).toEqual(['B1', 'B1.1', 'B1.2']);
    expect(t.ohs.codes).toEqual(['B2', 'B2.1', 'B2.2', 'B2.3']);
    expect(t.b7.codes).toEqual(['B7']);
    expect(t.community.codes).toEqual(['B8']);
    expect(t.air.codes).toEqual(['A1']);
    expect(Object.values(t).every((x) => x.derived === true)).toBe(true);
  });

  it('tags a Traditional Chinese report with 層面 headings', () => {
    const t = byId([
      unit('c1', '環境', ['層面A1：排放物', '層面A2：資源使用'], '本集團的溫室氣體排放數據載於關鍵績效指標A1.1及A1.2。A2.1 能源消耗見下表。'),
      unit('c2', '二、僱傭及勞工常規', ['（一）僱傭', '（二）健康與安全', '（三）發展及培訓', '（四）勞工準則'], '僱員總數（B1.1）'),
      unit('c3', '營運慣例', ['B5 供應鏈管理', 'B6 產品責任', 'B7 反貪污'], ''),
      unit('c4', '社區投資', [], ''),
    ], cat2020, 'zh-Hant');
    expect(t.c1.codes).toEqual(['A1', 'A1.1', 'A1.2', 'A2', 'A2.1']);
    expect(t.c2.codes).toEqual(['B1', 'B1.1', 'B2', 'B3', 'B4']);
    expect(t.c3.codes).toEqual(['B5', 'B6', 'B7']);
    expect(t.c4.codes).toEqual(['B8']);
  });

  it('tags a Simplified Chinese report (雇佣, 环境及天然资源, 关键绩效指标)', () => {
    const t = byId([
      unit('s1', 'A1. 排放物', [], '有害废弃物总量详见关键绩效指标A1.3。'),
      unit('s2', '层面A3：环境及天然资源', [], ''),
      unit('s3', '雇佣', ['B1.1 员工总数'], '按性别划分的雇员总数（B1.1）。'),
      unit('s4', '发展及培训', [], ''),
      unit('s5', '反贪污', [], ''),
      unit('s6', '气候变化', [], ''),
    ], cat2020, 'zh-Hans');
    expect(t.s1.codes).toEqual(['A1', 'A1.3']);
    expect(t.s2.codes).toEqual(['A3']);
    expect(t.s3.codes).toEqual(['B1', 'B1.1']);
    expect(t.s4.codes).toEqual(['B3']);
    expect(t.s5.codes).toEqual(['B7']);
    expect(t.s6.codes).toEqual(['A4']);
  });

  it('does not take a sentence, a thematic title, a percentage or a deleted aspect for a tag', () => {
    const t = byId([
      unit('x1', 'Our People', ['We promote the employment of local people', 'Employment policies and practices'], 'Employment rose by 4%.'),
      unit('x2', '綠色運營', ['排放物管理', '我們重視員工的健康與安全'], ''),
      unit('x3', 'Emissions', [], 'Emissions fell A1.5% against the target; see table A1.55 and A1.1x. Scope B1.2.3 is a clause.'),
      unit('x4', 'Climate Change', [], ''),
      unit('x5', 'Highlights', [], 'KPI Z1.1 and KPI A9.9 are no codes.'),
    ], cat2025);
    expect(t.x1.codes).toEqual([]);
    expect(t.x2.codes).toEqual([]);
    expect(t.x3.codes).toEqual(['A1']);
    expect(t.x4.codes).toEqual([]); // A4 was deleted in the 2025 Code
    expect(t.x5.codes).toEqual([]);
  });

  it('gives nothing without a catalogue, and is deterministic', () => {
    const units = [unit('a', 'Emissions', [], 'KPI A1.1')];
    expect(deriveAspectTags(units, 'en', [])[0].codes).toEqual([]);
    expect(deriveAspectTags(units, 'en', cat2020)).toEqual(deriveAspectTags(units, 'en', cat2020));
  });
});

describe('runPipeline: derived tags only where no index is printed', () => {
  // the numbered English fixture is organised by the aspects (`4.1 Emissions`, `5.1 Employment` …)
  const src = readFileSync(new URL('../../fixtures/import/en-numbered/harbourline-esg-2021.en.txt', import.meta.url), 'utf8');
  const lines = src.split('\n');
  // the same report without its index chapter (cut at the running header of its first page)
  const noIndex = lines.slice(0, lines.findIndex((l) => /^6\. HKEX ESG REPORTING/.test(l)) - 3).join('\n');
  // units follow the contents page: one per section (`4.1 Emissions` …), keyed here by title
  const fw = (text: string) => Object.fromEntries(runPipeline(text, 'en', {}, 'x.txt', { aspects: cat2020 }).sections.map((s) => [s.title, s.frameworks]));

  it('writes frameworks.hkexDerived from the aspect headings when the index is missing', () => {
    const f = fw(noIndex);
    expect(f['Emissions']).toEqual({ hkex: [], gri: [], hkexDerived: ['A1'] });
    expect(f['Use of Resources']?.hkexDerived).toEqual(['A2']);
    // `Waste Management` and the merged A3/A4 heading are no aspect titles
    expect(f['Waste Management']?.hkexDerived).toBeUndefined();
    expect(f['The Environment, Natural Resources and Climate Change']?.hkexDerived).toBeUndefined();
    const social = ['Employment', 'Health and Safety', 'Development and Training', 'Labour Standards', 'Supply Chain Management', 'Product Responsibility', 'Anti-corruption', 'Community Investment'];
    expect(social.map((t) => f[t]?.hkexDerived)).toEqual([['B1'], ['B2'], ['B3'], ['B4'], ['B5'], ['B6'], ['B7'], ['B8']]);
    expect(f['About this Report']?.hkexDerived).toBeUndefined();
    const mdx = runPipeline(noIndex, 'en', {}, 'x.txt', { aspects: cat2020 }).sections.find((s) => s.title === 'Employment')!.mdx;
    expect(mdx).toContain('frameworks:\n  hkex: []\n  hkexDerived: [B1]\n---');
  });

  it('derives nothing when the report prints its index, or without a catalogue', () => {
    const f = fw(src);
    expect(f['Emissions']?.hkex).toContain('A1.1');
    expect(Object.values(f).some((x) => x && 'hkexDerived' in x)).toBe(false);
    const bare = runPipeline(noIndex, 'en', {}, 'x.txt').sections;
    expect(bare.some((s) => s.mdx.includes('hkexDerived'))).toBe(false);
  });
});

describe('runPipeline: a Chinese report headed by 層面 lines', () => {
  // written in the style of a small issuer's extraction: one detected unit, aspect lines left as text
  const para = (n: number, what: string) => Array.from({ length: n }, (_, i) => `本集團持續檢討${what}相關政策及措施的成效，並按年度目標跟進落實情況（第${i + 1}項）。`).join('\n');
  const text = [
    '環境、社會及管治報告', '', para(3, '管治'), '',
    '層面A1：排放物', '', para(4, '排放'), '本年度溫室氣體排放總量載於關鍵績效指標A1.2，廢棄物數據見A1.3。', '',
    '層面A2：資源使用', '', para(4, '資源'), '',
    '層面B1：僱傭', '', para(4, '僱傭'), '僱員總數按性別劃分（B1.1），流失比率為B1.5%。', '',
    '層面B2：健康與安全', '', para(2, '安全'),
    // a coded line inside a paragraph is a wrapped sentence, not a heading
    '層面B7：反貪污', para(2, '誠信'), '',
  ].join('\n');
  it('takes the coded lines standing alone as headings', () => {
    const s = runPipeline(text, 'zh-Hant', {}, 'x.txt', { aspects: cat2020 }).sections;
    expect(s).toHaveLength(1);
    expect(s[0]!.frameworks?.hkexDerived).toEqual(['A1', 'A1.2', 'A1.3', 'A2', 'B1', 'B1.1', 'B2']);
  });
  it('matches the same report in Simplified', async () => {
    const { ConverterFactory, Locale } = await import('opencc-js');
    const t2s = ConverterFactory(Locale.from.hk, Locale.to.cn) as (s: string) => string;
    const s = runPipeline(t2s(text), 'zh-Hans', {}, 'x.txt', { aspects: cat2020 }).sections;
    expect(t2s(text)).toContain('层面B1：雇佣');
    expect(s[0]!.frameworks?.hkexDerived).toEqual(['A1', 'A1.2', 'A1.3', 'A2', 'B1', 'B1.1', 'B2']);
  });
  it('knows an aspect-code line from a KPI line', () => {
    expect(ASPECT_CODE_LINE.test('層面A1：排放物')).toBe(true);
    expect(ASPECT_CODE_LINE.test('B1 Employment')).toBe(true);
    expect(ASPECT_CODE_LINE.test('A1.排放物')).toBe(true);
    expect(ASPECT_CODE_LINE.test('A1.1 排放物種類')).toBe(false);
    expect(ASPECT_CODE_LINE.test('B12345 units')).toBe(false);
    expect(ASPECT_CODE_LINE.test('Bangkok office')).toBe(false);
  });
});
