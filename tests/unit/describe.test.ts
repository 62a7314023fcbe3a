import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSection } from '../../src/lib/describe.ts';

describe('describeSection', () => {
  it('drops headings, JSX, tables and escapes', () => {
    const body = '## 01 Title\n\n<aside class="box">\n\nBox\n\n</aside>\n\n| a | b |\n|---|---|\n\nRevenue rose \\{sharply\\} in **FY2018**[^1].\n';
    expect(describeSection(body)).toBe('Box Revenue rose {sharply} in FY2018.');
  });
  it('reads the importer\'s serializer output: indented box content, escapes and character references', () => {
    const body = '<aside class="box">\n  ### Box title\n\n  S\\&P \\<Global> \\{x} 1\\. a\\_b\n\n  &#x69;mport is prose\n</aside>\n\n* after\n';
    expect(describeSection(body)).toBe('S&P <Global> {x} 1. a_b import is prose after');
  });
  it('leaves out pictures and MDX comments (the importer\'s ALT TEXT NEEDED marker)', () => {
    const body = 'Packaging is recycled.\n\n{/* ALT TEXT NEEDED: describe ./c01-2.png (the Word document gives none) */}\n\n![](./c01-2.png)\n\n![Solar roof](./c01-1.png)\n\nThen sorted.\n';
    expect(describeSection(body)).toBe('Packaging is recycled. Then sorted.');
  });
  it('cuts English at a word boundary and Chinese at a sentence end', () => {
    const en = 'word '.repeat(60);
    const out = describeSection(en, 50);
    expect(out.endsWith('word…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(51);
    expect(describeSection('阿里健康一直以來致力於推動健康產業發展。'.repeat(10), 40)).toMatch(/。$/);
  });
  it('summarises every committed section without markup', () => {
    const root = 'content/reports';
    const files: string[] = [];
    for (const issuer of readdirSync(root)) for (const year of readdirSync(join(root, issuer))) for (const lang of ['en', 'zh-Hant', 'zh-Hans']) {
      const dir = join(root, issuer, year, lang);
      // sections only: an imported Word draft's pictures sit beside them
      try { for (const f of readdirSync(dir)) if (f.endsWith('.mdx')) files.push(join(dir, f)); } catch { /* edition not authored */ }
    }
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const body = readFileSync(f, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const d = describeSection(body);
      expect(d, f).not.toMatch(/[<>{}]|\*\*|^#/);
    }
  });
});
