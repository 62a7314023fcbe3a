/**
 * The built-site half of `npm run check`: builds the site into a temporary folder (or takes a
 * built one), checks every internal link and anchor (src/lib/site-links.ts) and validates every
 * page with html-validate. Problems name the MDX file and line when a section's body wrote the
 * link, else the built file and line (a template problem).
 */
import { spawnSync } from 'node:child_process';
import { writeSitemap } from './sitemap.ts';
import { siteUrl } from '../../src/lib/site-url.ts';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import type { ContentFile, Problem } from '../../src/lib/content-check.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { checkLinks, fileToUrl, lineInSource, parsePage, sectionSources, type BrokenLink, type BuiltPage } from '../../src/lib/site-links.ts';
import { describeDuplicate, duplicateLandmarks } from '../../src/lib/landmarks.ts';
import type { Root } from 'hast';

/**
 * html-validate: the recommended preset (standard rules + accessibility + document + style),
 * with the rules below changed, each for the reason given.
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Style, not validity: the DOCTYPE is case-insensitive, and pages re-serialized by the script
    // conversion (rehype-stringify, every /sc/ page) write `<!doctype html>`.
    'doctype-style': 'off',
    // SEO advice, not validity: a page title names the section, the report and the archive.
    'long-title': 'off',
    // HTML allows any id without whitespace; the strict form would refuse the HKEX code anchors
    // (`#code-A1.1`), which are public URL fragments.
    'valid-id': ['error', { relaxed: true }],
    // Style: MDX is JSX, so authors must write void elements self-closed (`<img ... />`), and
    // Astro writes them as written; `<img>` and `<img/>` are both valid HTML.
    'void-style': 'off',
    // Replaced by check's own `unique-landmark` (src/lib/landmarks.ts, run in htmlProblems, an
    // error too): html-validate counts every <aside class="box"> of an MDX body as a complementary
    // landmark, but an <aside> inside an <article> is not one (HTML-AAM), so most of its findings
    // were false; and it reads only the first id of an `aria-labelledby`, while the table regions
    // are named by a report or section heading and their caption together.
    'unique-landmark': 'off',
    // Style: the wide tables sit in <div role="region" aria-labelledby tabindex="0"> scroll
    // containers, the same accessibility tree as a named <section>.
    'prefer-native-element': 'off',
  },
};

export interface SiteSummary {
  /** Where the checked site was: the --site folder, or `<build>` for the temporary build. */
  dir: string;
  pages: number;
  links: number;
  anchors: number;
  skippedPagefind: number;
  /** Time of the Astro build (0 with --site) and of the checks. */
  buildMs: number;
  checkMs: number;
}

/** Every file of a built site, as POSIX paths relative to it. */
export function listSiteFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).replaceAll('\\', '/'))
    .sort();
}

/** `astro build` of the project at `root` into a new temporary folder, with its sitemap (no search index). */
export function buildSite(root: string): { dir: string; ms: number } | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'esg-check-site-'));
  const t0 = performance.now();
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const run = spawnSync(process.execPath, [astro, 'build'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ASTRO_OUT_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (run.status !== 0 || !existsSync(join(dir, 'index.html'))) {
    rmSync(dir, { recursive: true, force: true });
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    return { error: `astro build exited with ${run.status ?? run.signal}:\n${output}` };
  }
  // the sitemap is written after the pages (scripts/build.ts); pages link it
  writeSitemap(dir, siteUrl());
  return { dir, ms: Math.round(performance.now() - t0) };
}

/** What is broken, in the words of the reference as written (a relative URL is read against the pages named after it). */
function describe(b: BrokenLink): string {
  const what = b.tag === 'a' || b.tag === 'area' || b.tag === 'link' ? 'link' : `<${b.tag} ${b.attr}>`;
  if (b.kind === 'anchor') {
    const where = b.value.startsWith('#') ? 'this page' : b.value.startsWith('/') ? b.target : 'the page it points to';
    return `${what} to ${b.value} — no id "${b.fragment}" on ${where} in the built site`;
  }
  const kind = b.target.endsWith('/') || !/\.[a-z0-9]+$/i.test(b.target) ? 'page' : 'file';
  return `${what} to ${b.value} — no such ${kind} in the built site`;
}

const listPages = (urls: string[]) => (urls.length <= 3 ? urls.join(', ') : `${urls.slice(0, 3).join(', ')} and ${urls.length - 3} more pages`);

/** Broken links as problems: one per source line (or template reference), pages merged. */
export function linkProblems(broken: readonly BrokenLink[], sources: ReadonlyMap<string, string>, readSource: (file: string) => string, siteLabel: string): Problem[] {
  const groups = new Map<string, { file: string; line: number; text: string; fix: string; pages: string[] }>();
  const occurrences = new Map<string, number>();
  for (const b of broken) {
    const pageUrl = fileToUrl(b.page);
    const source = sources.get(pageUrl);
    let file = `${siteLabel}/${b.page}`;
    let line = b.line;
    let fix: string;
    if (source && b.inContent) {
      const text = readSource(source);
      const key = `${b.page}\0${b.value}`;
      const n = occurrences.get(key) ?? 0;
      occurrences.set(key, n + 1);
      const at = lineInSource(text, b, n, splitFrontmatter(text)?.bodyLine ?? 1);
      if (at !== undefined) {
        file = source;
        line = at;
        fix = b.kind === 'anchor' ? 'Fix the #anchor or the heading it points to.' : 'Fix the URL or the section id.';
      } else {
        fix = `It is in the body of ${source}, but a component or plugin wrote the URL: fix that.`;
      }
    } else {
      fix = `It comes from a template (src/pages, src/components, src/layouts), not from content: fix the template (column ${b.column}).`;
    }
    const text = describe(b);
    // A template link breaks on every page that uses it: one problem, the first page named.
    const key = file.startsWith(`${siteLabel}/`) ? `template\0${text}\0${b.tag}` : `${file}\0${line}\0${text}`;
    const group = groups.get(key);
    if (group) {
      if (!group.pages.includes(pageUrl)) group.pages.push(pageUrl);
    } else groups.set(key, { file, line, text, fix, pages: [pageUrl] });
  }
  return [...groups.values()].map((g) => ({ file: g.file, line: g.line, severity: 'error', message: `${g.text} (on ${listPages(g.pages)}). ${g.fix}` }));
}

/** A message of a rule about one element of a page (html-validate's, or check's own `unique-landmark`). */
interface RuleMessage {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  selector: string | null;
  severity: number;
}

/**
 * html-validate over every page, and `unique-landmark` (every landmark of a page has a name of its
 * own, src/lib/landmarks.ts) over its parsed tree (`trees`, else parsed here); a rule broken the
 * same way on many pages is one problem.
 */
export function htmlProblems(pages: readonly BuiltPage[], sources: ReadonlyMap<string, string>, siteLabel: string, trees?: ReadonlyMap<string, Root>): Problem[] {
  const validator = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));
  const groups = new Map<string, { problem: Problem; text: string; pages: string[] }>();
  for (const page of pages) {
    const pageUrl = fileToUrl(page.file);
    const report = validator.validateStringSync(page.html, page.file);
    const landmarks: RuleMessage[] = duplicateLandmarks(trees?.get(page.file) ?? parsePage(page.html)).map((d) => ({
      ruleId: 'unique-landmark',
      message: describeDuplicate(d),
      line: d.line,
      column: d.column,
      selector: d.selector,
      severity: 2,
    }));
    const messages: RuleMessage[] = [...report.results.flatMap((r) => r.messages), ...landmarks];
    for (const m of messages) {
      const source = sources.get(pageUrl);
      const at = m.selector ? ` — at ${m.selector}` : '';
      const text = `HTML [${m.ruleId}] column ${m.column}: ${m.message}${at}${source ? ` (page built from ${source})` : ''}`;
      // The same rule, message and element shape from one template or one source: one problem.
      const shape = (m.selector ?? '').replace(/:nth-child\(\d+\)|#[\w-]+/g, '');
      const key = `${m.ruleId}\0${m.message}\0${shape}\0${source ?? ''}`;
      const group = groups.get(key);
      if (group) {
        if (!group.pages.includes(pageUrl)) group.pages.push(pageUrl);
        continue;
      }
      groups.set(key, { problem: { file: `${siteLabel}/${page.file}`, line: m.line, severity: m.severity >= 2 ? 'error' : 'warning', message: '' }, text, pages: [pageUrl] });
    }
  }
  return [...groups.values()].map((g) => ({ ...g.problem, message: `${g.text} (on ${listPages(g.pages)})` }));
}

/** Checks the built site in `dir` against the content files it was built from. */
export function checkSite(dir: string, siteLabel: string, content: readonly ContentFile[], root: string): { summary: Omit<SiteSummary, 'buildMs'>; problems: Problem[] } {
  const t0 = performance.now();
  const files = listSiteFiles(dir);
  const pages: BuiltPage[] = files.filter((f) => f.endsWith('.html')).map((file) => ({ file, html: readFileSync(join(dir, file), 'utf8') }));
  const sources = sectionSources(content);
  const texts = new Map(content.map((f) => [f.path, f.text]));
  const trees = new Map(pages.map((p) => [p.file, parsePage(p.html)]));
  const links = checkLinks(pages, files, { trees });
  const problems = [
    ...linkProblems(links.broken, sources, (f) => texts.get(f) ?? readFileSync(join(root, f), 'utf8'), siteLabel),
    ...htmlProblems(pages, sources, siteLabel, trees),
  ];
  return {
    summary: { dir: siteLabel, pages: links.pages, links: links.links, anchors: links.anchors, skippedPagefind: links.skippedPagefind, checkMs: Math.round(performance.now() - t0) },
    problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message)),
  };
}
