import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatRedirects, grams, mergeRedirects, planRedirects, REPORT_HOME, TEXT_OVERLAP_THRESHOLD, titleKey, type SectionText } from '../../../scripts/import/redirects.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { redirectsFileSchema } from '../../../src/lib/schemas.ts';
import { ROOT } from './helpers.ts';

/** The committed sections of a seed edition, as the importer reads the files it replaces. */
function seed(dir: string): SectionText[] {
  const full = join(ROOT, 'content/reports', dir);
  return readdirSync(full)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const fm = splitFrontmatter(readFileSync(join(full, f), 'utf8'))!;
      const data = parse(fm.yaml) as { id: string; title: string };
      return { id: data.id, title: data.title, body: fm.body };
    });
}

const en = seed('alibaba-health/2018/en');
const hant = seed('alibaba-health/2018/zh-Hant');
const jd = seed('jd-health/2024/zh-Hant');

describe('planRedirects on the seed editions', () => {
  it('the seeds have enough sections to mean something', () => {
    for (const s of [en, hant, jd]) expect(s.length).toBeGreaterThan(8);
  });

  it('ids kept by a re-import need no redirect', () => {
    expect(planRedirects(en, en)).toEqual([]);
    expect(planRedirects(jd, jd)).toEqual([]);
  });

  it('a new id scheme with the same titles: every old id goes to the section with its title (spaces and case normalised)', () => {
    for (const old of [en, hant, jd]) {
      const renamed = old.map((s, i) => ({ ...s, id: `section-${i + 1}`, title: `  ${s.title.toUpperCase().replace(/ /g, '  ')} ` }));
      expect(planRedirects(old, renamed)).toEqual(old.map((s, i) => ({ from: s.id, to: `section-${i + 1}`, why: 'title' })));
    }
  });

  it('retitled sections go to the new section sharing most of their text, even when it lost its second half', () => {
    for (const old of [en, hant, jd]) {
      const longEnough = old.filter((s) => grams(s.body).size > 200);
      expect(longEnough.length).toBeGreaterThan(3);
      // reversed order, so reading order cannot explain the match
      const renamed = [...longEnough].reverse().map((s) => ({ id: `new-${s.id}`, title: `Retitled ${s.title}`, body: s.body.slice(0, Math.ceil(s.body.length * 0.6)) }));
      const plan = planRedirects(longEnough, renamed);
      expect(plan.map((p) => [p.from, p.to])).toEqual(longEnough.map((s) => [s.id, `new-${s.id}`]));
      for (const p of plan) expect(p.why).toMatch(/^text \d+%$/);
    }
  });

  it('a section split in two goes to the part holding more of its text', () => {
    const s = jd.find((x) => grams(x.body).size > 1000)!;
    const paras = s.body.split(/\n\n/);
    const cut = Math.floor(paras.length * 0.3);
    const small = { id: 'part-a', title: 'Part A', body: paras.slice(0, cut).join('\n\n') };
    const large = { id: 'part-b', title: 'Part B', body: paras.slice(cut).join('\n\n') };
    expect(planRedirects([s], [small, large])).toEqual([expect.objectContaining({ from: s.id, to: 'part-b' })]);
  });

  it('a section that disappeared, or shares too little text, goes to the report home', () => {
    const [gone, other] = [en.find((s) => grams(s.body).size > 500)!, en.find((s) => s.id !== en[0]!.id && grams(s.body).size > 500)!];
    // a new section quoting one sentence of the old one is not its successor
    const sentence = gone.body.split(/(?<=\.)\s/).find((x) => x.length > 60)!;
    const quoting = { id: 'quoting', title: 'Elsewhere', body: `${other.body}\n\n${sentence}` };
    expect(grams(sentence).size / grams(gone.body).size).toBeLessThan(TEXT_OVERLAP_THRESHOLD);
    expect(planRedirects([gone], [quoting])).toEqual([{ from: gone.id, to: REPORT_HOME, why: 'home' }]);
    expect(planRedirects([{ id: 'empty', title: 'Empty', body: '' }], en)).toEqual([{ from: 'empty', to: REPORT_HOME, why: 'home' }]);
  });

  it('a title shared by a kept id and a new id: the new id wins', () => {
    const [a, b] = en;
    const old = [a!, b!];
    const next = [{ ...a!, title: b!.title }, { ...b!, id: 'b-new' }];
    expect(planRedirects(old, next)).toEqual([{ from: b!.id, to: 'b-new', why: 'title' }]);
  });

  it('titleKey folds width (NFKC), spaces and case', () => {
    expect(titleKey('  ＥＳＧ   Index ')).toBe(titleKey('esg index'));
  });
});

describe('mergeRedirects', () => {
  const current = new Set(['c', 'd', 'e']);

  it('keeps earlier entries and adds the planned ones after them', () => {
    expect(mergeRedirects([{ from: 'x', to: 'd' }], [{ from: 'y', to: 'e' }], current)).toEqual([
      { from: 'x', to: 'd' },
      { from: 'y', to: 'e' },
    ]);
  });

  it('chains a→b→c into a→c, also over several imports', () => {
    expect(mergeRedirects([{ from: 'a', to: 'b' }], [{ from: 'b', to: 'c' }], current)).toEqual([
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c' },
    ]);
    const once = mergeRedirects([], [{ from: 'a', to: 'b' }], new Set(['b']));
    const twice = mergeRedirects(once, [{ from: 'b', to: 'x' }], new Set(['x']));
    const thrice = mergeRedirects(twice, [{ from: 'x', to: 'c' }], current);
    expect(thrice).toEqual([
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c' },
      { from: 'x', to: 'c' },
    ]);
  });

  it('never redirects a current id (an id that came back), and drops self-redirects', () => {
    expect(mergeRedirects([{ from: 'c', to: 'd' }, { from: 'a', to: 'c' }], [{ from: 'b', to: 'b' }], current)).toEqual([{ from: 'a', to: 'c' }]);
  });

  it('a planned entry replaces an earlier one with the same old id', () => {
    expect(mergeRedirects([{ from: 'a', to: 'd' }, { from: 'z', to: 'c' }], [{ from: 'a', to: 'e' }], current)).toEqual([
      { from: 'z', to: 'c' },
      { from: 'a', to: 'e' },
    ]);
  });

  it('a planned entry for every edition replaces earlier ones for one edition (one entry per old id)', () => {
    expect(mergeRedirects([{ from: 'a', to: 'c', lang: 'en' }], [{ from: 'a', to: 'd' }], current)).toEqual([{ from: 'a', to: 'd' }]);
  });

  it('a target that vanished unrecorded, or a cycle, becomes the report home', () => {
    expect(mergeRedirects([{ from: 'a', to: 'gone' }], [], current)).toEqual([{ from: 'a', to: REPORT_HOME }]);
    expect(mergeRedirects([{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }], [], current)).toEqual([
      { from: 'a', to: REPORT_HOME },
      { from: 'b', to: REPORT_HOME },
    ]);
    expect(mergeRedirects([{ from: 'a', to: REPORT_HOME }], [], current)).toEqual([{ from: 'a', to: REPORT_HOME }]);
  });

  it('entries of one edition (lang) chain within it or through entries for every edition', () => {
    const merged = mergeRedirects(
      [{ from: 'a', to: 'b', lang: 'en' }, { from: 'a', to: 'x', lang: 'zh-Hant' }],
      [{ from: 'b', to: 'c' }, { from: 'x', to: 'd', lang: 'zh-Hant' }],
      current,
    );
    expect(merged).toEqual([
      { from: 'a', to: 'c', lang: 'en' },
      { from: 'a', to: 'd', lang: 'zh-Hant' },
      { from: 'b', to: 'c' },
      { from: 'x', to: 'd', lang: 'zh-Hant' },
    ]);
  });
});

describe('formatRedirects', () => {
  it('writes a file that parses back to the same entries and passes the schema', () => {
    const entries = [
      { from: 'p1-c1', to: 'one-stop-healthy-living' },
      { from: 'feedback', to: REPORT_HOME },
      { from: 'p2-c1', to: 'p2-c2', lang: 'zh-Hant' as const },
    ];
    const text = formatRedirects(entries);
    expect(text).toMatch(/^# /);
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
    expect(parse(text)).toEqual(entries);
    expect(redirectsFileSchema.safeParse(parse(text)).success).toBe(true);
    expect(formatRedirects([])).not.toMatch(/^- /m);
  });
});
