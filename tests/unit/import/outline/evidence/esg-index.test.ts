/**
 * Evidence 2: the printed ESG index's section names and pages, on the contents-page fixtures with
 * their contents page cut out (the index is then the only printed outline).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexEntries } from '../../../../../scripts/import/outline/evidence/esg-index.ts';
import { findContentsPage } from '../../../../../scripts/import/outline/contents-page.ts';
import { readSource, toLines } from '../../../../../scripts/import/read-source.ts';
import { runPipeline } from '../../../../../scripts/import/pipeline.ts';
import { ROOT } from '../../helpers.ts';

const TOC = join(ROOT, 'tests/fixtures/import/toc');
/** the fixture's text without its contents page */
const withoutContents = (c: string) => {
  const text = readSource(readFileSync(join(TOC, c, 'input.txt')));
  const cp = findContentsPage(toLines(text))!;
  const lines = text.split('\n');
  return [...lines.slice(0, cp.heading), ...lines.slice(cp.end)].join('\n');
};
const lang = (c: string) => JSON.parse(readFileSync(join(TOC, c, 'expected.json'), 'utf8')).lang;

describe('index rows that print the section and its page in columns', () => {
  it.each([
    ['KPI A1.1              The types of emissions and respective emissions data.          Emissions             8', 'Emissions', 8],
    ['A1.1\t排放物種類及相關排放數據\t排放物\t007', '排放物', 7],
    ['A1.1            排放物种类及相关排放数据                        07 关键绩效指标     24', '关键绩效指标', 24],
    ['A1.1　排放物種類及相關排放數據　　　　　　　　　　關鍵績效指標　　　24', '關鍵績效指標', 24],
  ])('%s', (row, title, page) => {
    expect(indexEntries([row])).toMatchObject([{ title, page }]);
  });
  it('a row with no section column names nothing; each name counts once, at its first page', () => {
    expect(indexEntries(['KPI A1.1               The types of emissions and respective emissions data.                  8'])).toEqual([]);
    expect(indexEntries(['A1.1\tx\t排放物\t8', 'A1.2\ty\t排放物\t9', 'A2\tz\t資源使用\t10']).map((e) => [e.title, e.page])).toEqual([['排放物', 8], ['資源使用', 10]]);
    expect(indexEntries(['This report covers A1.1  and more  Emissions  8'])).toEqual([]);
  });
});

describe.each(['en-dotted', 'zh-hans-dotted', 'zh-hant-numbered'])('%s without its contents page', (c) => {
  const r = runPipeline(withoutContents(c), lang(c), {}, c);
  const names = indexEntries(readSource(readFileSync(join(TOC, c, 'input.txt'))).split('\n')).map((e) => e.title);
  it('takes its outline from the index, one unit per section the index names', () => {
    expect(r.outline).toMatchObject({ source: 'ESG index', entries: 0 });
    const titles = new Set(r.sections.map((s) => s.title));
    expect(names.filter((n) => titles.has(n)).length).toBeGreaterThanOrEqual(0.9 * names.length);
    expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0.99);
  });
});

it('an index without section columns gives no outline (en-numbered prints pages only)', () => {
  const r = runPipeline(withoutContents('en-numbered'), 'en', {}, 'en-numbered');
  expect(r.outline.source).not.toBe('ESG index');
});
