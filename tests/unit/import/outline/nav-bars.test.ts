/** outline/nav-bars.ts: lines of ≥ 5 short titles whose title set recurs are nav bars. */
import { describe, expect, it } from 'vitest';
import { findNavBars } from '../../../../scripts/import/outline/nav-bars.ts';
import { toLines } from '../../../../scripts/import/read-source.ts';

const NAV = '關於本報告 董事會聲明 構建用戶信任 合理使用資源 攜手共建社會';
describe('nav-bars', () => {
  it('finds a nav bar printed twice (one with a glued page number and report title) and lists its titles', () => {
    const lines = toLines([NAV, '京東健康持續推進企業治理體系建設。', `12${NAV} 2024環境、社會及管治報告`, '夯實合規管理基礎。'].join('\n'));
    const nav = findNavBars(lines);
    expect([...nav.lines]).toEqual([0, 2]);
    expect(nav.titles).toEqual(['關於本報告', '董事會聲明', '構建用戶信任', '合理使用資源', '攜手共建社會']);
  });
  it('a line printed once, or a row of four titles, is no nav bar', () => {
    expect(findNavBars(toLines([NAV, '京東健康。'].join('\n'))).lines.size).toBe(0);
    const four = '關於本報告 董事會聲明 構建用戶信任 合理使用資源';
    expect(findNavBars(toLines([four, four].join('\n'))).lines.size).toBe(0);
  });
});
