import { describe, expect, it } from 'vitest';
import { continuesAcrossBlank, endsSentence, joinPair } from '../../../scripts/import/join-lines.ts';
import { body, line, paragraphs, section } from './helpers.ts';

describe('join-lines', () => {
  it('joins CJK without a space, Latin with one, keeps compound hyphens and URLs', () => {
    expect(joinPair(line('zh-Hant', 261).text, line('zh-Hant', 262).text)).toMatch(/1,500萬人。$/);
    expect(joinPair(line('en', 476).text, line('en', 477).text, true)).toContain('high-performance');
    expect(joinPair(line('en', 29).text, line('en', 30).text, true)).toContain('http://www.irasia.com/listco/hk/alihealth/');
    expect(joinPair('we continue', 'to serve', true)).toBe('we continue to serve');
  });
  it('knows when a sentence goes on across a blank line', () => {
    expect(continuesAcrossBlank(line('zh-Hant', 27), line('zh-Hant', 29), 120)).toBe(true);
    expect(continuesAcrossBlank(line('en', 2001), line('en', 2003), 130)).toBe(true);
    expect(continuesAcrossBlank(line('en', 35), line('en', 37), 130)).toBe(false);
    expect(endsSentence('「好歸宿」。')).toBe(true);
    expect(endsSentence('貫徹「寓公益於商業」')).toBe(false);
  });
  it('rebuilds sentences of both editions', () => {
    expect(body('zh-Hant', 'ceo')).toContain('這種改變更是健康觀念的轉變，健康變成了一個家庭的必需品');
    expect(body('zh-Hant', 'ceo')).toContain('貫徹「寓公益於商業」的原則');
    expect(body('zh-Hant', 'p1-c1')).toContain('年度活躍消費者已超過1,500萬人');
    expect(body('zh-Hant', 'p1-c2')).toContain('2018年3月9日，阿里健康與輝瑞中國攜手將萬艾可納入阿里健康「碼上放心」平臺');
    expect(body('zh-Hant', 'p3-c1')).toContain('B2B (Business to Business)和B2C (Business to Customer)業務');
    expect(body('en', 'p3-c2')).toContain('As of March 31, 2018, the number of full-time employees was 484, of whom 45.5% was female.');
    expect(body('en', 'p3-c1')).toContain('procurement for its non-core business covers office consumables, advertisement, legal services, marketing, decoration and so on');
    for (const w of ['high-performance', 'anti-corruption', 'cross-border goods']) expect(run_en()).toContain(w);
  });
  it('the CEO letter has 8 body paragraphs in both editions (signature excluded)', () => {
    for (const lang of ['zh-Hant', 'en'] as const) {
      const ps = paragraphs(body(lang, 'ceo')).filter((p) => p.length > 40);
      expect(ps.length).toBe(8);
    }
  });
  it('the about section keeps the URL unbroken in both editions', () => {
    for (const lang of ['zh-Hant', 'en'] as const) expect(section(lang, 'about').mdx).toContain('http://www.irasia.com/listco/hk/alihealth/');
  });
});

function run_en() {
  return ['p1-c1', 'p1-c2', 'p3-c1', 'p3-c2', 'p1-c3'].map((id) => body('en', id)).join('\n');
}
