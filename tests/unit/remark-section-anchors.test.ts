import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import remarkSectionAnchors, { sectionAnchor } from '../../src/markdown/remark-section-anchors.ts';
import rehypeHeadingLinks from '../../src/markdown/rehype-heading-links.ts';

async function html(md: string, path = 'content/reports/x/2018/en/01-a.mdx'): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkSectionAnchors).use(remarkRehype).use(rehypeHeadingLinks).use(rehypeStringify).process({ value: md, path });
  return String(file);
}

describe('remark-section-anchors', () => {
  it('gives numbered headings the same anchor in English and Chinese', async () => {
    expect(await html('## 01 Visible Security — Transparent Laboratory')).toContain('<h2 id="s01">');
    expect(await html('## 01 看得見的保障 · 透明實驗室')).toContain('<h2 id="s01">');
    expect(await html('## 1  便捷豐富的醫藥健康商品消費')).toContain('<h2 id="s1">');
  });
  it('numbers a repeated printed number apart (both editions print "04" twice)', async () => {
    const out = await html('## 04 Supply Chain Management\n\n## 04 Business Integrity');
    expect(out).toContain('id="s04"');
    expect(out).toContain('id="s04-1"');
  });
  it('leaves unnumbered headings and years alone', async () => {
    expect(sectionAnchor('2017 Singles Day')).toBeUndefined();
    expect(sectionAnchor('Tmall Pharmacy')).toBeUndefined();
    expect(await html('## Tmall Pharmacy')).not.toContain('id="s');
  });
});

describe('rehype-heading-links', () => {
  it('adds a labelled self-link beside the heading, not inside it', async () => {
    const out = await html('## 01 Title');
    expect(out).toMatch(/<div class="heading-wrapper level-h2"><h2 id="s01">01 Title<\/h2><a class="heading-link" href="#s01"><span class="sr-only">Link to this heading: 01 Title<\/span>/);
  });
  it('labels links in Chinese editions in Chinese', async () => {
    expect(await html('## 01 標題', 'content/reports/x/2018/zh-Hant/01-a.mdx')).toContain('連結至此標題');
    expect(await html('## 01 标题', 'content/reports/x/2023/zh-Hans/01-a.mdx')).toContain('链接至此标题');
  });
});

describe('heading ids', () => {
  it('slugs unnumbered headings (CJK kept) and never reuses a numbered anchor', async () => {
    const out = await html('## 時間範疇\n\n## s01\n\n## 01 Title', 'content/reports/x/2018/zh-Hant/01-a.mdx');
    expect(out).toContain('<h2 id="時間範疇">');
    expect(out).toContain('<h2 id="s01">01 Title');
    expect(out).toContain('<h2 id="s01-1">s01</h2>');
  });
});
