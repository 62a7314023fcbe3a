/**
 * Evidence: the cues of a designed layout (outline/evidence/designed-layout.ts) — chapter ordinals,
 * ToC lists on chapter openers, strategy-page runs, front matter from the nav-bar / cover inventory,
 * appendices. Inputs are cut from the seeds' forms (jd-health 2024 ordinals, alibaba 2023 ToC lists).
 */
import { describe, expect, it } from 'vitest';
import { designedLayout } from '../../../../../scripts/import/outline/evidence/designed-layout.ts';
import { makeDoc, rows } from './doc.ts';

const para = '京東健康持續推進企業治理體系建設，夯實合規管理基礎，穩步提升合規管理水平。';
const valid = [
  {
    name: 'chapter ordinals 01–03, each above its title; an appendix after the last chapter',
    src: [' 2024環境、社會及管治報告', para, '01', '構建用戶信任', para, ' 02', '合理使用資源', para, '03', '攜手共建社會', para, ' 附錄', '關鍵績效', para],
    expected: ['front 1 ', 'chapter 3 構建用戶信任', 'chapter 6 合理使用資源', 'chapter 9 攜手共建社會', 'appendix 12 附錄'],
  },
  {
    name: 'a repeated ordinal: the one whose title is printed elsewhere wins',
    src: [' 構建用戶信任', para, '01', '企业治理', para, '01', '構建用戶信任', para, '02', '合理使用資源', para, '03', '攜手共建社會', para],
    expected: ['front 1 ', 'chapter 6 構建用戶信任', 'chapter 9 合理使用資源', 'chapter 12 攜手共建社會'],
  },
  {
    name: 'a ToC list on a chapter opener gives its sections, found later as headings',
    src: [' 报告说明', para, ' 修复绿色星球', '● 扎实推进碳中和 P28', '● 助力建设绿水青山 P48', ' 扎实推进碳中和', para, ' 助力建设绿水青山', para],
    expected: ['front 1 ', 'chapter 3 修复绿色星球', 'section 6 扎实推进碳中和', 'section 8 助力建设绿水青山'],
  },
];
const invalid = [
  { name: 'two ordinals only', src: [para, '01', '構建用戶信任', para, '02', '合理使用資源', para] },
  { name: 'ordinals that do not start at 01', src: [para, '02', '構建用戶信任', para, '03', '合理使用資源', para, '04', '攜手共建社會', para] },
  { name: 'an ordinal above a sentence', src: [para, '01', para, '02', para, '03', para] },
];

describe('designed-layout', () => {
  it.each(valid)('valid: $name', ({ src, expected }) => {
    const ev = designedLayout(makeDoc(src, 'zh-Hant'));
    expect(rows(ev.candidates)).toEqual(expected);
    expect(ev.candidates.filter((c) => c.kind === 'chapter').every((c) => c.level === 1)).toBe(true);
  });
  it.each(invalid)('invalid: $name', ({ src }) => {
    const ev = designedLayout(makeDoc(src, 'zh-Hant'));
    expect(ev.candidates.filter((c) => c.kind !== 'front')).toEqual([]);
  });
  it('warns for a listed section not printed as a heading', () => {
    const ev = designedLayout(makeDoc([' 修复绿色星球', '● 扎实推进碳中和 P28', '● 助力建设绿水青山 P48', ' 扎实推进碳中和', para], 'zh-Hans'));
    expect(ev.warnings).toEqual(['outline: section "助力建设绿水青山" of chapter "修复绿色星球" not found as a heading']);
  });
});
