/**
 * The baseline a user would pick instead of this project: a bare Astro 7 + @astrojs/mdx project
 * rendering the same section MDX into the same three locales, plus Pagefind over its output.
 * Used by the benchmarks (scripts/bench.ts for the bundled archive, scripts/bench-scale.ts for a
 * synthetic one) to print figures side by side. See docs/scale.md.
 *
 * The project (`writeBareProject`):
 * - its own package.json, astro.config.mjs (MDX integration only: no remark/rehype plugins of the
 *   real site), src/content.config.ts (one glob collection of every section file, frontmatter
 *   passed through) and one route `src/pages/[locale]/[issuer]/[year]/[section].astro`: a page per
 *   locale and section, `<html lang>` with the values of src/i18n/locales.ts (en, zh-Hant-HK,
 *   zh-Hans-CN), `<title>` and `<h1>` from the frontmatter, the compiled MDX, nothing else (no
 *   layout, CSS, navigation, report homes, HKEX or data pages, no script conversion);
 * - the section MDX copied from the archive's content/reports/<issuer>/<year>/<lang>/ (the
 *   frontmatter and text as they are), node_modules a symlink to this checkout's.
 * - A locale whose script a report was not authored in: a bare project has no converter, so it
 *   renders what the report has: /tc/ shows zh-Hant, else zh-Hans, else en; /sc/ zh-Hans, else
 *   zh-Hant, else en; /en/ en, else zh-Hant, else zh-Hans. So every locale has a page per section,
 *   as on the real site (which converts, or shows the Chinese text on /en/ with a notice).
 *
 * The build (`node scripts/lib/bare-baseline.ts build <dir>`): `astro build` in a child process,
 * then Pagefind's Node API (`createIndex()`, `addDirectory`, `writeFiles`: what `pagefind --site
 * dist` does, default options); writes `.cache/build-timings.json` like scripts/build.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '../../src/i18n/locales.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Content language a locale of the bare project renders, in order of preference. */
export const BARE_PREFERENCE: Record<string, string[]> = {
  en: ['en', 'zh-Hant', 'zh-Hans'],
  tc: ['zh-Hant', 'zh-Hans', 'en'],
  sc: ['zh-Hans', 'zh-Hant', 'en'],
};

const ASTRO_CONFIG = `// Bare baseline (scripts/lib/bare-baseline.ts): Astro 7 + MDX, nothing else.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: './.cache/astro',
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const sections = defineCollection({
  loader: glob({ pattern: '*/*/*/*.mdx', base: './content/reports' }),
  schema: z.object({ id: z.string(), title: z.string(), order: z.number() }).passthrough(),
});

export const collections = { sections };
`;

const ROUTE = (locales: { key: string; htmlLang: string; prefer: string[] }[]) => `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  // getStaticPaths runs on its own: what it needs is written inside it
  const LOCALES = ${JSON.stringify(locales)};
  const entries = await getCollection('sections');
  // <issuer>/<year> → content language → entries
  const reports = new Map();
  for (const entry of entries) {
    const [issuer, year, lang] = entry.filePath.split('/').slice(-4, -1);
    const key = issuer + '/' + year;
    if (!reports.has(key)) reports.set(key, new Map());
    const langs = reports.get(key);
    if (!langs.has(lang)) langs.set(lang, []);
    langs.get(lang).push(entry);
  }
  const paths = [];
  for (const locale of LOCALES) {
    for (const [key, langs] of reports) {
      const [issuer, year] = key.split('/');
      const lang = locale.prefer.find((l) => langs.has(l));
      for (const entry of langs.get(lang)) {
        paths.push({ params: { locale: locale.key, issuer, year, section: entry.data.id }, props: { entry, htmlLang: locale.htmlLang } });
      }
    }
  }
  return paths;
}

const { entry, htmlLang } = Astro.props;
const { Content } = await render(entry);
---
<html lang={htmlLang}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{entry.data.title}</title>
  </head>
  <body>
    <main>
      <h1>{entry.data.title}</h1>
      <Content />
    </main>
  </body>
</html>
`;

/** Writes the bare project for the reports of `archive` (a project folder with content/reports); returns its directory. */
export function writeBareProject({ archive, to, repo = ROOT }: { archive: string; to?: string; repo?: string }): string {
  const dir = to ?? mkdtempSync(path.join(tmpdir(), 'esg-bare-'));
  mkdirSync(path.join(dir, 'src', 'pages', '[locale]', '[issuer]', '[year]'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-baseline', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(path.join(dir, 'astro.config.mjs'), ASTRO_CONFIG);
  writeFileSync(path.join(dir, 'src', 'content.config.ts'), CONTENT_CONFIG);
  const locales = Object.values(LOCALES).map((l) => ({ key: l.key, htmlLang: l.htmlLang, prefer: BARE_PREFERENCE[l.key]! }));
  writeFileSync(path.join(dir, 'src', 'pages', '[locale]', '[issuer]', '[year]', '[section].astro'), ROUTE(locales));
  const reports = path.join(archive, 'content', 'reports');
  for (const issuer of readdirSync(reports).sort()) {
    for (const year of readdirSync(path.join(reports, issuer)).sort()) {
      for (const lang of ['en', 'zh-Hant', 'zh-Hans']) {
        const src = path.join(reports, issuer, year, lang);
        if (!existsSync(src)) continue;
        const dest = path.join(dir, 'content', 'reports', issuer, year, lang);
        mkdirSync(dest, { recursive: true });
        // section files only (pictures beside them are not rendered by a bare page either)
        for (const f of readdirSync(src).filter((n) => n.endsWith('.mdx'))) cpSync(path.join(src, f), path.join(dest, f));
      }
    }
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export interface BareBuildTimings {
  astroMs: number;
  searchMs: number;
  indexedPages: number;
}

/** Astro build (a child process) and Pagefind with default options over its output. */
export async function buildBare(dir: string): Promise<BareBuildTimings> {
  const out = path.join(dir, 'dist');
  const t0 = performance.now();
  const astro = spawnSync(process.execPath, [path.join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (astro.status !== 0) throw new Error(`bare baseline: astro build exited with ${astro.status ?? astro.signal}`);
  const t1 = performance.now();
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`bare baseline: pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: out });
  if (added.errors.length) throw new Error(`bare baseline: pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
  if (written.errors.length) throw new Error(`bare baseline: pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  const t2 = performance.now();
  const timings = { astroMs: Math.round(t1 - t0), searchMs: Math.round(t2 - t1), indexedPages: added.page_count };
  mkdirSync(path.join(dir, '.cache'), { recursive: true });
  writeFileSync(path.join(dir, '.cache', 'build-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  return timings;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, dir] = process.argv.slice(2);
  if (command !== 'build' || !dir) {
    console.error('usage: node scripts/lib/bare-baseline.ts build <bare project dir>');
    process.exit(2);
  }
  const t = await buildBare(path.resolve(dir));
  console.log(`bare build: Astro ${(t.astroMs / 1000).toFixed(1)} s, Pagefind ${(t.searchMs / 1000).toFixed(1)} s (${t.indexedPages} pages indexed)`);
}
