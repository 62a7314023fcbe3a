import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import rehypeConvertScript, { convertHtml, isSkipped } from '../../src/markdown/rehype-convert-script.ts';
import { createConverter, loadDictionaries, traditionalOnlyChars } from '../../src/lib/script-convert.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dictionary = loadDictionaries(`${root}content/dictionaries`);
const t2s = createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary });

const page = `<!DOCTYPE html>
<html lang="zh-Hant-HK">
<head>
<meta charset="utf-8">
<title>關於本報告 · 阿里健康 2018</title>
<meta name="description" content="阿里健康信息技術有限公司環境、社會及管治報告">
<meta property="og:title" content="關於本報告">
<meta property="og:description" content="環境、社會及管治報告">
<meta name="generator" content="Astro 數據">
<link rel="alternate" hreflang="zh-Hant-HK" href="/tc/alibaba-health/2018/關於/">
<script type="application/ld+json">{"name":"阿里健康信息技術有限公司"}</script>
<style>.x::before{content:"數據"}</style>
</head>
<body>
<a class="skip" href="#main" title="跳至內容">跳至內容</a>
<main id="main">
<h1 id="s01-關於">關於本報告</h1>
<p>於2017年度報告中，阿里健康首次披露<abbr title="關鍵績效指標">KPI</abbr> A1.1 數據。</p>
<img src="/img/數據.png" alt="溫室氣體排放數據">
<p>代碼：<code>數據 A1.1</code>，鍵入 <kbd>數據</kbd>，輸出 <samp>數據</samp>。</p>
<pre><code>const 數據 = "數據";</code></pre>
<p translate="no">數據（原文）</p>
<div class="box no-convert"><p>數據 <em>數據</em></p></div>
<nav aria-label="報告章節"><a href="/tc/數據/" id="數據">數據來源</a></nav>
<input type="search" placeholder="搜尋報告" name="數據" value="數據">
<template><p>數據</p></template>
<!-- 數據 comment -->
</main>
</body>
</html>`;

describe('rehype-convert-script on a whole page', () => {
  const out = convertHtml(page, t2s);

  it('converts text nodes, <title> and readable attributes', () => {
    expect(out).toContain('<title>关于本报告 · 阿里健康 2018</title>');
    expect(out).toContain('<h1 id="s01-關於">关于本报告</h1>');
    expect(out).toContain('<p>于2017年度报告中，阿里健康首次披露<abbr title="关键绩效指标">KPI</abbr> A1.1 数据。</p>');
    expect(out).toContain('alt="温室气体排放数据"');
    expect(out).toContain('aria-label="报告章节"');
    expect(out).toContain('placeholder="搜寻报告"');
    expect(out).toContain('title="跳至内容">跳至内容</a>');
    expect(out).toContain('<meta name="description" content="阿里健康信息技术有限公司环境、社会及管治报告">');
    expect(out).toContain('<meta property="og:title" content="关于本报告">');
    expect(out).toContain('<meta property="og:description" content="环境、社会及管治报告">');
  });

  it('leaves href, src, id, name, value and other meta content alone', () => {
    expect(out).toContain('href="/tc/alibaba-health/2018/關於/"');
    expect(out).toContain('src="/img/數據.png"');
    expect(out).toContain('<a href="/tc/數據/" id="數據">数据来源</a>');
    expect(out).toContain('name="數據" value="數據"');
    expect(out).toContain('<meta name="generator" content="Astro 數據">');
  });

  it('skips code, pre, kbd, samp, script, style, template, translate="no" and .no-convert', () => {
    expect(out).toContain('<code>數據 A1.1</code>');
    expect(out).toContain('<kbd>數據</kbd>');
    expect(out).toContain('<samp>數據</samp>');
    expect(out).toContain('<pre><code>const 數據 = "數據";</code></pre>');
    expect(out).toContain('{"name":"阿里健康信息技術有限公司"}');
    expect(out).toContain('content:"數據"');
    expect(out).toContain('<p translate="no">數據（原文）</p>');
    expect(out).toContain('<div class="box no-convert"><p>數據 <em>數據</em></p></div>');
    expect(out).toContain('<template><p>數據</p></template>');
    expect(out).toContain('<!-- 數據 comment -->');
  });

  it('does not change <html lang> (the page template sets it)', () => {
    expect(out).toContain('<html lang="zh-Hant-HK">');
  });

  it('leaves no Traditional-only characters outside skipped elements', () => {
    const visible = out
      .replace(/<(code|kbd|samp|pre|script|style|template)[\s\S]*?<\/\1>/g, '')
      .replace(/<p translate="no">[\s\S]*?<\/p>/, '')
      .replace(/<div class="box no-convert">[\s\S]*?<\/div>/, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<meta name="generator"[^>]*>/, '')
      .replace(/(?:href|src|id|name|value|lang|hreflang)="[^"]*"/g, '');
    expect(traditionalOnlyChars(visible, dictionary)).toEqual([]);
  });

  it('is deterministic and idempotent', () => {
    expect(convertHtml(page, t2s)).toBe(out);
    expect(convertHtml(out, t2s)).toBe(out);
  });

  it('keeps the doctype and document structure', () => {
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).toMatch(/<\/body>\s*<\/html>\s*$/);
  });
});

describe('rehype-convert-script on fragments', () => {
  it('does not wrap a fragment in <html>', () => {
    expect(convertHtml('<p>「健康中國」<b>戰略</b></p>', t2s)).toBe('<p>“健康中国”<b>战略</b></p>');
  });
  it('converts quotes split across elements', () => {
    expect(convertHtml('<p>「<a href="/x">健康中國</a>」</p>', t2s)).toBe('<p>“<a href="/x">健康中国</a>”</p>');
  });
  it('accepts an extra skip predicate', () => {
    const html = '<p><span data-lang="zh-Hant">數據</span> 數據</p>';
    const skip = (el: { properties?: Record<string, unknown> }) => el.properties?.dataLang === 'zh-Hant';
    expect(convertHtml(html, t2s, skip)).toBe('<p><span data-lang="zh-Hant">數據</span> 数据</p>');
  });
  it('works as a unified plugin with the options object', () => {
    const file = unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeConvertScript, { convert: t2s, skip: (el) => el.tagName === 'q' })
      .use(rehypeStringify)
      .processSync('<p>數據<q>數據</q><code>數據</code></p>');
    expect(String(file)).toBe('<p>数据<q>數據</q><code>數據</code></p>');
  });
  it('rejects missing options', () => {
    // @ts-expect-error testing bad input
    expect(() => rehypeConvertScript({})).toThrow(/convert/);
  });
  it('isSkipped recognises translate="no", class no-convert and skipped tags', () => {
    expect(isSkipped({ type: 'element', tagName: 'span', properties: { translate: 'no' }, children: [] })).toBe(true);
    expect(isSkipped({ type: 'element', tagName: 'span', properties: { className: ['a', 'no-convert'] }, children: [] })).toBe(true);
    expect(isSkipped({ type: 'element', tagName: 'kbd', properties: {}, children: [] })).toBe(true);
    expect(isSkipped({ type: 'element', tagName: 'span', properties: { translate: 'yes' }, children: [] })).toBe(false);
  });
  it('zh-Hans → zh-Hant pages work the same way', () => {
    const s2t = createConverter({ from: 'zh-Hans', to: 'zh-Hant', dictionary });
    expect(convertHtml('<p title="关于">阿里巴巴集团控股有限公司“好公司”<code>数据</code></p>', s2t)).toBe(
      '<p title="關於">阿里巴巴集團控股有限公司「好公司」<code>数据</code></p>',
    );
  });
});
