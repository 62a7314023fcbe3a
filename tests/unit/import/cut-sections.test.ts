import { describe, expect, it } from 'vitest';
import { body, LANGS, paragraphs, run, section } from './helpers.ts';

const IDS = ['about', 'ceo', 'intro', 'csr', 'p1-c1', 'p1-c2', 'p1-c3', 'p1-c4', 'p2-c1', 'p2-c2', 'p2-c3', 'p2-c4', 'p2-c5', 'p3-c1', 'p3-c2', 'p3-c3', 'esg-index', 'feedback'];

describe('cut-sections', () => {
  it('18 units with the same ids, order and pages in both editions', () => {
    for (const lang of LANGS) expect(run(lang).sections.map((s) => s.id)).toEqual(IDS);
    const meta = (lang: (typeof LANGS)[number]) => run(lang).sections.map((s) => [s.id, s.order, s.chapter, s.number, s.pages]);
    expect(meta('en')).toEqual(meta('zh-Hant'));
    expect(section('en', 'p3-c3').pages).toEqual({ from: 37, to: 38 });
    expect(section('en', 'p2-c5').file).toBe('en/13-p2-c5.mdx');
  });
  it('chapters start at their first page even where the heading is printed after the text', () => {
    expect(section('en', 'p1-c4').title).toBe('Empowering the Health Industry');
    expect(paragraphs(body('en', 'p1-c4'))[0]).toMatch(/^Alibaba Health has always been striving for the overall progress and development of the healthcare industry\./);
    expect(paragraphs(body('en', 'p1-c3'))[0]).toMatch(/^Personal health management is not simply disease treatment and prevention\./);
    expect(section('en', 'p1-c3').title).toBe('Health Steward Offering Comprehensive Care');
    expect(section('zh-Hant', 'p2-c2').title).toBe('健康扶貧，情暖涼山');
    expect(section('zh-Hant', 'p3-c1').title).toBe('運營慣例');
    expect(paragraphs(body('en', 'p3-c3'))[0]).toMatch(/^Alibaba Health actively responds to c l imate change/); // `climate` is never printed unsplit: the split stays
    // the intro printed under the late chapter heading `1 Operational Practices` opens the chapter
    for (const [lang, intro] of [['en', 'Business integrity is an important foundation'], ['zh-Hant', '道德誠信經營是企業可持續發展的重要基礎']] as const) {
      const b = body(lang, 'p3-c1');
      expect(b.indexOf(intro)).toBeGreaterThan(0);
      expect(b.indexOf(intro)).toBeLessThan(b.indexOf('## 01'));
    }
  });
  it('titles carry no printed number; the number is in frontmatter', () => {
    for (const lang of LANGS) for (const s of run(lang).sections) expect(s.title).not.toMatch(/^\d/);
    expect(section('zh-Hant', 'p3-c2').number).toBe('2');
  });
  it('part dividers: titles in the part record, intro at the start of the first chapter', () => {
    expect(run('en').parts.map((p) => p.title)).toEqual(['Ubiquitous Healthcare', 'Enhancing Big Health and Public Welfare', 'Healthy Development, Compliant Operations']);
    expect(body('zh-Hant', 'p1-c1').trimStart()).toMatch(/^> 「無論您身處何地/);
    expect(body('en', 'p2-c1')).not.toMatch(/Enhancing Big Health and Public/);
    expect(body('en', 'p2-c1').trimStart()).toMatch(/^> “In this age of pursuit of public philanthropy/);
    for (const lang of LANGS) for (const s of run(lang).sections) expect(s.chapter ?? null).toBe(/^p\d/.test(s.id) ? s.id.slice(0, 2) : null);
  });
  it('a section printed after its first boxes starts at its page (override `page`)', () => {
    const s2 = (lang: 'en' | 'zh-Hant') => body(lang, 'p1-c1').split(/^## /m).find((x) => x.startsWith('2 '))!;
    expect(s2('en')).toContain('### New Doctor-Patient Communication Platform');
    expect(s2('zh-Hant')).toContain('### 新型醫患互動平臺');
    expect(s2('en')).toContain('### Healthcare Services Featuring Online and Offline Integration Through Hospitals');
  });
  it('the mislabelled en heading of p1-c3 §02 is replaced by the override, with a warning', () => {
    const b = body('en', 'p1-c3');
    expect(b).toMatch(/^## 02 Protecting Health at the Source — Disease Prevention$/m);
    expect(b).toMatch(/## 02 Protecting[^\n]*\n\nAmong the key factors in disease prevention, vaccination is undoubtedly one of the most direct and effective methods\./);
    const all = run('en').sections.map((s) => s.mdx).join('\n');
    expect(all.match(/Worry-Free Health — Woodpecker Program/g)?.length).toBe(1);
    expect(run('en').warnings.join('\n')).toMatch(/p1-c3 §02: printed heading "02 Worry-Free Health/);
  });
});
