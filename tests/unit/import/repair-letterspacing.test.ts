import { describe, expect, it } from 'vitest';
import { buildGlue, buildVocab, collapseSpacedLine, mergeFragments } from '../../../scripts/import/repair-letterspacing.ts';
import { LANGS, line, run, sourceLines } from './helpers.ts';

describe('repair-letterspacing', () => {
  it('collapses fully letter-spaced lines (en and zh)', () => {
    expect(collapseSpacedLine(line('en', 1816).text)).toBe('where damage, contamination,');
    expect(collapseSpacedLine(line('en', 1825).text)).toBe('batch number, validity period,');
    expect(collapseSpacedLine(line('en', 1893).text)).toBe('advertisement, legal services, marketing,');
    expect(collapseSpacedLine(line('zh-Hant', 73).text)).toBe('「Double H」（「Health and');
    const normal = line('en', 2001).text;
    expect(collapseSpacedLine(normal)).toBe(normal);
  });
  it('merges partial splits with the document vocabulary, never two valid words', () => {
    const vocab = buildVocab(sourceLines('en').map((l) => l.text));
    expect(mergeFragments(line('en', 114).text, vocab).text).toContain('together with its');
    expect(mergeFragments('period, Al ibaba Health', vocab).text).toBe('period, Alibaba Health');
    expect(mergeFragments('and f ive years.', vocab).text).toBe('and five years.');
    expect(mergeFragments('just pick up the drugs', vocab).text).toBe('just pick up the drugs');
    expect(mergeFragments('care, Yi Zhi Lu provides', vocab).text).toBe('care, Yi Zhi Lu provides');
  });
  it('glues pairs whose piece never stands alone (`off ice`), not real word pairs', () => {
    const texts = sourceLines('en').map((l) => l.text);
    const vocab = buildVocab(texts);
    const glue = buildGlue(texts, vocab);
    expect(glue.has('off ice')).toBe(true);
    expect(glue.has('per iod')).toBe(true);
    expect(glue.has('pick up')).toBe(false);
    expect(mergeFragments('green off ice operations', vocab, glue).text).toBe('green office operations');
    expect(run('en').sections.map((s) => s.mdx).join('\n')).not.toMatch(/\boff ice\b/);
  });
  it('no letter-spaced words are left in the en output', () => {
    for (const s of run('en').sections) expect(s.mdx).not.toMatch(/\b(Al ibaba|i ts|al l|wi l l|f ive|w h e r e)\b/);
    const p3c3 = run('en').sections.find((s) => s.id === 'p3-c3')!.mdx;
    expect(p3c3).toContain('Alibaba Health actively responds to');
    // `climate` is never printed unsplit in this report: the split stays as printed (repairs never invent text)
    expect(p3c3).toContain('responds to c l imate change');
    expect(run('en').sections.find((s) => s.id === 'p3-c1')!.mdx).toContain('where damage, contamination, abnormal noise, leakage, label loss');
  });
  it('no stray spaces between Chinese characters in zh body text', () => {
    const p1c3 = run('zh-Hant').sections.find((s) => s.id === 'p1-c3')!.mdx;
    expect(p1c3).toContain('打開手機淘寶或者手機天貓APP，搜索「疫苗服務平臺」');
    for (const lang of LANGS.filter((l) => l === 'zh-Hant')) {
      const ceo = run(lang).sections.find((s) => s.id === 'ceo')!.mdx;
      expect(ceo).toContain('通過「全球找藥聯盟」');
    }
  });
});
