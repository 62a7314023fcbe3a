/**
 * HKEX KPI codes for a KPI row, from the words of its category, group, label and unit (Traditional,
 * Simplified or English). The rules follow the KPI wording of the ESG Guide / Code (A1.1 types of
 * emissions, A1.2 greenhouse gas, A1.3 hazardous waste, A1.4 non-hazardous waste, A2.1 energy,
 * A2.2 water, A2.5 packaging, B1.1 workforce, B1.2 turnover, B2.1 fatalities, B2.2 lost days,
 * B3.1 trained share, B3.2 training hours, B5.1 suppliers by region, B6.2 complaints,
 * B7.2/B7.3 anti-corruption, …). Only codes the report's edition defines (and has not deleted) are kept (the
 * caller passes them); greenhouse gas rows take D28 where A1.2 is deleted (2025 Code). First matching rule wins. Pure.
 */
interface Rule { code: string; re: RegExp; fallback?: boolean; /** the code in editions that deleted `code` */ instead?: string }

const RULES: Rule[] = [
  { code: 'A1.1', re: /氮氧化物|硫氧化物|顆粒物|颗粒物|廢氣排放|废气排放|NOx|SOx|particulate|air emission/i },
  { code: 'A1.2', instead: 'D28', re: /溫室氣體|温室气体|二氧化碳|碳排放|範圍\s*[123一二三]|范围\s*[123一二三]|範疇|范畴|greenhouse|GHG|CO2|scope [123]/i },
  { code: 'A1.3', re: /有害廢棄物|有害废弃物|hazardous waste/i },
  { code: 'A1.4', re: /無害廢棄物|无害废弃物|廢棄物|废弃物|non-hazardous waste|waste/i },
  { code: 'A2.5', re: /包裝|包装|packag/i },
  { code: 'A2.2', re: /耗水|用水|水資源|水资源|^水(?: |$)|water/i },
  { code: 'A2', re: /用紙|用纸|office paper/i },
  { code: 'A2.1', re: /能源|電力|电力|耗電|耗电|^[電电](?: |$)|天然氣|天然气|柴油|汽油|暖氣|暖气|electricity|energy|diesel|gasoline|natural gas/i },
  { code: 'B2.1', re: /因工亡故|工亡|因工死亡|fatalit/i },
  { code: 'B2.2', re: /工傷|工伤|損失工作日|损失工作日|lost day|injur/i },
  { code: 'B1.2', re: /流失|turnover/i },
  { code: 'B6.3', re: /知識產權|知识产权|專利|专利|商標|商标|版權|版权|域名|intellectual property|patent|trademark/i },
  { code: 'B6.5', re: /隱私|隐私|數據泄露|数据泄露|信息安全|privacy|data breach|information security/i },
  { code: 'B6.2', re: /投訴|投诉|complaint/i },
  { code: 'B7.1', re: /貪污訴訟|贪污诉讼|corruption case/i },
  { code: 'B7.3', re: /廉潔培訓|廉洁培训|反腐敗培訓|反腐败培训|anti-corruption training/i },
  { code: 'B3.1', re: /受訓百分比|受训百分比|受訓.*比|受训.*比|參加培訓.*(?:比|率)|参加培训.*(?:比|率)|percentage of training|trained/i },
  { code: 'B3.2', re: /平均受訓|平均受训|受訓平均|受训平均|平均培訓時|平均培训时|average training hours/i },
  { code: 'B5.1', re: /供應商|供应商|supplier/i },
  // a workforce row: only as the last resort, and only for head counts and shares
  { code: 'B1.1', re: /員工|员工|僱員|雇员|employee|workforce|管理者|管理層|管理层|management|(?:^| )(?:Male|Female)(?: |$)/i, fallback: true },
];

const HEADCOUNT = / (?:人|persons?|%)$/i;

/** Codes for one row; `defined` = codes of the report's edition. */
export function kpiCodes(row: { label: string; unit?: string; group?: string; category?: string }, defined: ReadonlySet<string>): string[] {
  const unit = row.unit ? ` ${row.unit}` : '';
  // the label (with its unit) decides first; then the group with it (`按性別劃分的員工受訓平均時長 男員工`
  // is B3.2), then the category; the workforce rule only for head counts and shares
  const passes: [string, boolean][] = [[`${row.label}${unit}`, false], [`${row.group ?? ''} ${row.label}${unit}`.trim(), true], [`${row.category ?? ''}${unit}`, true]];
  for (const [t, fallback] of passes) {
    if (!t.trim()) continue;
    for (const r of RULES) {
      if (r.fallback && (!fallback || !HEADCOUNT.test(t))) continue;
      if (!r.re.test(t)) continue;
      if (defined.has(r.code)) return [r.code];
      if (r.instead && defined.has(r.instead)) return [r.instead]; // GHG in the 2025 Code: D28 (A1.2 deleted)
    }
  }
  return [];
}
