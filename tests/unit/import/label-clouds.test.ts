/**
 * Flattened graphics become lists of their labels (label-clouds.ts, build-blocks.ts): snippets,
 * and the Alibaba FY2023 seed (appendix list and phrase lines run together before).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parallelLines, phraseLine } from '../../../scripts/import/label-clouds.ts';
import { buildBlocks } from '../../../scripts/import/build-blocks.ts';
import { runPipeline } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import type { Block, Line } from '../../../scripts/import/types.ts';
import { ROOT } from './helpers.ts';

const mk = (texts: string[]): Line[] => texts.map((t, i) => ({ n: i + 1, text: t, lead: 0, trail: false, page: 1 }));
const lists = (bs: Block[]) => bs.filter((b) => b.kind === 'list').map((b) => (b as { items: string[] }).items);

describe('phraseLine / parallelLines', () => {
  it('a line of ≥ 3 short CJK phrases without punctuation', () => {
    expect(phraseLine('減少包裝材料 節約用水 循環廢棄物 保護生態')).toEqual(['減少包裝材料', '節約用水', '循環廢棄物', '保護生態']);
    expect(phraseLine('審計委員會 薪酬委員會')).toBeNull();
    expect(phraseLine('我們 今年 推出了 新計劃。')).toBeNull();
    expect(phraseLine('用水 2,300 噸 下降')).toBeNull();
  });
  it('≥ 3 adjacent lines that start alike and end no clause', () => {
    expect(parallelLines(['附錄 1: 關鍵績效表', '附錄 2: 獎項列表', '附錄 10: 法律聲明', '報告的線上版本'])).toBe(3);
    expect(parallelLines(['附錄 1: 關鍵績效表', '附錄 2: 獎項列表，'])).toBe(0);
    expect(parallelLines(['我們持續推進節能', '我們的員工參與了', '我們的客戶'].slice(0, 2))).toBe(0);
    expect(parallelLines(['我們持續推進節能減排，', '我們的員工參與了', '我們的客戶'])).toBe(0);
  });
});

describe('buildBlocks', () => {
  it('a phrase line alone becomes a list, not a paragraph', () => {
    const bs = buildBlocks(mk(['上文結束。', '', '減少包裝材料 節約和淨化水資源 減少和循環廢棄物 保護生態系統', '', '下文開始，我們持續推進。']), { latin: false, warnings: [] });
    expect(lists(bs)).toEqual([['減少包裝材料', '節約和淨化水資源', '減少和循環廢棄物', '保護生態系統']]);
  });
  it('parallel lines become one item each, short labels after a phrase line join its list', () => {
    const bs = buildBlocks(mk(['請參考附錄。', '附錄 4: 溫室氣體盤查和核算邊界說明', '附錄 5: 氣候風險和機遇評估報告全文', '附錄 6: 利益相關者溝通和實質性分析']), { latin: false, warnings: [] });
    expect(lists(bs)).toEqual([['附錄 4: 溫室氣體盤查和核算邊界說明', '附錄 5: 氣候風險和機遇評估報告全文', '附錄 6: 利益相關者溝通和實質性分析']]);
    const cs = buildBlocks(mk(['上文結束。', '', '高效先進 環境友好 包容開放', '負責任的科技', '自研技術', '', '下文開始，我們持續推進。']), { latin: false, warnings: [] });
    expect(lists(cs)).toEqual([['高效先進', '環境友好', '包容開放', '負責任的科技', '自研技術']]);
  });
});

describe('Alibaba FY2023 seed', () => {
  const dir = join(ROOT, 'content/reports/alibaba/2023/source');
  const r = runPipeline(readFileSync(join(dir, 'alibaba-fy2023.zh-Hans.txt')), 'zh-Hans', parseOverrides(readFileSync(join(dir, 'overrides.yaml'), 'utf8')), 'fy2023');
  const mdx = r.sections.map((s) => s.mdx).join('\n');
  it('the appendix list is one item per appendix, not a paragraph run together', () => {
    expect(mdx).toContain('- 附录 4: 温室气体盘查和核算边界\n- 附录 5: 气候风险和机遇评估报告');
    expect(mdx).not.toMatch(/核算边界附录 5/);
  });
  it('phrase lines of infographics are lists', () => {
    expect(mdx).toContain('- 减少包装材料\n- 节约和净化水资源\n- 减少和循环废弃物\n- 保护生态系统');
    expect(mdx).not.toMatch(/^减少包装材料 节约和净化水资源/m);
  });
});
