/** outline/guards.ts: units with no text of their own go; a unit far over MAX_UNIT is cut at page starts. */
import { describe, expect, it } from 'vitest';
import { cutLargeUnits, dropEmptyUnits, MAX_UNIT } from '../../../../scripts/import/outline/guards.ts';
import type { Unit } from '../../../../scripts/import/outline/types.ts';
import type { View } from '../../../../scripts/import/outline/view.ts';
import { toLines } from '../../../../scripts/import/read-source.ts';

const view = (src: string[]): View => ({ lines: toLines(src.join('\n')), skip: new Set() });
const unit = (from: number, kind: Unit['kind'], title: string): Unit => ({ id: '', kind, title, from, titleLines: [from] });
const para = '京東健康持續推進企業治理體系建設，夯實合規管理基礎，穩步提升合規管理水平，將可持續發展融入日常運營。';

describe('guards', () => {
  it('drops a unit with under 40 characters of its own; an empty appendix title page opens the next appendix', () => {
    const c = view(['報告說明', para, '附錄', '', '關鍵績效', para, '社會', '短']);
    const units = [unit(0, 'front', '報告說明'), unit(2, 'appendix', '附錄'), unit(4, 'appendix', '關鍵績效'), unit(6, 'section', '社會')];
    dropEmptyUnits(c, units);
    expect(units.map((u) => `${u.kind} ${u.from} ${u.title}`)).toEqual(['front 0 報告說明', 'appendix 2 關鍵績效']);
  });
  it('keeps a chapter however short, and a unit with text', () => {
    const c = view(['報告說明', para, '構建用戶信任', '短']);
    const units = [unit(0, 'front', '報告說明'), unit(2, 'chapter', '構建用戶信任')];
    dropEmptyUnits(c, units);
    expect(units).toHaveLength(2);
  });
  it('cuts a unit over MAX_UNIT at title-like page starts into pieces of at least MIN_PIECE, with a warning', () => {
    const page = (t: string) => [` ${t}`, ...Array.from({ length: 110 }, () => para)];
    const c = view([...page('構建用戶信任'), ...page('合理使用資源'), ...page('攜手共建社會'), ...page('關愛員工成長')]);
    const total = c.lines.reduce((a, l) => a + l.text.length, 0);
    expect(total).toBeGreaterThan(MAX_UNIT);
    const units = [unit(0, 'chapter', '構建用戶信任')];
    const warnings: string[] = [];
    cutLargeUnits(c, units, warnings);
    expect(units.map((u) => `${u.kind} ${u.from} ${u.title}`)).toEqual(['chapter 0 構建用戶信任', 'section 111 合理使用資源', 'section 222 攜手共建社會', 'section 333 關愛員工成長']);
    expect(warnings).toHaveLength(1);
  });
  it('leaves a unit under the limit alone', () => {
    const c = view([' 構建用戶信任', para, ' 合理使用資源', para]);
    const units = [unit(0, 'chapter', '構建用戶信任')];
    cutLargeUnits(c, units, []);
    expect(units).toHaveLength(1);
  });
});
