import { describe, expect, it } from 'vitest';
import { buildBlocks } from '../../../scripts/import/build-blocks.ts';
import { splitPages } from '../../../scripts/import/split-pages.ts';
import type { Block } from '../../../scripts/import/types.ts';
import { overrides, sourceLines } from './helpers.ts';

const slice = (lang: 'en' | 'zh-Hant', from: number, to: number) => {
  const lines = sourceLines(lang);
  splitPages(lines, overrides().pageStarts?.[lang]);
  return lines.slice(from - 1, to);
};
const kinds = (bs: Block[]) => bs.map((b) => (b.kind === 'heading' ? `h${b.level}` : b.kind));

describe('build-blocks', () => {
  it('zh: headings, box titles, bullet lists and paragraphs of the materiality page', () => {
    const bs = buildBlocks(slice('zh-Hant', 202, 231), { latin: false, warnings: [] });
    expect(kinds(bs).slice(0, 2)).toEqual(['h2', 'para']);
    expect(bs[0]).toMatchObject({ number: '02', text: '02 重大性議題' });
    const lists = bs.filter((b) => b.kind === 'list') as Extract<Block, { kind: 'list' }>[];
    expect(lists.map((l) => l.items.length)).toEqual([6, 4]);
    expect(lists[0].items[4]).toBe('香港聯交所《環境、社會及管治報告指引》');
  });
  it('en: a box title over a narrow column, then one paragraph per printed paragraph', () => {
    const bs = buildBlocks(slice('en', 1060, 1100), { latin: true, warnings: [] });
    const h = bs.find((b) => b.kind === 'heading') as Extract<Block, { kind: 'heading' }>;
    expect(h).toMatchObject({ level: 3, text: 'Medical Think Tank “Yi Zhi Lu”' });
    const p = bs[bs.indexOf(h) + 1] as Extract<Block, { kind: 'para' }>;
    expect(p.text).toMatch(/^Strengthening health education and improving people’s knowledge of healthcare are an integral part of the national “Big Health” strategy\./);
  });
  it('en: a section number alone on its line takes the wrapped title below it', () => {
    const bs = buildBlocks(slice('en', 1196, 1230), { latin: true, warnings: [] });
    expect(bs[0]).toMatchObject({ kind: 'heading', level: 2, text: '02 Medical training enters the virtual era • Medical education scenario simulation platform' });
    expect(bs.some((b) => b.kind === 'heading' && b.text === '03 Building AI-based medical future — AI system “Doctor You”')).toBe(true);
  });
});
