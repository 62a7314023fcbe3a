import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractNumbers, numberDifferences } from '../../src/lib/number-parity.ts';

const body = (file: string) => readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const dir = 'content/reports/alibaba-health/2018';

describe('number parity of aligned sections', () => {
  it('normalises thousands separators, decimals and percentages and skips small numbers', () => {
    expect(extractNumbers('共4,917件，0.069%；45.5% 的員工；3 個；2018年；[^1] [x](https://a/12345)').map((n) => n.value)).toEqual([
      '4917',
      '0.069%',
      '45.5%',
      '2018',
    ]);
  });
  it('finds the complaint count and return rate in both editions of Operational Practices', () => {
    const zh = extractNumbers(body(`${dir}/zh-Hant/14-p3-c1.mdx`)).map((n) => n.value);
    const en = extractNumbers(body(`${dir}/en/14-p3-c1.mdx`)).map((n) => n.value);
    for (const v of ['4917', '0.069%']) {
      expect(zh).toContain(v);
      expect(en).toContain(v);
    }
  });
  it('reports a figure only one edition prints, with its line', () => {
    const diff = numberDifferences(extractNumbers('a\n共有1,500萬人'), extractNumbers('15 million users\nwithin 2018'));
    expect(diff.onlyA).toEqual([{ value: '1500', line: 2 }]);
    expect(diff.onlyB).toEqual([{ value: '2018', line: 2 }]);
  });
});
