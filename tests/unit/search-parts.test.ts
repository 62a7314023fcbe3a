import { describe, expect, it } from 'vitest';
import { compareReports, partPath, partsFor, partsManifest, planParts, type ReportSize } from '../../src/lib/search-parts.ts';

const r = (issuer: string, year: string, bytes: number): ReportSize => ({ issuer, year, bytes });
const keys = (parts: ReportSize[][]) => parts.map((p) => p.map((x) => `${x.issuer}/${x.year}`));

describe('search parts', () => {
  it('orders reports newest year first, then by issuer id', () => {
    const sorted = [r('b', '2023', 1), r('a', '2018', 1), r('c', '2025', 1), r('a', '2023', 1)].sort(compareReports);
    expect(sorted.map((x) => `${x.issuer}/${x.year}`)).toEqual(['c/2025', 'a/2023', 'b/2023', 'a/2018']);
  });

  it('fills each part up to the byte budget, in part order; a report larger than the budget is a part of its own', () => {
    const reports = [r('a', '2025', 4), r('b', '2025', 4), r('c', '2025', 4), r('a', '2024', 15), r('b', '2024', 2), r('c', '2024', 2)];
    expect(keys(planParts(reports, 10))).toEqual([['a/2025', 'b/2025'], ['c/2025'], ['a/2024'], ['b/2024', 'c/2024']]);
    // one part when everything fits; input order does not matter
    expect(keys(planParts([...reports].reverse(), 1000))).toEqual([['a/2025', 'b/2025', 'c/2025', 'a/2024', 'b/2024', 'c/2024']]);
    expect(planParts([], 10)).toEqual([]);
  });

  it('keeps the parts bounded however large the archive: no part passes the budget unless it holds one report', () => {
    const archive = Array.from({ length: 3000 }, (_, i) => r(`issuer-${i % 300}`, String(2016 + Math.floor(i / 300)), 1 + ((i * 7919) % 13)));
    const parts = planParts(archive, 40);
    expect(parts.flat()).toHaveLength(3000);
    for (const p of parts) expect(p.length === 1 || p.reduce((n, x) => n + x.bytes, 0) <= 40).toBe(true);
  });

  it('rejects a budget that is not a positive number', () => {
    expect(() => planParts([r('a', '2025', 1)], 0)).toThrow(/positive number of bytes/);
  });

  it('names the bundles: the first part is /pagefind/ itself', () => {
    expect([0, 1, 9].map(partPath)).toEqual(['/pagefind/', '/pagefind/part-2/', '/pagefind/part-10/']);
    const manifest = partsManifest(planParts([r('a', '2025', 6), r('b', '2025', 6), r('a', '2024', 6)], 10));
    expect(manifest).toEqual({
      reports: 3,
      parts: [
        { path: '/pagefind/', from: { year: '2025', issuer: 'a' }, to: { year: '2025', issuer: 'a' }, reports: 1 },
        { path: '/pagefind/part-2/', from: { year: '2025', issuer: 'b' }, to: { year: '2025', issuer: 'b' }, reports: 1 },
        { path: '/pagefind/part-3/', from: { year: '2024', issuer: 'a' }, to: { year: '2024', issuer: 'a' }, reports: 1 },
      ],
    });
  });

  describe('which parts a search looks in', () => {
    // 2025: a b | 2025: c, 2024: a | 2024: b c, 2023: a b | 2022: c
    const manifest = partsManifest([
      [r('a', '2025', 1), r('b', '2025', 1)],
      [r('c', '2025', 1), r('a', '2024', 1)],
      [r('b', '2024', 1), r('c', '2024', 1), r('a', '2023', 1), r('b', '2023', 1)],
      [r('c', '2022', 1)],
    ]);
    const paths = (filters: Record<string, string[]>) => partsFor(manifest, filters).map((p) => p.path);

    it('every part, newest first, when nothing narrows the search', () => {
      expect(paths({})).toEqual(['/pagefind/', '/pagefind/part-2/', '/pagefind/part-3/', '/pagefind/part-4/']);
    });

    it('a year: the parts whose range holds it', () => {
      expect(paths({ year: ['2024'] })).toEqual(['/pagefind/part-2/', '/pagefind/part-3/']);
      expect(paths({ year: ['2022', '2025'] })).toEqual(['/pagefind/', '/pagefind/part-2/', '/pagefind/part-4/']);
      expect(paths({ year: ['2019'] })).toEqual([]);
    });

    it('an issuer: the parts that can hold one of its years', () => {
      expect(paths({ issuer: ['a'] })).toEqual(['/pagefind/', '/pagefind/part-2/', '/pagefind/part-3/']);
      expect(paths({ issuer: ['c'] })).toEqual(['/pagefind/part-2/', '/pagefind/part-3/', '/pagefind/part-4/']);
      expect(paths({ issuer: ['c'], year: ['2024'] })).toEqual(['/pagefind/part-3/']);
    });

    it("a chapter: its report's part", () => {
      expect(paths({ chapter: ['a/2024/c01'] })).toEqual(['/pagefind/part-2/']);
      expect(paths({ chapter: ['b/2023/c02'], year: ['2023'] })).toEqual(['/pagefind/part-3/']);
    });
  });
});
