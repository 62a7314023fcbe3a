import { describe, expect, it } from 'vitest';
import { findTitleLines, matchChapter, matchSection } from '../../../scripts/import/find-outline.ts';
import { body, LANGS, line, run, sourceLines } from './helpers.ts';

const numbered = (md: string) => [...md.matchAll(/^## (\d+) /gm)].map((m) => m[1]);

describe('find-outline', () => {
  it('recognises section, two-space and number-only headings', () => {
    expect(matchSection(line('zh-Hant', 445).text)).toEqual({ number: '01', title: '看得見的保障 · 透明實驗室' });
    expect(matchSection(line('zh-Hant', 240).text)).toEqual({ number: '1', title: '便捷豐富的醫藥健康商品消費' });
    expect(matchSection(line('en', 841).text)).toEqual({ number: '01', title: '' });
    expect(matchSection(line('zh-Hant', 1526).text)).toBeNull(); // footnote `1 耗電量…`
    expect(matchChapter(line('zh-Hant', 1372).text, '2')).toEqual({ title: '英才匯聚', rest: '01 專業的人幹專業的事' });
    expect(matchChapter(line('zh-Hant', 1526).text, '1')).toBeNull();
    const en = sourceLines('en');
    expect(findTitleLines(en, 0, 200, 'Introducing Alibaba Health')?.map((i) => en[i].n)).toEqual([108, 109]);
  });
  it('20 numbered sections per edition, same numbers in the same units', () => {
    const per = (lang: (typeof LANGS)[number]) => run(lang).sections.map((s) => `${s.id}:${numbered(body(lang, s.id)).join(',')}`);
    expect(per('zh-Hant')).toEqual(per('en'));
    for (const lang of LANGS) expect(run(lang).sections.flatMap((s) => numbered(body(lang, s.id))).length).toBe(20);
    expect(numbered(body('en', 'p3-c1'))).toEqual(['01', '02', '03', '04', '04']);
  });
  it('logistics items 01–03 inside §04 are not sections; footnotes are not chapters', () => {
    expect(body('zh-Hant', 'p3-c1')).toMatch(/^### 01 風險監控管理制度$/m);
    expect(body('en', 'p3-c1')).toMatch(/^### 01 Risk control and management system$/m);
    expect(body('zh-Hant', 'p3-c1')).toMatch(/^## 04 從業廉潔$/m);
    expect(body('en', 'p3-c1')).toMatch(/^## 04 Business Integrity$/m);
  });
  it('number-only headings take their wrapped title', () => {
    expect(body('en', 'p1-c3')).toMatch(/^## 01 Your Health Steward — Personal Health Management Platform$/m);
    expect(body('en', 'p3-c1')).toMatch(/^## 03 Respecting the Intellectual Property Rights$/m);
    expect(body('en', 'p1-c1')).toMatch(/^## 1 Convenient Consumption of Varied Pharmaceutical and Healthcare Products$/m);
  });
});
