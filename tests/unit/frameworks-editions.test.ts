/**
 * The 2020 and 2025 HKEX catalogues, cross-edition lineage and the helpers around several editions
 * (src/lib/frameworks.ts, docs/frameworks.md). The JD Health 2024 printed index is copied below as
 * literals (file: /work/shared/seeds/jd-health-2024.zh-Hant.txt, line numbers as printed there), so the
 * test does not depend on the shared seed folder.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  applicableEdition,
  checkLineage,
  childrenOf,
  codeOfKey,
  compareCodes,
  editionOfCode,
  findCodes,
  findItem,
  isDeleted,
  itemKey,
  itemsInOrder,
  lineage,
  loadEdition,
  loadEditions,
  obligationFor,
  parseCode,
  parseEdition,
  parseKey,
  resolveKey,
  STATUSES,
  statusFor,
  statusTable,
  type FrameworkEdition,
} from '../../src/lib/frameworks.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = `${root}content/frameworks`;
const editions = loadEditions(undefined, dir);
const e15 = loadEdition('hkex-2015', dir);
const e20 = loadEdition('hkex-2020', dir);
const e25 = loadEdition('hkex-2025', dir);
const codes = (ed: FrameworkEdition, kinds?: Parameters<typeof itemsInOrder>[1]) => itemsInOrder(ed, kinds).map((i) => i.code);
const squash = (s: string) => s.replace(/\s+/g, '').replace(/[‘’]/g, "'");

/** JD Health 2024 ESG report, HKEX index 聯交所ESG指引 (jd-health-2024.zh-Hant.txt L5229–5508, blank lines left out). */
const JD_INDEX: ReadonlyArray<readonly [number, string]> = [
  [5229, "聯交所ESG指引"],
  [5231, "層面、一般披露及關鍵績效指標 描述 披露章節"],
  [5233, "A: 環境"],
  [5235, "A1: 排放物"],
  [5237, "一般披露"],
  [5239, "有關廢氣及溫室氣體排放、向水及土地的排污、有害及無"],
  [5240, "害廢物的產生等的："],
  [5241, "(a)政策；及"],
  [5242, "(b) 遵守對發行人有重大影響的相關法律及規例的資料。"],
  [5244, "合理使用資源"],
  [5245, "排放控制"],
  [5247, "關鍵績效指標 A1.1 排放物種類及相關排放數據。"],
  [5248, "合理使用資源"],
  [5249, "排放控制"],
  [5251, "關鍵績效指標 A1.2 （於 2025 年 1 月 1 日刪除）"],
  [5253, "關鍵績效指標 A1.3"],
  [5254, "所產生的有害廢物總量（以噸計算）及（如適用）密度（如"],
  [5255, "以每產量單位、每項設施計算）。"],
  [5257, "合理使用資源"],
  [5258, "排放控制"],
  [5260, "關鍵績效指標 A1.4"],
  [5261, "所產生無害廢物總量（以噸計算）及（如適用）密度（如以"],
  [5262, "每產量單位、每項設施計算）。"],
  [5264, "合理使用資源"],
  [5265, "排放控制"],
  [5267, "關鍵績效指標 A1.5"],
  [5268, "描述所訂立的排放量目標及為達到這些目標所採取的"],
  [5269, "步驟。"],
  [5271, "合理使用資源"],
  [5272, "排放控制"],
  [5274, "關鍵績效指標 A1.6"],
  [5275, "描述處理有害及無害廢物的方法，及描述所訂立的減廢目"],
  [5276, "標及為達到這些目標所採取的步驟。"],
  [5278, "合理使用資源"],
  [5279, "排放控制"],
  [5281, "A2: 資源使用"],
  [5283, "一般披露 有效使用資源（包括能源、水及其他原材料）的政策。"],
  [5284, "合理使用資源"],
  [5285, "能源和資源管理"],
  [5287, "關鍵績效指標 A2.1"],
  [5288, "按類型劃分的直接及/或間接能源（如電、氣或油）總耗量"],
  [5290, "（以千千瓦時計算）及密度（如以每產量單位、每項設施"],
  [5291, "計算）。"],
  [5293, "合理使用資源"],
  [5294, "能源和資源管理"],
  [5296, "關鍵績效指標 A2.2 總耗水量及密度（如以每產量單位、每項設施計算）。"],
  [5297, "合理使用資源"],
  [5298, "能源和資源管理"],
  [5300, "關鍵績效指標 A2.3"],
  [5301, "描述所訂立的能源使用效益目標及為達到這些目標所採取"],
  [5302, "的步驟。"],
  [5304, "合理使用資源"],
  [5305, "能源和資源管理"],
  [5307, "關鍵績效指標 A2.4"],
  [5308, "描述求取適用水源上可有任何問題，以及所訂立的用水效"],
  [5309, "益目標及為達到這些目標所採取的步驟。"],
  [5311, "合理使用資源"],
  [5312, "能源和資源管理"],
  [5314, "關鍵績效指標 A2.5"],
  [5315, "制成品所用包裝材料的總量（以噸計算）及（如適用）每生"],
  [5316, "產單位佔量。"],
  [5318, "合理使用資源"],
  [5319, "能源和資源管理"],
  [5321, "A3: 環境及天然資源"],
  [5323, "一般披露 減低發行人對環境及天然資源造成重大影響的政策。"],
  [5324, "合理使用資源"],
  [5325, "能源和資源管理、生物多樣"],
  [5326, "性保護"],
  [5328, "關鍵績效指標 A3.1"],
  [5329, "描述業務活動對環境及天然資源的重大影響及已採取管理"],
  [5330, "有關影響的行動。"],
  [5332, "合理使用資源"],
  [5333, "能源和資源管理、生物多樣"],
  [5334, "性保護"],
  [5336, "層面、一般披露及關鍵績效指標 描述 披露章節"],
  [5338, "A4: 氣候變化"],
  [5340, "一般披露 （於 2025 年 1 月 1 日刪除） /"],
  [5342, "關鍵績效指標 A4.1 （於 2025 年 1 月 1 日刪除） /"],
  [5344, "B: 社會"],
  [5346, "僱傭及勞工常規"],
  [5348, "B1: 僱傭"],
  [5350, "一般披露"],
  [5352, "有關薪酬及解僱、招聘及晋升、工作時數、假期、平等機"],
  [5353, "會、多元化、反歧視以及其他待遇及福利的："],
  [5354, "(a) 政策；及"],
  [5355, "(b) 遵守對發行人有重大影響的相關法律及規例的資料。"],
  [5357, "人才成長"],
  [5359, "關鍵績效指標 B1.1"],
  [5360, "按性別、僱傭類型（如全職或兼職）、年齡組別及地區劃分"],
  [5361, "的員工總數。"],
  [5363, "人才成長"],
  [5365, "關鍵績效指標 B1.2 按性別、年齡組別及地區劃分的員工流失率。 人才成長"],
  [5367, "B2: 健康與安全"],
  [5369, "一般披露"],
  [5370, "有關提供安全工作環境及保障僱員避免職業性危害的："],
  [5371, "(a) 政策；及"],
  [5372, "(b) 遵守對發行人有重大影響的相關法律及規例的資料。"],
  [5374, "人才成長"],
  [5376, "關鍵績效指標 B2.1 過去三年（包括匯報年度）每年因工亡故的人數及比率。 人才成長"],
  [5378, "關鍵績效指標 B2.2 因工傷損失工作日數。 人才成長"],
  [5380, "關鍵績效指標 B2.3"],
  [5381, "描述所採納的職業健康與安全措施，以及相關執行及監察"],
  [5382, "方法。"],
  [5384, "人才成長"],
  [5386, "B3: 發展與培訓"],
  [5388, "一般披露"],
  [5389, "有關提升僱員履行工作職責的知識及技能的政策。描述培"],
  [5390, "訓活動。"],
  [5392, "人才成長"],
  [5394, "關鍵績效指標 B3.1"],
  [5395, "按性別及僱員類別（如高級管理層、中級管理層）劃分的"],
  [5396, "受訓僱員百分比。"],
  [5398, "人才成長"],
  [5400, "關鍵績效指標 B3.2 按性別及僱員類別劃分，每名僱員完成受訓的平均時數。 人才成長"],
  [5402, "B4: 勞工準則"],
  [5404, "一般披露"],
  [5405, "有關防止童工或強制勞工的："],
  [5406, "(a) 政策；及"],
  [5407, "(b) 遵守對發行人有重大影響的相關法律及規例的資料。"],
  [5409, "人才成長"],
  [5411, "關鍵績效指標 B4.1 描述檢討招聘慣例的措施以避免童工及強制勞工。 人才成長"],
  [5413, "關鍵績效指標 B4.2 描述在發現違規情況時消除有關情況所採取的步驟。 人才成長"],
  [5414, "層面、一般披露及關鍵績效指標 描述 披露章節"],
  [5416, "營運慣例"],
  [5418, "B5:供應鏈管理"],
  [5420, "一般披露 管理供應鏈的環境及社會風險政策。 責任供應鏈"],
  [5422, "關鍵績效指標B5.1 按地區劃分的供應商數目。 責任供應鏈"],
  [5424, "關鍵績效指標B5.2"],
  [5425, "描述有關聘用供應商的慣例，向其執行有關慣例的供應商"],
  [5426, "數目，以及相關執行及監察方法。"],
  [5428, "責任供應鏈"],
  [5430, "關鍵績效指標B5.3"],
  [5431, "描述有關識別供應鏈每個環節的環境及社會風險的慣例，"],
  [5432, "以及相關管理及監察方法。"],
  [5434, "責任供應鏈"],
  [5436, "關鍵績效指標B5.4"],
  [5437, "描述在挑選供應商時促使多用環保產品及服務的慣例，以"],
  [5438, "及相關管理及監察方法。"],
  [5440, "責任供應鏈"],
  [5442, "B6:產品責任"],
  [5444, "一般披露"],
  [5446, "有關所提供產品和服務的健康與安全、廣告、標簽及隱私"],
  [5447, "事宜以及補救方法的："],
  [5448, "(a)政策；及"],
  [5449, "(b)遵守對發行人有重大影響的相關法律及規例的資料。"],
  [5451, "品質保障"],
  [5452, "負責任營銷"],
  [5454, "關鍵績效指標B6.1"],
  [5455, "已售或已運送產品總數中因安全與健康理由而須回收的百"],
  [5456, "分比。"],
  [5458, "品質保障"],
  [5460, "關鍵績效指標B6.2 接獲關於產品及服務的投訴數目以及應對方法。 品質保障"],
  [5462, "關鍵績效指標B6.3 描述與維護及保障知識產權有關的慣例。 知識產權管理"],
  [5464, "關鍵績效指標B6.4 描述質量檢定過程及產品回收程序。 品質保障"],
  [5466, "關鍵績效指標B6.5"],
  [5467, "描述消費者資料保障及隱私政策，以及相關管理及監察"],
  [5468, "方法。"],
  [5470, "構建用戶信任"],
  [5471, "信息安全與隱私保護"],
  [5473, "B7:反貪污"],
  [5475, "一般披露"],
  [5476, "有關防止賄賂、勒索、欺詐及洗黑錢的："],
  [5477, "(a)政策；及"],
  [5478, "(b)遵守對發行人有重大影響的相關法律及規例的資料。"],
  [5480, "商業道德"],
  [5482, "關鍵績效指標B7.1"],
  [5483, "於匯報期內對發行人或其僱員提出並已審結的貪污訴訟案"],
  [5484, "件的數目及訴訟結果。"],
  [5486, "商業道德"],
  [5488, "關鍵績效指標B7.2 描述防範措施及舉報程序，以及相關管理及監察方法。 商業道德"],
  [5490, "關鍵績效指標B7.3 描述向董事及員工提供的反貪污培訓。 商業道德"],
  [5492, "社區"],
  [5494, "B8:社區投資"],
  [5496, "一般披露"],
  [5497, "有關以社區參與來了解營運所在社區需要和確保其業務活"],
  [5498, "動會考慮社區利益的政策。"],
  [5500, "民生健康"],
  [5502, "關鍵績效指標B8.1"],
  [5503, "專注貢獻領域（如教育、環境事宜、勞工需求、健康、文"],
  [5504, "化、體育）。"],
  [5506, "民生健康"],
  [5508, "關績效指標B8.2 在專注領域所動用資源（如金錢或時間）。 民生健康"],
];
/** The same report's climate table 氣候相關披露 (jd-health-2024.zh-Hant.txt L5510–5577, blank lines left out). */
const JD_CLIMATE: ReadonlyArray<readonly [number, string]> = [
  [5510, "氣候相關信息披露"],
  [5512, "氣候相關披露 披露章節"],
  [5514, "氣候相關"],
  [5515, "披露"],
  [5517, "管治 管治"],
  [5518, "合理使用資源"],
  [5519, "應對氣候變化"],
  [5521, "策略"],
  [5523, "氣候相關風險及機遇"],
  [5524, "合理使用資源"],
  [5525, "應對氣候變化"],
  [5527, "業務模式和價值鏈"],
  [5528, "合理使用資源"],
  [5529, "應對氣候變化"],
  [5531, "策略和決策"],
  [5532, "合理使用資源"],
  [5533, "應對氣候變化"],
  [5535, "財務狀況，財務表現以現金流量 /"],
  [5537, "氣候韌性"],
  [5538, "合理使用資源"],
  [5539, "應對氣候變化"],
  [5541, "氣候相關風險及機遇的財務影響 /"],
  [5543, "風險管理 風險管理"],
  [5544, "合理使用資源"],
  [5545, "應對氣候變化"],
  [5547, "指標及目標"],
  [5549, "溫室氣體排放"],
  [5550, "合理使用資源"],
  [5551, "應對氣候變化"],
  [5553, "氣候相關轉型風險"],
  [5554, "合理使用資源"],
  [5555, "應對氣候變化"],
  [5557, "氣候相關物理風險"],
  [5558, "合理使用資源"],
  [5559, "應對氣候變化"],
  [5561, "氣候相關機遇"],
  [5562, "合理使用資源"],
  [5563, "應對氣候變化"],
  [5565, "資本運作 /"],
  [5567, "內部碳定價 /"],
  [5569, "薪酬 /"],
  [5571, "行業指標 /"],
  [5573, "氣候相關目標"],
  [5574, "合理使用資源"],
  [5575, "應對氣候變化"],
  [5577, "跨行業指標以及行業指標適用性 /"],
];
const jdIndex = JD_INDEX.map(([, t]) => t).join('\n');
const jdLine = (n: number) => JD_INDEX.find(([l]) => l === n)?.[1] ?? '';

const KPIS_2020: Record<string, number> = { A1: 6, A2: 5, A3: 1, A4: 1, B1: 2, B2: 3, B3: 2, B4: 2, B5: 4, B6: 5, B7: 3, B8: 2 };
const PART_D = Array.from({ length: 22 }, (_, k) => `D${k + 19}`);

describe('hkex-2020 catalogue', () => {
  it('has the edition metadata', () => {
    expect(e20.appliesFrom).toBe('2020-07-01');
    expect(e20.appliesUntil).toBe('2025-01-01');
    expect(e20.name['zh-Hant']).toMatch(/環境、社會及管治報告指引/);
    expect(e20.source.map((s) => s.id)).toEqual(['hkex-2019-conclusions', 'hkex-appendix-27-2020', 'jd-health-2024-index']);
  });

  it('Part B MDR13–MDR15, areas A and B, aspects A1–A4 and B1–B8, 36 KPIs incl. A4.1, B5.3, B5.4, B7.3', () => {
    expect(codes(e20, 'mandatory')).toEqual(['MDR13', 'MDR14', 'MDR15']);
    expect(codes(e20, 'area')).toEqual(['A', 'B']);
    expect(codes(e20, 'aspect')).toEqual(['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8']);
    for (const [aspect, n] of Object.entries(KPIS_2020)) {
      expect(childrenOf(e20, aspect).map((i) => i.code)).toEqual(Array.from({ length: n }, (_, k) => `${aspect}.${k + 1}`));
    }
    for (const c of ['A4.1', 'B5.3', 'B5.4', 'B7.3']) expect(findItem(e20, c)?.kind, c).toBe('kpi');
    expect(codes(e20, 'kpi')).toHaveLength(36);
    expect(e20.items).toHaveLength(53);
    expect(e20.items.map((i) => i.code)).toEqual(codes(e20)); // file in Guide order, Part B first
    expect(e20.items.some(isDeleted)).toBe(false);
  });

  it('titles in en and zh-Hant; every non-area item has both texts', () => {
    for (const i of e20.items) {
      expect(i.title.en, i.code).toBeTruthy();
      expect(i.title['zh-Hant'], i.code).toMatch(/[\u4e00-\u9fff]/);
      if (i.kind !== 'area') expect(i.text?.['zh-Hant'], i.code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(findItem(e20, 'A4')?.title).toEqual({ en: 'Climate Change', 'zh-Hant': '氣候變化' });
    expect(findItem(e20, 'MDR13')?.title).toEqual({ en: 'Governance Structure', 'zh-Hant': '管治架構' });
  });

  it('obligations: Part B mandatory, every general disclosure and KPI comply or explain (social KPIs upgraded)', () => {
    for (const i of itemsInOrder(e20, 'mandatory')) expect(obligationFor(i, '2020-07-01'), i.code).toBe('mandatory');
    for (const i of itemsInOrder(e20, ['aspect', 'kpi'])) expect(obligationFor(i, '2020-07-01'), i.code).toBe('comply-or-explain');
    expect(obligationFor(findItem(e15, 'B1.1')!, '2019-01-01')).toBe('recommended');
    expect(findItem(e20, 'B1.1')?.change).toMatch(/comply or explain from 2020/);
  });

  it('carries the 2019 amendments', () => {
    const en = (c: string) => findItem(e20, c)!.text!.en;
    expect(en('A1.2')).toMatch(/^Direct \(Scope 1\) and energy indirect \(Scope 2\) greenhouse gas emissions/);
    for (const c of ['A1.5', 'A1.6', 'A2.3', 'A2.4']) expect(en(c), c).toMatch(/target\(s\) set and steps taken to achieve them/);
    expect(en('B1.1')).toMatch(/\(for example, full- or part-time\)/);
    expect(en('B2.1')).toBe('Number and rate of work-related fatalities occurred in each of the past three years including the reporting year.');
    expect(findItem(e20, 'B2.1')!.text!['zh-Hant']).toBe('過去三年（包括匯報年度）每年因工亡故的人數及比率。');
    expect(en('B7.3')).toBe('Description of anti-corruption training provided to directors and staff.');
    expect(en('A4.1')).toMatch(/climate-related issues/);
  });

  it('unverified wording says so', () => {
    for (const c of ['MDR13', 'MDR14', 'MDR15', 'A1.2', 'A4', 'A4.1']) expect(findItem(e20, c)!.verified, c).toMatch(/NOT checked/);
    for (const i of itemsInOrder(e20, ['aspect', 'kpi'])) expect(i.verified, i.code).toMatch(/en NOT checked|NOT checked against a printed source/);
  });
});

describe('hkex-2025 catalogue', () => {
  it('has the edition metadata', () => {
    expect(e25.appliesFrom).toBe('2025-01-01');
    expect(e25.appliesUntil).toBeUndefined();
    expect(e25.name['zh-Hant']).toMatch(/環境、社會及管治報告守則/);
    expect(e25.instrument?.en).toMatch(/Appendix C2/);
  });

  it('Parts B, C (with A1.2, A4, A4.1 deleted) and D (paragraphs 19–40)', () => {
    expect(codes(e25, 'mandatory')).toEqual(['MDR13', 'MDR14', 'MDR15']);
    expect(codes(e25, 'area')).toEqual(['A', 'B', 'D']);
    expect(codes(e25, ['aspect', 'kpi'])).toEqual(codes(e20, ['aspect', 'kpi'])); // deleted items are kept
    expect(e25.items.filter(isDeleted).map((i) => i.code)).toEqual(['A1.2', 'A4', 'A4.1']);
    expect(codes(e25, 'paragraph')).toEqual(PART_D);
    expect(childrenOf(e25, 'D').map((i) => i.code)).toEqual(PART_D);
    expect(e25.items).toHaveLength(76);
    expect(e25.items.map((i) => i.code)).toEqual(codes(e25));
    for (const i of itemsInOrder(e25, 'paragraph')) {
      expect(i.title['zh-Hant'], i.code).toMatch(/[\u4e00-\u9fff]/);
      expect(i.verified, i.code).toMatch(/NOT checked against Appendix C2/);
    }
  });

  it('deleted items: no obligation, dated, pointing at Part D', () => {
    for (const c of ['A1.2', 'A4', 'A4.1']) {
      const i = findItem(e25, c)!;
      expect(i.deletedFrom, c).toBe('2025-01-01');
      expect(obligationFor(i, '2025-01-01'), c).toBeNull();
      expect(i.successor?.length, c).toBeGreaterThan(0);
      for (const k of i.successor!) expect(k, c).toMatch(/^hkex-2025:D(19|2\d)$/);
    }
    expect(findItem(e25, 'A1.2')!.successor).toEqual(['hkex-2025:D28']);
    expect(findItem(e25, 'A4')!.successor).toEqual(PART_D.slice(0, 9).map((c) => `hkex-2025:${c}`));
  });

  it('Part C wording of the surviving items is the 2020 wording', () => {
    for (const i of itemsInOrder(e25, ['mandatory', 'aspect', 'kpi'])) {
      if (i.deleted) continue;
      expect(i.text, i.code).toEqual(findItem(e20, i.code)!.text);
      expect(i.title, i.code).toEqual(findItem(e20, i.code)!.title);
    }
  });

  it('obligations: Part B mandatory; Part C comply or explain; Scope 1/2 (D28) mandatory; Part D phased', () => {
    for (const i of itemsInOrder(e25, 'mandatory')) expect(obligationFor(i, '2025-01-01'), i.code).toBe('mandatory');
    for (const i of itemsInOrder(e25, ['aspect', 'kpi'])) {
      if (!i.deleted) expect(obligationFor(i, '2025-01-01'), i.code).toBe('comply-or-explain');
    }
    const d28 = findItem(e25, 'D28')!;
    expect(obligationFor(d28, '2025-01-01')).toBe('mandatory');
    expect(obligationFor(d28, '2025-01-01', 'gem')).toBe('mandatory');
    expect(d28.obligationNote).toMatch(/Scope 3/);
    for (const c of PART_D.filter((c) => c !== 'D28')) {
      const i = findItem(e25, c)!;
      expect(obligationFor(i, '2025-01-01'), c).toBe('comply-or-explain');
      expect(obligationFor(i, '2025-06-01', 'largecap'), c).toBe('comply-or-explain');
      expect(obligationFor(i, '2026-01-01', 'largecap'), c).toBe('mandatory');
      expect(obligationFor(i, '2026-01-01'), c).toBe('comply-or-explain');
      expect(obligationFor(i, '2025-01-01', 'gem'), c).toBe('voluntary');
    }
  });
});

describe('hkex-2025 against the printed index of the JD Health 2024 report', () => {
  const printed = findCodes(jdIndex);

  it('every printed code exists in hkex-2025 (48 codes: 12 aspects + 36 KPIs, incl. the deleted ones)', () => {
    expect(printed).toHaveLength(48);
    for (const c of printed) expect(findItem(e25, c), c).toBeDefined();
    expect(printed).toEqual(codes(e25, ['aspect', 'kpi']));
    // The row typo 關績效指標B8.2 (L5508) is still recognised.
    expect(jdLine(5508)).toMatch(/^關績效指標B8\.2/);
  });

  it('the rows printed as deleted are exactly the deleted items (L5251, L5340, L5342)', () => {
    const deletedRows = JD_INDEX.filter(([, t]) => t.includes('於 2025 年 1 月 1 日刪除')).map(([l]) => l);
    expect(deletedRows).toEqual([5251, 5340, 5342]);
    expect(jdLine(5251)).toMatch(/A1\.2/);
    expect(jdLine(5342)).toMatch(/A4\.1/);
    expect(JD_INDEX.find(([l]) => l === 5338)?.[1]).toBe('A4: 氣候變化'); // the general disclosure row of A4 is L5340
    for (const c of ['A1.2', 'A4', 'A4.1']) expect(findItem(e25, c)!.printed?.['zh-Hant'], c).toBe('（於 2025 年 1 月 1 日刪除）');
  });

  it('every other zh-Hant wording is the printed one (or the `printed` variant, explained in `verified`)', () => {
    for (const i of itemsInOrder(e25, ['aspect', 'kpi'])) {
      if (i.deleted) continue;
      const zh = i.printed?.['zh-Hant'] ?? i.text!['zh-Hant'];
      expect(squash(jdIndex).includes(squash(zh)), i.code).toBe(true);
      if (i.printed) expect(i.verified, i.code).toMatch(/printed/);
      expect(i.verified, i.code).toMatch(/jd-health-2024\.zh-Hant\.txt L\d{4}/);
    }
  });

  it('aspect headings are printed as "<code>: <title>", or the difference is noted', () => {
    for (const i of itemsInOrder(e25, 'aspect')) {
      if (!squash(jdIndex).includes(squash(`${i.code}:${i.title['zh-Hant']}`))) expect(i.verified, i.code).toMatch(/title/);
    }
  });

  it('every heading of the climate table is the zh-Hant title (or printed variant) of a Part D paragraph', () => {
    // Headings with a disclosure chapter or "/"; the group rows (策略, 指標及目標) and the issuer's own summary
    // row 跨行業指標以及行業指標適用性 (L5577) have no paragraph of their own.
    const headings = JD_CLIMATE.filter(([l]) => l >= 5517)
      .map(([l, t]) => [l, t.replace(/\s*\/$/, '').replace(/^管治 管治$/, '管治').replace(/^風險管理 風險管理$/, '風險管理')] as const)
      .filter(([, t]) => !['策略', '指標及目標', '合理使用資源', '應對氣候變化', '跨行業指標以及行業指標適用性'].includes(t));
    expect(headings.map(([l]) => l)).toEqual([5517, 5523, 5527, 5531, 5535, 5537, 5541, 5543, 5549, 5553, 5557, 5561, 5565, 5567, 5569, 5571, 5573]);
    const paras = itemsInOrder(e25, 'paragraph');
    for (const [line, t] of headings) {
      const p = paras.find((i) => i.title['zh-Hant'] === t || i.printed?.['zh-Hant'] === t);
      expect(p, `L${line} ${t}`).toBeDefined();
      expect(p!.verified, p!.code).toContain(`L${line}`);
    }
  });
});

describe('lineage across hkex-2015, hkex-2020 and hkex-2025', () => {
  it('loads the three editions, oldest first', () => {
    expect(editions.map((e) => e.id)).toEqual(['hkex-2015', 'hkex-2020', 'hkex-2025']);
  });

  it('every reference resolves and is symmetric (checked here independently of checkLineage)', () => {
    let links = 0;
    for (const ed of editions) {
      for (const item of ed.items) {
        const self = itemKey(ed, item.code);
        for (const k of item.successor ?? []) {
          const t = resolveKey(k, editions);
          expect(t, `${self} → ${k}`).toBeDefined();
          expect(t!.item.predecessor ?? [], `${k} ← ${self}`).toContain(self);
          links++;
        }
        for (const k of item.predecessor ?? []) {
          const t = resolveKey(k, editions);
          expect(t, `${self} ← ${k}`).toBeDefined();
          expect(t!.item.successor ?? [], `${k} → ${self}`).toContain(self);
        }
      }
    }
    expect(links).toBe(45 + 53 + 1 + 9 + 8);
    expect(checkLineage(editions)).toEqual([]);
  });

  it('every item is linked: same code forward, new items have no predecessor', () => {
    for (const i of e15.items) expect(i.successor, i.code).toEqual([`hkex-2020:${i.code}`]);
    for (const i of e20.items) expect(i.successor, i.code).toEqual([`hkex-2025:${i.code}`]);
    expect(e20.items.filter((i) => !i.predecessor).map((i) => i.code)).toEqual(['MDR13', 'MDR14', 'MDR15', 'A4', 'A4.1', 'B5.3', 'B5.4', 'B7.3']);
    expect(e25.items.filter((i) => !i.predecessor).map((i) => i.code)).toEqual(['D', ...PART_D.slice(10)]);
    for (const i of e20.items.filter((i) => i.predecessor)) expect(i.predecessor, i.code).toEqual([`hkex-2015:${i.code}`]);
  });

  it('lineage follows the GHG KPI from 2015 to Part D ¶28', () => {
    const chain = lineage('A1.2', 'hkex-2015', editions).map((e) => `${e.relation}:${e.key}`);
    expect(chain).toEqual(['self:hkex-2015:A1.2', 'successor:hkex-2020:A1.2', 'successor:hkex-2025:A1.2', 'successor:hkex-2025:D28']);
    const back = lineage('D28', e25, editions).map((e) => e.key);
    expect(back).toEqual(['hkex-2015:A1.2', 'hkex-2020:A1.2', 'hkex-2025:A1.2', 'hkex-2025:D28']);
    expect(lineage('KPI B5.3', 'hkex-2025', editions).map((e) => e.key)).toEqual(['hkex-2020:B5.3', 'hkex-2025:B5.3']);
    expect(lineage('A4', e20, editions).map((e) => e.key)).toEqual(['hkex-2020:A4', 'hkex-2025:A4', ...PART_D.slice(0, 9).map((c) => `hkex-2025:${c}`)]);
    expect(lineage('A9', e20, editions)).toEqual([]);
  });

  it('checkLineage reports dangling, one-sided and backwards references', () => {
    const clone = () => editions.map((e) => structuredClone(e));
    const dangling = clone();
    dangling[0]!.items[1]!.successor = ['hkex-2020:A9'];
    expect(checkLineage(dangling).join('\n')).toMatch(/hkex-2015:A1: successor hkex-2020:A9 does not exist/);
    const oneSided = clone();
    delete oneSided[1]!.items.find((i) => i.code === 'B8.2')!.predecessor;
    expect(checkLineage(oneSided).join('\n')).toMatch(/hkex-2015:B8\.2: successor hkex-2020:B8\.2 does not list hkex-2015:B8\.2 as its predecessor/);
    const backwards = clone();
    backwards[1]!.items.find((i) => i.code === 'B8.2')!.successor = ['hkex-2015:B8.2'];
    expect(checkLineage(backwards).join('\n')).toMatch(/must be in a later edition/);
    const overlap = clone();
    overlap[0]!.appliesUntil = '2021-01-01';
    expect(checkLineage(overlap).join('\n')).toMatch(/hkex-2015 overlaps hkex-2020/);
  });
});

describe('applicableEdition', () => {
  it.each([
    ['2016-01-01', 'hkex-2015'],
    ['2017-04-01', 'hkex-2015'], // Alibaba Health FY2018 (April 2017 – March 2018)
    ['2020-06-30', 'hkex-2015'],
    ['2020-07-01', 'hkex-2020'],
    ['2023-04-01', 'hkex-2020'], // Alibaba FY2023
    ['2024-12-31', 'hkex-2020'],
    ['2025-01-01', 'hkex-2025'],
    ['2030-04-01', 'hkex-2025'],
  ])('financial year starting %s → %s', (fyStart, id) => {
    expect(applicableEdition(fyStart, editions)?.id).toBe(id);
    expect(applicableEdition(fyStart, Object.fromEntries(editions.map((e) => [e.id, e])))?.id).toBe(id);
  });

  it('JD Health 2024 (calendar year 2024) falls under hkex-2020, although its index references hkex-2025', () => {
    // The financial year starts 2024-01-01, before the Code's 2025-01-01 start, so the applicable edition is
    // hkex-2020; the report prints the 2025 Code's index (deletions dated 2025-01-01, L5251) and cites
    // Appendix C2《環境、社會及管治報告守則》 (L40–41): hkex-2025 is its *referenced* edition (report.yaml hkexEdition).
    expect(applicableEdition('2024-01-01', editions)?.id).toBe('hkex-2020');
    expect(findCodes(jdIndex).every((c) => findItem(e25, c))).toBe(true);
    // JD Health's financial year 2025 is the first to which hkex-2025 applies.
    expect(applicableEdition('2025-01-01', editions)?.id).toBe('hkex-2025');
  });

  it('undefined before the first edition; rejects malformed dates and overlapping editions', () => {
    expect(applicableEdition('2015-12-31', editions)).toBeUndefined();
    expect(() => applicableEdition('2020-7-1', editions)).toThrow(/YYYY-MM-DD/);
    const overlap = editions.map((e) => ({ ...e }));
    overlap[0]!.appliesUntil = '2021-01-01';
    expect(() => applicableEdition('2020-09-01', overlap)).toThrow(/hkex-2015 and hkex-2020 both apply/);
  });
});

describe('item keys', () => {
  it('build, split and resolve edition:code keys', () => {
    expect(itemKey('hkex-2020', 'KPI A1.2')).toBe('hkex-2020:A1.2');
    expect(itemKey(e25, 'Part D paragraph 28(a)')).toBe('hkex-2025:D28');
    expect(editionOfCode('hkex-2020:A1.2')).toBe('hkex-2020');
    expect(codeOfKey('hkex-2025:MDR13')).toBe('MDR13');
    expect(parseKey('hkex-2015:B8.2')).toEqual({ edition: 'hkex-2015', code: 'B8.2' });
    expect(parseKey('A1.2')).toBeNull();
    expect(editionOfCode('hkex-2020')).toBeNull();
    expect(resolveKey('hkex-2025:D19', editions)?.item.title.en).toBe('Governance');
    expect(findItem(e25, 'Part D')?.title.en).toBe('Climate-related Disclosures');
    expect(resolveKey('hkex-2015:A4', editions)).toBeUndefined();
    expect(resolveKey('hkex-2030:A1', editions)).toBeUndefined();
  });
});

describe('parseCode and compareCodes for Part B and Part D codes', () => {
  it.each([
    ['MDR13', 'MDR13'],
    ['MDR 14', 'MDR14'],
    ['mdr-15', 'MDR15'],
    ['D19', 'D19'],
    ['d.28', 'D28'],
    ['D28(a)(i)', 'D28'],
    ['Part D 27', 'D27'],
    ['Part D paragraph 28(b)', 'D28'],
    ['Part D ¶40', 'D40'],
    ['D', 'D'],
    ['Part D', 'D'],
  ])('%s → %s', (mention, code) => {
    expect(parseCode(mention)).toBe(code);
  });
  it.each(['D1', 'D05', 'MDR0', '19(a)', '28', 'Part E', 'DD19'])('rejects %j', (mention) => {
    expect(parseCode(mention)).toBeNull();
  });
  it('orders Part B, Part C, Part D', () => {
    const shuffled = ['D19', 'B8.2', 'MDR15', 'A', 'D', 'D40', 'MDR13', 'A4.1', 'D28(a)'];
    expect([...shuffled].sort(compareCodes)).toEqual(['MDR13', 'MDR15', 'A', 'A4.1', 'B8.2', 'D', 'D19', 'D28(a)', 'D40']);
  });
  it('findCodes still only finds Part C codes in running text', () => {
    expect(findCodes('見D19及MDR13；KPI A1.2')).toEqual(['A1.2']);
  });
});

describe('statusFor / statusTable with deleted items', () => {
  const report = {
    comply: [
      { code: 'A4.1', status: 'not-reported' as const },
      { code: 'D34', status: 'explained' as const, explanation: { en: 'No internal carbon price.', 'zh-Hant': '未設內部碳定價。' } },
    ],
  };
  const sections = [{ frameworks: { hkex: ['MDR13', 'A1', 'A1.1', 'D28', 'A4'] } }];

  it("adds 'deleted' to STATUSES", () => {
    expect(STATUSES).toEqual(['disclosed', 'not-applicable', 'explained', 'not-reported', 'no-data', 'deleted']);
  });
  it('a deleted item is deleted, whatever comply says, unless a section discloses it', () => {
    expect(statusFor('A1.2', report, sections, e25)).toBe('deleted');
    expect(statusFor('A4.1', report, sections, e25)).toBe('deleted');
    expect(statusFor('A4', report, sections, e25)).toBe('disclosed');
    // Without the edition (the 3-argument call) nothing changes; in hkex-2020 A1.2 is not deleted.
    expect(statusFor('A1.2', report, sections)).toBe('no-data');
    expect(statusFor('A4.1', report, sections)).toBe('not-reported');
    expect(statusFor('A4.1', report, sections, e20)).toBe('not-reported');
  });
  it('Part B and Part D codes have statuses', () => {
    expect(statusFor('MDR13', report, sections, e25)).toBe('disclosed');
    expect(statusFor('D28(a)', report, sections, e25)).toBe('disclosed');
    expect(statusFor('D34', report, sections, e25)).toBe('explained');
    expect(statusFor('D19', report, sections, e25)).toBe('no-data');
  });
  it('statusTable lists Part B, C and D items (not areas) in Code order', () => {
    const t = statusTable(e25, report, sections);
    expect(t).toHaveLength(73);
    expect(t.map((r) => r.item.code)).toEqual(codes(e25, ['mandatory', 'aspect', 'kpi', 'paragraph']));
    expect(t.filter((r) => r.status === 'deleted').map((r) => r.item.code)).toEqual(['A1.2', 'A4.1']);
    expect(t.filter((r) => r.status === 'disclosed').map((r) => r.item.code)).toEqual(['MDR13', 'A1', 'A1.1', 'A4', 'D28']);
    expect(statusTable(e20, report, sections)).toHaveLength(51);
    expect(statusTable(e15, {}, [])).toHaveLength(43);
  });
});

describe('parseEdition validation of the new fields', () => {
  const raw = parseYaml(readFileSync(`${dir}/hkex-2025.yaml`, 'utf8'));
  const clone = () => structuredClone(raw);
  const at = (ed: { items: Array<{ code: string }> }, code: string) => ed.items.find((i) => i.code === code) as Record<string, unknown>;
  it('accepts the files', () => {
    expect(parseEdition(clone()).items).toHaveLength(76);
  });
  it('rejects broken deleted / lineage / phase / kind data', () => {
    const obl = clone();
    at(obl, 'A1.2').obligation = [{ level: 'comply-or-explain' }];
    expect(() => parseEdition(obl)).toThrow(/A1\.2: a deleted item has no obligation/);
    const from = clone();
    delete at(from, 'A4').deleted;
    expect(() => parseEdition(from)).toThrow(/deletedFrom without deleted/);
    const same = clone();
    at(same, 'A1.3').successor = 'hkex-2025:D28';
    expect(() => parseEdition(same)).toThrow(/only a deleted item may have a successor in its own edition/);
    const key = clone();
    at(key, 'A1.3').predecessor = 'A1.3';
    expect(() => parseEdition(key)).toThrow(/item keys like hkex-2015:A1\.2/);
    const kind = clone();
    at(kind, 'D19').kind = 'aspect';
    expect(() => parseEdition(kind)).toThrow(/item D19: text \(the disclosure wording\) is required/); // an aspect needs wording
    const mdr = clone();
    at(mdr, 'MDR13').kind = 'aspect';
    expect(() => parseEdition(mdr)).toThrow(/looks like a mandatory/);
    const phases = clone();
    at(phases, 'D20').obligation = [{ level: 'comply-or-explain' }, { level: 'mandatory', from: '2026-01-01', issuers: ['largecap'] }, { level: 'comply-or-explain', from: '2025-06-01', issuers: ['largecap'] }];
    expect(() => parseEdition(phases)).toThrow(/increasing from dates/);
    const issuer = clone();
    at(issuer, 'D20').obligation = [{ level: 'comply-or-explain', issuers: ['smallcap'] }];
    expect(() => parseEdition(issuer)).toThrow(/issuers/);
  });
});
