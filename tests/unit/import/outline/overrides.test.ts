/** outline/overrides.ts: demote and split before the guards, merge and rename after the ids. */
import { describe, expect, it } from 'vitest';
import { demoteAndSplit, findGivenTitles, mergeAndRename } from '../../../../scripts/import/outline/overrides.ts';
import type { Unit } from '../../../../scripts/import/outline/types.ts';
import type { View } from '../../../../scripts/import/outline/view.ts';
import { toLines } from '../../../../scripts/import/read-source.ts';

const SRC = ['報告說明', '本報告涵蓋年度。', '應對氣候變化', '治理', '董事會監督氣候風險。', '策略', '我們識別氣候風險。', '構建用戶信任', '我們保護用戶。'];
const view = (): View => ({ lines: toLines(SRC.join('\n')), skip: new Set() });
const unit = (from: number, kind: Unit['kind'], title: string, id = ''): Unit => ({ id, kind, title, from, titleLines: [from] });

describe('outline overrides', () => {
  it('demotes a unit by title and splits at a line (in a chapter: a section; with a title the line stays text)', () => {
    const units = [unit(0, 'front', '報告說明'), unit(2, 'chapter', '應對氣候變化'), unit(7, 'chapter', '構建用戶信任')];
    const warnings: string[] = [];
    const given = demoteAndSplit(view(), units, { demote: ['應對氣候變化'], split: [{ at: '治理', title: '應對氣候變化' }, { at: '策略' }, { at: '不存在' }] }, warnings);
    expect(units.map((u) => `${u.kind} ${u.from} ${u.title} [${u.titleLines}]`)).toEqual(['front 0 報告說明 [0]', 'front 3 應對氣候變化 []', 'front 5 策略 [5]', 'chapter 7 構建用戶信任 [7]']);
    expect([...given].map((u) => u.title)).toEqual(['應對氣候變化']);
    expect(warnings).toEqual(['outline: split line "不存在" not found']);
  });
  it('warns for a demote title no unit has', () => {
    const warnings: string[] = [];
    demoteAndSplit(view(), [unit(0, 'front', '報告說明')], { demote: ['不存在'] }, warnings);
    expect(warnings).toEqual(['outline: demote "不存在": no unit with that title']);
  });
  it('merges and renames by id, warning for unknown ids', () => {
    const units = [unit(0, 'front', '報告說明', 'f01'), unit(2, 'chapter', '應對氣候變化', 'c01'), unit(7, 'chapter', '構建用戶信任', 'c02')];
    const warnings: string[] = [];
    const renamed = mergeAndRename(units, { merge: ['c01', 'f01'], rename: { c02: '用戶信任', c09: 'x' } }, warnings);
    expect(units.map((u) => `${u.id} ${u.title}`)).toEqual(['f01 報告說明', 'c02 用戶信任']);
    expect([...renamed]).toEqual(['c02']);
    expect(warnings).toEqual(['outline: merge "f01": no such unit after the first', 'outline: rename "c09": no such unit']);
  });
  it('a given title printed in its unit becomes its title line', () => {
    const u = { ...unit(2, 'section', '應對氣候變化', 'c01-s01'), titleLines: [], to: 7 };
    findGivenTitles(view(), [u], () => true);
    expect(u.titleLines).toEqual([2]);
  });
});
