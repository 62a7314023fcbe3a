// The IR authoring loop on `astro dev` (a temporary copy of the project with one report):
// saving a section's MDX updates the open /en/, /tc/ and /sc/ pages without the test reloading
// them (/sc/ shows the Simplified conversion of the edited Traditional text), and an MDX syntax
// error is reported with file and line in the terminal and in the browser's error overlay, and
// the pages recover once it is fixed.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createConverter, loadDictionaries } from '../../src/lib/script-convert.ts';
import { launchChromium } from '../support/browser.ts';
import { loadReports } from '../support/content.ts';
import type { ReportInfo, SectionInfo } from '../support/content.ts';
import { startDevCopy } from '../support/dev-server.ts';
import type { DevServer } from '../support/dev-server.ts';
import type { Locale } from '../support/locales.ts';

/** How long a saved edit may take to show up (Vite's reload, re-render, conversion). */
const UPDATE_TIMEOUT = 30_000;

// A report authored in English and Traditional Chinese only, so /sc/ is converted at render time.
const report: ReportInfo | undefined = loadReports().find((r) => r.sections.en?.length && r.sections['zh-Hant']?.length && !r.sections['zh-Hans']);
if (!report) throw new Error('content/reports has no report authored in en and zh-Hant (and not zh-Hans)');
const reportPath = path.relative(path.join(report.dir, '..', '..'), report.dir).split(path.sep).join('/'); // its folder, <issuer>/<year>
const zhSection: SectionInfo = report.sections['zh-Hant']![0]!;
const enSection: SectionInfo | undefined = report.sections.en!.find((s) => s.id === zhSection.id);
if (!enSection) throw new Error(`${report.dir}: section ${zhSection.id} has no en/ file`);

let dir: string;
let server: DevServer;
let cleanup: (() => Promise<void>) | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
const pages = {} as Record<Locale, Page>;
const LOCALES: Locale[] = ['en', 'tc', 'sc'];

/** The copy's file of a section and its project-relative path (as the terminal names it). */
function fileOf(section: SectionInfo) {
  const rel = path.join('content', 'reports', reportPath, path.basename(path.dirname(section.file)), path.basename(section.file)).split(path.sep).join('/');
  return { rel, abs: path.join(dir, rel), lang: path.basename(path.dirname(section.file)), name: path.basename(section.file) };
}

const toSimplified = () => createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary: loadDictionaries(path.join(dir, 'content', 'dictionaries')) });

/** Text of <main>, or '' while the page is between documents. */
async function mainText(page: Page): Promise<string> {
  try {
    return (await page.locator('main').first().innerText({ timeout: 1_000 })) ?? '';
  } catch {
    return '';
  }
}

/** File:line mentions in Vite's error overlay (its shadow DOM: text and title attributes), or null without one. */
async function overlayText(page: Page): Promise<string | null> {
  try {
    return await page.evaluate(() => {
      const overlay = document.querySelector('vite-error-overlay');
      const root = overlay?.shadowRoot;
      if (!root) return null;
      const parts: string[] = [];
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'STYLE') continue;
        const title = el.getAttribute('title');
        if (title) parts.push(title);
        for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE && n.textContent?.trim()) parts.push(n.textContent.trim());
      }
      return parts.join('\n');
    });
  } catch {
    return null; // navigating
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Inserts lines into a file after line `after` (1-based; 0 = top); returns the new file. */
function insertLines(text: string, after: number, lines: string[]): string {
  const all = text.split('\n');
  all.splice(after, 0, ...lines);
  return all.join('\n');
}

/** The last line of the first body paragraph (a line of prose after the frontmatter). */
function firstParagraphEnd(text: string): number {
  const lines = text.split('\n');
  const fmEnd = lines.indexOf('---', 1);
  let i = fmEnd + 1;
  while (i < lines.length && (lines[i]!.trim() === '' || /^\s*[#<|>!\-*{]/.test(lines[i]!))) i++;
  while (i + 1 < lines.length && lines[i + 1]!.trim() !== '') i++;
  if (i >= lines.length) throw new Error('no prose paragraph in the section body');
  return i + 1; // 1-based line number
}

beforeAll(async () => {
  const t0 = Date.now();
  const started = await startDevCopy({ reports: [reportPath] });
  ({ dir, server, cleanup } = started);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  for (const l of LOCALES) {
    const page = await context.newPage();
    page.setDefaultTimeout(UPDATE_TIMEOUT);
    const url = server.url(`/${l}/${report.issuer}/${report.year}/${zhSection.id}/`);
    const res = await page.goto(url, { timeout: 60_000 });
    expect(res?.status(), `GET ${url}; astro dev printed:\n${server.output()}`).toBe(200);
    pages[l] = page;
  }
  console.log(`dev-loop: astro dev + Chromium + 3 pages ready in ${Date.now() - t0} ms (${server.origin}, ${dir})`);
});

// On a failure, show what astro dev printed during the test.
let outputFrom = 0;
beforeEach(() => {
  outputFrom = server?.output().length ?? 0;
});
afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail' && server) console.log(`astro dev printed during "${ctx.task.name}":\n${server.output().slice(outputFrom)}`);
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await cleanup?.();
});

describe('npm run dev: authoring loop', () => {
  it('a saved MDX edit shows up in /en/, /tc/ and /sc/ without reloading the pages', async () => {
    const zh = fileOf(zhSection);
    const en = fileOf(enSection);
    const zhOriginal = readFileSync(zh.abs, 'utf8');
    const enOriginal = readFileSync(en.abs, 'utf8');
    const nonce = String(Date.now() % 100_000);
    // Traditional text whose Simplified form differs; /sc/ must show exactly what the site's converter makes of it.
    const zhText = `編輯預覽測試${nonce}：這段說明是開發伺服器運行時新增的，繁體與簡體頁面會自動更新。`;
    const scText = toSimplified()(zhText);
    expect(scText, 'the probe text changes under zh-Hant → zh-Hans').not.toBe(zhText);
    const enText = `Live preview check ${nonce}: this paragraph was added while the dev server was running.`;
    for (const l of LOCALES) expect(await mainText(pages[l]), `/${l}/ before the edit`).not.toContain(nonce);

    try {
      const t0 = Date.now();
      writeFileSync(zh.abs, insertLines(zhOriginal, firstParagraphEnd(zhOriginal), ['', zhText]));
      await expect.poll(() => mainText(pages.tc), { timeout: UPDATE_TIMEOUT, interval: 250, message: `/tc/ shows the edited ${zh.rel}` }).toContain(zhText);
      await expect.poll(() => mainText(pages.sc), { timeout: UPDATE_TIMEOUT, interval: 250, message: `/sc/ shows the Simplified conversion of ${zh.rel}` }).toContain(scText);
      expect(await mainText(pages.sc), '/sc/ has no Traditional original of the edit').not.toContain(zhText);
      const tZh = Date.now() - t0;

      const t1 = Date.now();
      writeFileSync(en.abs, insertLines(enOriginal, firstParagraphEnd(enOriginal), ['', enText]));
      await expect.poll(() => mainText(pages.en), { timeout: UPDATE_TIMEOUT, interval: 250, message: `/en/ shows the edited ${en.rel}` }).toContain(enText);
      console.log(`dev-loop: zh-Hant edit on /tc/ + /sc/ after ${tZh} ms, en edit on /en/ after ${Date.now() - t1} ms`);
    } finally {
      writeFileSync(zh.abs, zhOriginal);
      writeFileSync(en.abs, enOriginal);
    }
    // Undoing the edit updates the pages too.
    for (const l of LOCALES) {
      await expect.poll(() => mainText(pages[l]), { timeout: UPDATE_TIMEOUT, interval: 250, message: `/${l}/ drops the reverted edit` }).not.toContain(nonce);
    }
  });

  // Two everyday mistakes: an <aside class="box"> left unclosed (in the Chinese file) and a
  // stray `{` in English prose. Each must name the file and the line where it happened.
  const mistakes = [
    // appended at the end, so no later </aside> of the section can close it
    { section: () => zhSection, shownOn: ['tc', 'sc'] as Locale[], after: (text: string) => text.replace(/\n$/, '').split('\n').length, lines: ['', '<aside class="box">', '', '未完成的方框：缺少結尾標籤。'], errorLine: 2 },
    { section: () => enSection!, shownOn: ['en'] as Locale[], after: firstParagraphEnd, lines: ['', 'Revenue grew by {12% in the year.'], errorLine: 2 },
  ];
  for (const mistake of mistakes) {
    it(`an MDX syntax error in ${mistake.shownOn.map((l) => `/${l}/`).join(' ')}'s file shows file and line in the terminal and the overlay; fixing it recovers`, async () => {
      const file = fileOf(mistake.section());
      const original = readFileSync(file.abs, 'utf8');
      const after = mistake.after(original);
      const line = after + mistake.errorLine; // the inserted line that holds the mistake
      const at = new RegExp(`${escapeRe(file.rel)}:${line}(?!\\d)`);
      const shortAt = new RegExp(`${escapeRe(`${file.lang}/${file.name}`)}:${line}(?!\\d)`);
      const from = server.output().length;
      try {
        const t0 = Date.now();
        writeFileSync(file.abs, insertLines(original, after, mistake.lines));

        // (a) the terminal names the file and the line
        const printed = await server.waitForOutput(new RegExp(`^.*${at.source}.*$`, 'm'), { from, timeout: UPDATE_TIMEOUT });
        console.log(`dev-loop terminal: ${printed[0]}`);

        // (b) the open pages show Astro's error overlay naming the file and the line
        // (an open page may have re-rendered from the content store just before the error reached it:
        // like a reader, reload a page that shows no overlay after a few seconds)
        for (const l of mistake.shownOn) {
          let since = Date.now();
          await expect
            .poll(async () => {
              const text = await overlayText(pages[l]);
              if (!text && Date.now() - since > 5_000) {
                since = Date.now();
                await pages[l].reload({ timeout: 10_000 }).catch(() => {});
              }
              return text ?? '';
            }, { timeout: UPDATE_TIMEOUT, interval: 250, message: `/${l}/ shows the error overlay with ${file.lang}/${file.name}:${line}` })
            .toMatch(shortAt);
        }
        console.log(`dev-loop: overlay on ${mistake.shownOn.join(', ')} after ${Date.now() - t0} ms: ${((await overlayText(pages[mistake.shownOn[0]!])) ?? '').match(new RegExp(`.*${shortAt.source}.*`))?.[0]}`);
      } finally {
        writeFileSync(file.abs, original);
      }

      // fixed: the terminal says so, every page loses the overlay and shows the section again
      await server.waitForOutput(new RegExp(`${escapeRe(file.rel)}: MDX compiles again`), { from, timeout: UPDATE_TIMEOUT });
      const convert = toSimplified();
      const titles: Record<Locale, string> = { en: enSection!.title, tc: zhSection.title, sc: convert(zhSection.title) };
      for (const l of LOCALES) {
        await expect.poll(() => overlayText(pages[l]), { timeout: UPDATE_TIMEOUT, interval: 250, message: `/${l}/ overlay gone after the fix` }).toBeNull();
        await expect.poll(() => pages[l].locator('main h1').first().innerText({ timeout: 1_000 }).catch(() => ''), { timeout: UPDATE_TIMEOUT, interval: 250, message: `/${l}/ shows the section again` }).toContain(titles[l]);
      }
    });
  }
});
