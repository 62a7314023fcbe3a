import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  appliesTo,
  childrenOf,
  compareCodes,
  findCodes,
  findItem,
  itemsInOrder,
  loadEdition,
  obligationFor,
  parseCode,
  parseEdition,
  sectionsFor,
  statusFor,
  statusTable,
} from '../../src/lib/frameworks.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ed = loadEdition('hkex-2015', `${root}content/frameworks`);
const source = (lang: string) =>
  readFileSync(`${root}content/reports/alibaba-health/2018/source/alibaba-health-fy2018.${lang}.txt`, 'utf8');
const zhText = source('zh-Hant');
const enText = source('en');
/** The printed ESG index: from its heading to the feedback form. */
const zhIndex = zhText.slice(zhText.indexOf('香港聯交所ESG指標索引'), zhText.indexOf('您的聯繫方式'));
const enIndex = enText.slice(enText.indexOf('Index of HKEX ESG Reporting Guide'), enText.indexOf('Your contact information'));
/** Whitespace-insensitive comparison (the index wraps lines). */
const squash = (s: string) => s.replace(/\s+/g, '').replace(/[‘’]/g, "'");

const KPIS: Record<string, number> = { A1: 6, A2: 5, A3: 1, B1: 2, B2: 3, B3: 2, B4: 2, B5: 2, B6: 5, B7: 2, B8: 2 };

describe('hkex-2015 catalogue', () => {
  it('has the edition metadata', () => {
    expect(ed.id).toBe('hkex-2015');
    expect(ed.appliesFrom).toBe('2016-01-01');
    expect(ed.name.en).toMatch(/Reporting Guide/);
    expect(ed.name['zh-Hant']).toMatch(/環境、社會及管治報告指引/);
    expect(ed.source.map((s) => s.id)).toEqual(['alibaba-health-fy2018-index', 'hkex-appendix-27']);
  });

  it('has 2 subject areas, 11 aspects and 32 KPIs', () => {
    expect(itemsInOrder(ed, 'area').map((i) => i.code)).toEqual(['A', 'B']);
    expect(itemsInOrder(ed, 'aspect').map((i) => i.code)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8']);
    for (const [aspect, n] of Object.entries(KPIS)) {
      const kpis = childrenOf(ed, aspect).map((i) => i.code);
      expect(kpis).toEqual(Array.from({ length: n }, (_, k) => `${aspect}.${k + 1}`));
    }
    expect(itemsInOrder(ed, 'kpi')).toHaveLength(32);
    expect(ed.items).toHaveLength(45);
  });

  it('lists items in Guide order in the file', () => {
    const codes = ed.items.map((i) => i.code);
    expect(codes.slice(0, 9)).toEqual(['A', 'A1', 'A1.1', 'A1.2', 'A1.3', 'A1.4', 'A1.5', 'A1.6', 'A2']);
    expect(codes).toEqual([...codes].sort(compareCodes));
    expect(itemsInOrder(ed).map((i) => i.code)).toEqual(codes);
  });

  it('every item has en and zh-Hant titles; aspects and KPIs have both texts', () => {
    for (const i of ed.items) {
      expect(i.title.en, i.code).toBeTruthy();
      expect(i.title['zh-Hant'], i.code).toMatch(/[\u4e00-\u9fff]/);
      if (i.kind !== 'area') {
        expect(i.text?.en, i.code).toBeTruthy();
        expect(i.text?.['zh-Hant'], i.code).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(findItem(ed, 'A1')?.title).toEqual({ en: 'Emissions', 'zh-Hant': '排放物' });
    expect(findItem(ed, 'A1.2')?.title).toEqual({ en: 'Emissions', 'zh-Hant': '排放物' });
    expect(findItem(ed, 'B8')?.title).toEqual({ en: 'Community Investment', 'zh-Hant': '社區投資' });
  });

  it('every item points at its parent', () => {
    for (const i of ed.items) {
      if (i.kind === 'area') expect(i.aspect).toBeUndefined();
      if (i.kind === 'aspect') expect(i.aspect).toBe(i.code[0]);
      if (i.kind === 'kpi') expect(i.aspect).toBe(i.code.split('.')[0]);
    }
  });

  it('obligations: general disclosures comply-or-explain; environmental KPIs from FY2017; social KPIs recommended', () => {
    for (const i of itemsInOrder(ed, 'aspect')) expect(obligationFor(i, '2016-01-01'), i.code).toBe('comply-or-explain');
    for (const i of itemsInOrder(ed, 'kpi')) {
      if (i.code.startsWith('A')) {
        expect(obligationFor(i, '2016-04-01'), i.code).toBe('recommended');
        expect(obligationFor(i, '2017-01-01'), i.code).toBe('comply-or-explain');
        expect(obligationFor(i, '2017-04-01'), i.code).toBe('comply-or-explain');
      } else {
        expect(obligationFor(i, '2019-01-01'), i.code).toBe('recommended');
      }
    }
    expect(obligationFor(findItem(ed, 'A')!, '2017-01-01')).toBeNull();
    expect(appliesTo(ed, '2017-04-01')).toBe(true); // Alibaba Health FY2018
    expect(appliesTo(ed, '2015-04-01')).toBe(false);
    expect(appliesTo(ed, '2020-07-01')).toBe(false);
  });
});

describe('hkex-2015 against the printed index of the Alibaba Health FY2018 report', () => {
  const zhCodes = findCodes(zhIndex);
  const enCodes = findCodes(enIndex);

  it('extracts the 43 printed codes (11 general disclosures + 32 KPIs) from the zh index', () => {
    expect(zhCodes).toHaveLength(43);
    expect(zhCodes).toEqual(itemsInOrder(ed, ['aspect', 'kpi']).map((i) => i.code));
  });

  it('every code printed in either edition exists in hkex-2015', () => {
    for (const c of [...zhCodes, ...enCodes]) expect(findItem(ed, c), c).toBeDefined();
    // The en index prints B2.3 as "B2.2" (a typo), so it has one code fewer.
    expect(enCodes).not.toContain('B2.3');
    expect(enCodes).toHaveLength(42);
  });

  it('every wording is the printed one (or the `printed` variant when normalised)', () => {
    for (const i of itemsInOrder(ed, ['aspect', 'kpi'])) {
      const zh = i.printed?.['zh-Hant'] ?? i.text!['zh-Hant'];
      const en = i.printed?.en ?? i.text!.en;
      expect(squash(zhIndex).includes(squash(zh)), `${i.code} zh-Hant`).toBe(true);
      expect(squash(enIndex).includes(squash(en)), `${i.code} en`).toBe(true);
      if (i.printed) expect(i.verified, `${i.code} explains its normalisation`).toBeTruthy();
    }
  });

  it('aspect titles are printed in the index, or the difference is noted', () => {
    for (const i of itemsInOrder(ed, 'aspect')) {
      const zhOk = squash(zhIndex).includes(squash(`${i.code}${i.title['zh-Hant']}`));
      const enOk = squash(enIndex).includes(squash(`${i.code}${i.title.en}`));
      if (!zhOk || !enOk) expect(i.verified, i.code).toMatch(/title/);
    }
  });
});

describe('parseCode', () => {
  it.each([
    ['A1.1', 'A1.1'],
    ['a1.1', 'A1.1'],
    ['KPI A1.1', 'A1.1'],
    ['KPI: B6.5', 'B6.5'],
    ['關鍵績效指標 A1.1', 'A1.1'],
    ['關鍵績效指標B5.1', 'B5.1'],
    ['关键绩效指标 A2.5', 'A2.5'],
    ['關績效指標B8.2', 'B8.2'],
    ['Ａ１．１', 'A1.1'],
    [' B7.2 ', 'B7.2'],
    ['A1', 'A1'],
    ['A1 GD', 'A1'],
    ['A1-GD', 'A1'],
    ['A1_GD', 'A1'],
    ['A1 General Disclosure', 'A1'],
    ['B2 一般披露', 'B2'],
    ['Aspect A3', 'A3'],
    ['層面B1', 'B1'],
    ['A1 排放物', 'A1'],
    ['A1: Emissions', 'A1'],
    ['A', 'A'],
    ['Subject Area B', 'B'],
  ])('%s → %s', (mention, code) => {
    expect(parseCode(mention)).toBe(code);
  });
  it.each(['', 'B2B', 'A0', 'A1.0', 'C1', 'Apple', 'A1.1.2', 'GRI 305-1', '19(a)'])('rejects %j', (mention) => {
    expect(parseCode(mention)).toBeNull();
  });
});

describe('findCodes', () => {
  it('finds codes in running text, ignoring B2B and O2O', () => {
    expect(findCodes('B2B與O2O業務；關鍵績效指標A1.2及KPI B6.5，參見A1.2。')).toEqual(['A1.2', 'B6.5']);
  });
});

describe('compareCodes', () => {
  it('sorts in Guide order, numerically', () => {
    const shuffled = ['B1', 'A1.10', 'A2', 'A1.2', 'A', 'B', 'A1', 'B8.2', 'A1.9', 'KPI A1.1'];
    expect([...shuffled].sort(compareCodes)).toEqual(['A', 'A1', 'KPI A1.1', 'A1.2', 'A1.9', 'A1.10', 'A2', 'B', 'B1', 'B8.2']);
  });
  it('puts non-codes last', () => {
    expect(['x', 'A1'].sort(compareCodes)).toEqual(['A1', 'x']);
  });
});

describe('findItem', () => {
  it('accepts mentions', () => {
    expect(findItem(ed, '關鍵績效指標 A1.1')?.code).toBe('A1.1');
    expect(findItem(ed, 'A1-GD')?.kind).toBe('aspect');
    expect(findItem(ed, 'A4')).toBeUndefined(); // Climate change only exists from the 2020 edition
    expect(findItem(ed, 'nonsense')).toBeUndefined();
  });
});

describe('parseEdition validation', () => {
  const raw = parseYaml(readFileSync(`${root}content/frameworks/hkex-2015.yaml`, 'utf8'));
  const clone = () => structuredClone(raw);
  it('accepts the file and rejects broken catalogues with a useful message', () => {
    expect(parseEdition(clone()).items).toHaveLength(45);
    const dup = clone();
    dup.items.push(dup.items[1]);
    expect(() => parseEdition(dup, 'x.yaml')).toThrow(/x\.yaml: .*duplicate code/);
    const order = clone();
    [order.items[2], order.items[3]] = [order.items[3], order.items[2]];
    expect(() => parseEdition(order)).toThrow(/out of Guide order/);
    const kind = clone();
    kind.items[2].kind = 'aspect';
    expect(() => parseEdition(kind)).toThrow(/looks like a kpi/);
    const parent = clone();
    parent.items[2].aspect = 'A2';
    expect(() => parseEdition(parent)).toThrow(/aspect must be A1/);
    const noTitle = clone();
    delete noTitle.items[2].title['zh-Hant'];
    expect(() => parseEdition(noTitle)).toThrow(/items\.2\.title/);
    const extra = clone();
    extra.items[2].colour = 'red';
    expect(() => parseEdition(extra)).toThrow();
    const level = clone();
    level.items[2].obligation = [{ level: 'optional' }];
    expect(() => parseEdition(level)).toThrow(/obligation/);
  });
});

describe('statusFor', () => {
  // Alibaba Health FY2018 as docs/content-format.md describes it.
  const report = {
    comply: [
      { code: 'A2.5', status: 'not-applicable' as const },
      { code: 'B1.2', status: 'not-reported' as const },
      { code: 'B7.1', status: 'explained' as const, explanation: { en: 'No cases.', 'zh-Hant': '沒有案件。' } },
    ],
  };
  const sections = [
    { frameworks: { hkex: ['B6', 'B6.1', 'B6.2', 'B6.4'] } },
    { frameworks: { hkex: ['A1', 'A1.1', 'A1.2'], gri: ['305-1'] } },
    { frameworks: { hkex: [] } },
    {},
  ];

  it('disclosed when a section carries the code', () => {
    expect(statusFor('A1.1', report, sections)).toBe('disclosed');
    expect(statusFor('KPI B6.4', report, sections)).toBe('disclosed');
    expect(statusFor('A1-GD', report, sections)).toBe('disclosed');
  });
  it('comply entries give not-applicable / not-reported / explained', () => {
    expect(statusFor('A2.5', report, sections)).toBe('not-applicable');
    expect(statusFor('B1.2', report, sections)).toBe('not-reported');
    expect(statusFor('B7.1', report, sections)).toBe('explained');
  });
  it('a section tag wins over a comply entry (a tagged code is disclosed, docs/content-format.md)', () => {
    expect(statusFor('B6.1', { comply: [{ code: 'B6.1', status: 'explained' }] }, sections)).toBe('disclosed');
    expect(statusFor('B6.3', { comply: [{ code: 'B6.3', status: 'explained' }] }, sections)).toBe('explained');
  });
  it('no-data when nothing says anything; a KPI tag does not imply the aspect', () => {
    expect(statusFor('B2.1', report, sections)).toBe('no-data');
    expect(statusFor('B6.3', report, sections)).toBe('no-data');
    expect(statusFor('A2', report, [{ frameworks: { hkex: ['A2.1'] } }])).toBe('no-data');
    expect(statusFor('A1.1', {}, [])).toBe('no-data');
  });
  it('accepts Astro collection entries ({ data })', () => {
    const entries = sections.map((data, i) => ({ id: `s${i}`, data }));
    expect(statusFor('A1.2', { data: report }, entries)).toBe('disclosed');
    expect(statusFor('A2.5', { data: report }, entries)).toBe('not-applicable');
    expect(sectionsFor('A1.2', entries).map((e) => e.id)).toEqual(['s1']);
  });
  it('rejects non-codes', () => {
    expect(() => statusFor('GRI 305-1', report, sections)).toThrow(/not an HKEX code/);
  });
  it('statusTable covers every aspect and KPI in Guide order', () => {
    const t = statusTable(ed, report, sections);
    expect(t).toHaveLength(43);
    expect(t[0]).toMatchObject({ item: { code: 'A1' }, status: 'disclosed' });
    expect(t.find((r) => r.item.code === 'A2.5')?.status).toBe('not-applicable');
    expect(t.filter((r) => r.status === 'disclosed').map((r) => r.item.code)).toEqual(['A1', 'A1.1', 'A1.2', 'B6', 'B6.1', 'B6.2', 'B6.4']);
  });
});
