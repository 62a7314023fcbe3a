/** Shared fixtures: the committed seed copies and one pipeline run per language. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runPipeline, type PipelineResult } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { readSource, toLines } from '../../../scripts/import/read-source.ts';
import type { Line } from '../../../scripts/import/types.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const REPORT = join(ROOT, 'content/reports/alibaba-health/2018');
export const SOURCE = join(REPORT, 'source');
export const LANGS = ['zh-Hant', 'en'] as const;
export type L = (typeof LANGS)[number];

export const sourcePath = (lang: L) => join(SOURCE, `alibaba-health-fy2018.${lang}.txt`);
export const sourceBytes = (lang: L) => readFileSync(sourcePath(lang));
export const sourceLines = (lang: L): Line[] => toLines(readSource(sourceBytes(lang)));
/** 1-based line of the seed copy (for building test inputs from real passages). */
export const line = (lang: L, n: number) => sourceLines(lang)[n - 1];
export const overrides = () => parseOverrides(readFileSync(join(SOURCE, 'overrides.yaml'), 'utf8'));

const cache = new Map<L, PipelineResult>();
export function run(lang: L): PipelineResult {
  if (!cache.has(lang)) cache.set(lang, runPipeline(sourceBytes(lang), lang, overrides(), `${lang}.txt`));
  return cache.get(lang)!;
}
export const section = (lang: L, id: string) => {
  const s = run(lang).sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};
/** Body of a section without frontmatter. */
export const body = (lang: L, id: string) => section(lang, id).mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
/** Plain paragraphs of a body (not headings, lists, tables, quotes, JSX). */
export const paragraphs = (md: string) =>
  md.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p && !/^(#|- |\||>|<|\*\*|\[\^)/.test(p));
export const committed = (lang: L) =>
  Object.fromEntries(readdirSync(join(REPORT, lang)).map((f) => [`${lang}/${f}`, readFileSync(join(REPORT, lang, f), 'utf8')]));

/** Every importer fixture text: `*.{en,zh-Hant,zh-Hans}.txt` and `toc/<case>/input.txt` (language from its expected.json). */
export function fixtureTexts(): { name: string; file: string; lang: 'en' | 'zh-Hant' | 'zh-Hans' }[] {
  const base = join(ROOT, 'tests/fixtures/import');
  const out: { name: string; file: string; lang: 'en' | 'zh-Hant' | 'zh-Hans' }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = join(dir, e.name);
      if (e.isDirectory()) { walk(file); continue; }
      const named = /\.(en|zh-Hant|zh-Hans)\.txt$/.exec(e.name)?.[1] as 'en' | 'zh-Hant' | 'zh-Hans' | undefined;
      const oracle = e.name === 'input.txt' ? join(dir, 'expected.json') : '';
      const lang = named ?? (oracle ? JSON.parse(readFileSync(oracle, 'utf8')).lang : undefined);
      if (lang) out.push({ name: file.slice(base.length + 1), file, lang });
    }
  };
  walk(base);
  return out;
}
