/** One issuer across years: reports by year, and sections of the other years on the same topic (Alibaba FY2023 ⇄ FY2025). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Archive, Report, Section } from '../../src/lib/archive.ts';
import { issuersOf, reportsOfIssuer, sameTopicSections, similarTexts, topicKey } from '../../src/lib/issuer-years.ts';
import { createConverter } from '../../src/lib/script-convert.ts';

const fold = createConverter({ from: 'zh-Hant', to: 'zh-Hans', quotes: false });
const ROOT = join(import.meta.dirname, '../../content');
const issuerOf = (id: string) => parse(readFileSync(join(ROOT, 'issuers', `${id}.yaml`), 'utf8'));
function load(issuer: string, year: string): Report {
  const dir = join(ROOT, 'reports', issuer, year);
  const data = parse(readFileSync(join(dir, 'report.yaml'), 'utf8'));
  const sections: Report['sections'] = {};
  for (const lang of data.languages) {
    sections[lang as 'en'] = readdirSync(join(dir, lang)).sort().map((f): Section => {
      const fm = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, lang, f), 'utf8'))![1]);
      return { ...fm, frameworks: fm.frameworks ?? { hkex: [] }, lang, entry: join(dir, lang, f) };
    });
  }
  return { issuer: issuerOf(issuer), data, sections };
}
const archive: Archive = { reports: [load('alibaba', '2023'), load('alibaba', '2025'), load('jd-health', '2024')] };
const sectionsOf = (r: Report) => Object.values(r.sections)[0]!;
const titled = (r: Report, t: string) => sectionsOf(r).find((s) => s.title === t)!;

describe('issuers across years', () => {
  it('lists an issuer’s reports newest first, issuers by stock code', () => {
    expect(reportsOfIssuer(archive, 'alibaba').map((r) => r.data.year)).toEqual(['2025', '2023']);
    expect(issuersOf(archive).map((i) => [i.id, i.reports.length])).toEqual([['jd-health', 1], ['alibaba', 2]]);
  });
  it('folds script, numbering of appendices and spacing in titles', () => {
    expect(topicKey('助力建設綠水青山', fold)).toBe(topicKey('助力建设绿水青山', fold));
    expect(topicKey('附錄 1 ESG 關鍵績效指標', fold)).toBe(topicKey('附录一 ESG 关键绩效指标', fold));
    expect(topicKey('支持員工發展', fold)).not.toBe(topicKey('員工的健康與活力', fold));
  });
  it('links FY2025 sections to the FY2023 sections with the same title, both ways', () => {
    const [fy2025, fy2023] = reportsOfIssuer(archive, 'alibaba');
    const green = sameTopicSections(titled(fy2025!, '助力建設綠水青山'), [fy2023!], sectionsOf, fold);
    expect(green.map((g) => g.sections.map((s) => [g.report.data.year, s.section.title, s.sameTitle]))).toEqual([[['2023', '助力建设绿水青山', true]]]);
    const back = sameTopicSections(titled(fy2023!, '附录一 ESG 关键绩效指标'), [fy2025!], sectionsOf, fold);
    expect(back[0]!.sections[0]!.section.title).toBe('附錄 1 ESG 關鍵績效指標');
    // a title holding the other's whole title
    const carbon = sameTopicSections(titled(fy2025!, '推進碳中和'), [fy2023!], sectionsOf, fold);
    expect(carbon[0]!.sections.map((s) => s.section.title)).toContain('扎实推进碳中和');
    // …but not a short one (`治理` is in many titles)
    expect(sameTopicSections(titled(fy2025!, '公司治理架構'), [fy2023!], sectionsOf, fold)).toEqual([]);
  });
  it('links sections that disclose the same HKEX codes, most shared codes first', () => {
    const jd = archive.reports[2]!;
    const fy2025 = archive.reports[1]!;
    const climate = titled(fy2025, '應對氣候變化');
    const related = sameTopicSections(climate, [jd], sectionsOf, fold);
    const codes = related[0]!.sections.map((s) => s.codes.length);
    expect(codes.length).toBeGreaterThan(0);
    expect([...codes].sort((a, b) => b - a)).toEqual(codes);
    for (const s of related[0]!.sections) expect(s.codes.every((c) => climate.frameworks.hkex.includes(c))).toBe(true);
  });
  it('links sections with no shared code or title by their text, as mutual best matches (FY2023 lost its index: 應對氣候變化 ⇄ 附录五 气候风险和机遇评估报告)', () => {
    const [fy2025, fy2023] = reportsOfIssuer(archive, 'alibaba');
    const body = (s: Section) => readFileSync(s.entry as string, 'utf8').replace(/^---\n[\s\S]*?\n---/, '');
    const similar = similarTexts([fy2025!, fy2023!], sectionsOf, body, fold);
    const climate = titled(fy2025!, '應對氣候變化');
    const matched = [...(similar.get(climate) ?? [])].map((s) => s.title);
    expect(matched).toEqual(['附录五 气候风险和机遇评估报告']);
    // both ways, and shown as a same-topic link though no code or title is shared
    expect([...(similar.get(titled(fy2023!, '附录五 气候风险和机遇评估报告')) ?? [])]).toContain(climate);
    const related = sameTopicSections(climate, [fy2023!], sectionsOf, fold, undefined, fy2025, similar.get(climate));
    expect(related[0]!.sections.map((s) => [s.section.title, s.codes.length, s.sameTitle, s.similarText])).toEqual([['附录五 气候风险和机遇评估报告', 0, false, true]]);
    // mutual best matches pair each section with at most one of the other report
    for (const [, set] of similar) expect(set.size).toBeLessThanOrEqual(1);
    // a section and the same-titled one of the other year also match by text
    expect([...(similar.get(titled(fy2025!, '助力建設綠水青山')) ?? [])].map((s) => s.title)).toEqual(['助力建设绿水青山']);
  });
});
