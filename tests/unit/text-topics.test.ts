import { describe, expect, it } from 'vitest';
import { cosine, mutualBestMatches, termCounts, tfidf } from '../../src/lib/text-topics.ts';
import { createConverter } from '../../src/lib/script-convert.ts';

const fold = createConverter({ from: 'zh-Hant', to: 'zh-Hans', quotes: false });

describe('text topics', () => {
  it('counts Han character pairs after folding the script, and Latin words of three letters or more', () => {
    const t = termCounts('應對氣候變化 <Figure alt="x" /> climate and TCFD, 气候变化', fold);
    expect(t.get('气候')).toBe(2);
    expect(t.get('候变')).toBe(2);
    expect(t.get('應對')).toBeUndefined();
    expect(t.get('climate')).toBe(1);
    expect(t.get('tcfd')).toBe(1);
    expect(t.has('figure')).toBe(false); // markup is not text
  });
  it('unit vectors: a text is most similar to itself; terms every document has weigh nothing', () => {
    const [a, b, c] = tfidf([termCounts('碳排放 範圍一 範圍二 報告', fold), termCounts('碳排放 範圍一 報告', fold), termCounts('員工培訓 報告', fold)]);
    expect(cosine(a!, a!)).toBeCloseTo(1, 6);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!));
    expect(a!.has('报告')).toBe(false);
  });
  it('pairs sections only where each is the other’s best match above the floor', () => {
    const docs = tfidf(['气候风险 转型风险 物理风险', '员工培训 培训时数', '气候风险 情景分析', '员工培训 女性员工', '公益 捐赠'].map((t) => termCounts(t, fold)));
    const pairs = mutualBestMatches(docs.slice(0, 2), docs.slice(2));
    expect(pairs.map(([i, j]) => [i, j])).toEqual([[0, 0], [1, 1]]);
    expect(mutualBestMatches(docs.slice(0, 2), docs.slice(2), 0.99)).toEqual([]);
    expect(mutualBestMatches([], docs)).toEqual([]);
  });
});
