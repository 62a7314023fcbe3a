import { describe, expect, it } from 'vitest';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { bigrams, highlightExcerpt, normalizeQuery, queryVariants, runQuery, type PagefindApi } from '../../src/lib/search-query.ts';
import { buildScriptMap, convertQuery, indexSpellings } from '../../src/lib/search-script-map.ts';
import { indexedText, matches, parseSelector } from '../../src/lib/search-text.ts';

describe('query variants', () => {
  it('normalises full-width text, quotes and spaces', () => {
    expect(normalizeQuery('  ＥＳＧ　“碳中和”  ')).toBe('ESG 碳中和');
  });
  it('splits Han runs into overlapping pairs', () => {
    expect(bigrams('可持續發展')).toEqual(['可持', '持續', '續發', '發展']);
    expect(bigrams('環境')).toEqual(['環境']);
  });
  it('runs phrase and plain variants for Chinese, pairs when a long word stays whole, the plain query for English', () => {
    // the segmenter keeps 水資源 whole: the index may lack that word on a page, so pairs run too
    expect(queryVariants('水資源')).toEqual([
      { tier: 0, text: '"水資源"' },
      { tier: 1, text: '水資源' },
      { tier: 2, text: '水資 資源' },
    ]);
    // 碳|中|和 are all indexed pieces: no pair fallback (it would only fetch more index chunks)
    expect(queryVariants('碳中和')).toEqual([
      { tier: 0, text: '"碳中和"' },
      { tier: 1, text: '碳中和' },
    ]);
    expect(queryVariants('環境')).toEqual([
      { tier: 0, text: '"環境"' },
      { tier: 1, text: '環境' },
    ]);
    expect(queryVariants('carbon neutral')).toEqual([{ tier: 1, text: 'carbon neutral' }]);
  });
  it('merges the hits of every variant, best tier first', async () => {
    const result = (id: string, score: number) => ({ id, score, words: [], data: async () => ({ url: `/${id}/` }) as never });
    const api: PagefindApi = {
      search: async (term) => ({ results: term === '"水資源"' ? [result('a', 1)] : term === '水資源' ? [result('b', 5), result('a', 2)] : [result('c', 9)] }),
    };
    const hits = await runQuery([{ api, kind: 'native' }], '水資源');
    expect(hits.map((h) => [h.id, h.tier])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });
});

describe('year order', () => {
  it('runs one merged pass per year, newest first', async () => {
    const result = (id: string, score: number) => ({ id, score, words: [], data: async () => ({ url: `/${id}/` }) as never });
    const pages: Record<string, string> = { a: '2018', b: '2024', c: '2023', d: '2024' };
    const api: PagefindApi = {
      filters: async () => ({ year: { '2018': 1, '2023': 1, '2024': 2 } }),
      search: async (_term, opts) => {
        const year = (opts?.filters?.year as { any: string[] }).any[0];
        return { results: Object.keys(pages).filter((id) => pages[id] === year).map((id, i) => result(id, 10 - i)) };
      },
    };
    const hits = await runQuery([{ api, kind: 'native' }], 'x', { sort: 'year-desc' });
    expect(hits.map((h) => pages[h.id])).toEqual(['2024', '2024', '2023', '2018']);
    const only = await runQuery([{ api, kind: 'native' }], 'x', { sort: 'year-asc', filters: { year: ['2023', '2018'] } });
    expect(only.map((h) => h.id)).toEqual(['a', 'c']);
  });
});

describe('excerpt highlighting', () => {
  it('marks the query words when the excerpt holds them, else keeps Pagefind marks', () => {
    expect(highlightExcerpt('減<mark>碳</mark>，推進<mark>碳</mark>中<mark>和</mark>。', '碳中和', {})).toBe('減碳，推進<mark>碳中和</mark>。');
    expect(highlightExcerpt('<mark>碳</mark>排放與<mark>和</mark>', '碳中和', {})).toBe('<mark>碳</mark>排放與<mark>和</mark>');
    expect(highlightExcerpt('a <mark>carbon</mark> b', 'carbon', {})).toBe('a <mark>carbon</mark> b');
  });
});

describe('archive-derived script map', () => {
  // aligned chunks: the same text node on /tc/ and /sc/ pages
  const tc = ['環境保護與發展', '溫室氣體排放', '温室氣體核算', '頭髮', '溫度'];
  const sc = ['环境保护与发展', '温室气体排放', '温室气体核算', '头发', '温度'];
  // (a counterpart counts once seen twice: repeat the fixture)
  const map = buildScriptMap([...tc, ...tc], [...sc, ...sc]);
  it('converts a query into the other script', () => {
    expect(convertQuery('环境', map.s2t)).toBe('環境');
    expect(convertQuery('環境', map.t2s)).toBe('环境');
    expect(convertQuery('发展', map.s2t)).toBe('發展');
    expect(convertQuery('头发', map.s2t)).toBe('頭髮');
  });
  it('folds both scripts to the same spellings, with the variants the archive uses', () => {
    expect(indexSpellings('温室气体', 'zh-Hant', map)).toEqual(indexSpellings('溫室氣體', 'zh-Hant', map));
    expect(indexSpellings('温室气体', 'zh-Hant', map).sort()).toEqual(['温室氣體', '溫室氣體'].sort());
    expect(indexSpellings('溫室氣體', 'zh-Hans', map)).toEqual(['温室气体']);
  });
});

describe('indexed text', () => {
  const parse = (html: string) => unified().use(rehypeParse).parse(html);
  it('matches the selector subset of the exclude list', () => {
    const tree = parse('<html lang="en"><body><p lang="zh-Hans-CN">x</p></body></html>');
    const html = tree.children.find((n) => n.type === 'element')!;
    const body = html.children.find((n) => n.type === 'element' && n.tagName === 'body')!;
    const p = body.type === 'element' ? body.children[0]! : undefined;
    expect(p && p.type === 'element' && matches(p, [html, body] as never, parseSelector('html[lang="en"] [lang^="zh"]'))).toBe(true);
  });
  it('keeps the body region and drops chrome, ignored parts and Chinese on English pages', () => {
    const html = `<html lang="en"><body><nav>Site</nav><main data-pagefind-body><nav class="breadcrumbs">Archive</nav>
      <h1>Title</h1><p>Body <b>text</b></p><div data-pagefind-ignore>meta</div><p lang="zh-Hant-HK">中文</p>
      <a class="heading-link">#</a></main></body></html>`;
    expect(indexedText(parse(html))).toBe('Title\nBody text');
    expect(indexedText(parse('<html><body><main>x</main></body></html>'))).toBeUndefined();
  });
});
