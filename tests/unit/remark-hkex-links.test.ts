import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import remarkHkexLinks from '../../src/markdown/remark-hkex-links.ts';
import { codesOfEdition, editionOfSectionFile } from '../../src/lib/report-editions.ts';

const SECTION = 'content/reports/alibaba-health/2018/zh-Hant/16-p3-c3.mdx';

async function html(md: string, path = SECTION): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkHkexLinks, { editionOf: editionOfSectionFile, codesOf: codesOfEdition })
    .use(remarkRehype)
    .use(rehypeStringify)
    .process({ value: md, path });
  return String(file);
}

describe('remark-hkex-links', () => {
  it('reads the edition from the report of the section file', () => {
    expect(editionOfSectionFile(`${process.cwd()}/${SECTION}`)).toBe('hkex-2015');
    expect(editionOfSectionFile('somewhere/else.mdx')).toBeUndefined();
  });
  it('links KPI codes with or without a keyword, in both languages', async () => {
    const out = await html('排放數據見關鍵績效指標 A1.1，能源見A2.1。We report KPI B6.5 and B6.2 here.');
    expect(out).toContain('<a href="../../../hkex/hkex-2015/A1.1/" class="code-link" data-code="A1.1">關鍵績效指標 A1.1</a>');
    expect(out).toContain('<a href="../../../hkex/hkex-2015/A2.1/" class="code-link" data-code="A2.1">A2.1</a>');
    expect(out).toContain('data-code="B6.5">KPI B6.5</a>');
    expect(out).toContain('data-code="B6.2">B6.2</a>');
  });
  it('links aspect codes only after a keyword', async () => {
    const out = await html('See Aspect B1 and 層面A2. Our B2B and B2C businesses grew; A1 was the first floor.');
    expect(out).toContain('data-code="B1">Aspect B1</a>');
    expect(out).toContain('data-code="A2">層面A2</a>');
    expect(out).not.toMatch(/data-code="(?:B2|A1)"/);
  });
  it('never links inside headings, code, existing links, or false matches', async () => {
    const out = await html(
      '## A1.1 emissions\n\n`A1.1` and [A2.1](https://example.org) and version 1.A1.1x, A9.1, A1.12.3, model B6.5-X, 3.5%A1.5%\n',
    );
    expect(out).toContain('<h2>A1.1 emissions</h2>');
    expect(out).toContain('<code>A1.1</code>');
    expect(out).toContain('<a href="https://example.org">A2.1</a>');
    expect(out).not.toContain('code-link');
  });
  it('links both ends of a range', async () => {
    const out = await html('KPIs B6.1-B6.5 and A1.1–A1.6');
    expect(out.match(/code-link/g)).toHaveLength(4);
  });
  it('does nothing for files outside a report', async () => {
    expect(await html('KPI A1.1', 'docs/readme.md')).not.toContain('code-link');
  });
});
