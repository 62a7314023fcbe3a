/**
 * `npm run check` on built sites: the real archive in dist/ has no broken link, anchor or invalid
 * page; and a copy of the project with one report, with a broken link, a broken anchor and an
 * invalid element injected into its MDX, is built by check itself and fails naming each MDX file
 * and line. Both run the real CLI as a child process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, assertDistBuilt } from '../support/paths.ts';
import { listFiles } from '../support/site.ts';
import { copyProject } from '../support/project-copy.ts';

const root = process.cwd();

interface Problem {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
}
interface Output {
  errors: number;
  warnings: number;
  problems: Problem[];
  site: { checked: boolean; reason?: string; dir?: string; pages?: number; links?: number; anchors?: number; buildMs?: number };
}

function check(args: string[], cwd = root): { status: number | null; out: Output; stderr: string } {
  const run = spawnSync('node', [join(root, 'scripts', 'check.ts'), ...args, '--json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
  });
  return { status: run.status, out: JSON.parse(run.stdout) as Output, stderr: run.stderr };
}

describe('npm run check -- --site dist (the real archive; DIST_DIR if set)', () => {
  let run: ReturnType<typeof check>;
  beforeAll(() => {
    assertDistBuilt();
    run = check(['--site', DIST]);
  }, 120_000);

  it('checks every page of dist/ and every internal link and anchor in them', () => {
    const pages = listFiles(DIST).filter((f) => f.endsWith('.html')).length;
    expect(pages).toBeGreaterThan(0);
    expect(run.out.site).toMatchObject({ checked: true, dir: relative(root, DIST) || '.', pages });
    // Every page links at least to its stylesheet and the archive home; sections link to their headings.
    expect(run.out.site.links).toBeGreaterThan(pages * 2);
    expect(run.out.site.anchors).toBeGreaterThan(pages);
  });

  it('finds no error (exit 0); its warnings are the content warnings only', () => {
    expect(run.out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(run.status).toBe(0);
    const source = check(['--source-only']);
    expect(source.out.site).toEqual({ checked: false, reason: '--source-only' });
    expect(run.out.problems).toEqual(source.out.problems);
  }, 60_000);
});

describe('npm run check builds a copy with a broken link, a broken anchor and an invalid element', () => {
  const report = 'content/reports/alibaba-health/2018';
  const linkFile = `${report}/en/05-p1-c1.mdx`;
  const anchorFile = `${report}/zh-Hant/06-p1-c2.mdx`;
  const htmlFile = `${report}/en/07-p1-c3.mdx`;
  let tmp: string;
  let run: ReturnType<typeof check>;
  /** 1-based line of the copy's `file` that contains `text`. */
  const lineOf = (file: string, text: string) => readFileSync(join(tmp, file), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

  beforeAll(() => {
    // What the build needs, with one report: content/ but reports/ holds alibaba-health/2018 only.
    tmp = copyProject({ reports: ['alibaba-health/2018'], prefix: 'check-site-' });
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(join(tmp, file), 'utf8');
      expect(text).toContain(from);
      writeFileSync(join(tmp, file), text.replace(from, to));
    };
    edit(linkFile, '<aside class="box">\n  ### AliHealth Pharmacy\n', '<aside class="box">\n  ### AliHealth Pharmacy\n\n  See [the pharmacy page](/en/alibaba-health/2018/nope/).\n');
    edit(anchorFile, '## 01 看得見的保障', '見[第一章](../p1-c1/#s9)。\n\n## 01 看得見的保障');
    edit(htmlFile, '## 01 Your Health Steward', '<img src="/favicon.svg" />\n\n## 01 Your Health Steward');
    run = check(['--root', tmp], tmp);
  }, 180_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('exits 1 with exactly three errors, and deletes its temporary build', () => {
    expect(run.out.site).toMatchObject({ checked: true, dir: '<build>' });
    expect(run.out.errors).toBe(3);
    expect(run.status).toBe(1);
    expect(existsSync(join(tmp, 'dist'))).toBe(false);
  });

  it('broken link: the MDX file and the line the link is written on', () => {
    const line = lineOf(linkFile, '/en/alibaba-health/2018/nope/');
    // two lines under the box title it was written after, in the committed file
    expect(line).toBe(lineOf(linkFile, '### AliHealth Pharmacy') + 2);
    expect(run.out.problems).toContainEqual({
      file: linkFile,
      line,
      severity: 'error',
      message: 'link to /en/alibaba-health/2018/nope/ — no such page in the built site (on /en/alibaba-health/2018/p1-c1/). Fix the URL or the section id.',
    });
  });

  it('broken anchor: one problem at the MDX line, naming the /tc/ and the converted /sc/ page', () => {
    const line = lineOf(anchorFile, '../p1-c1/#s9');
    expect(line).toBe(16);
    expect(run.out.problems).toContainEqual({
      file: anchorFile,
      line,
      severity: 'error',
      message: 'link to ../p1-c1/#s9 — no id "s9" on the page it points to in the built site (on /sc/alibaba-health/2018/p1-c2/, /tc/alibaba-health/2018/p1-c2/). Fix the #anchor or the heading it points to.',
    });
  });

  it('invalid HTML: the built file, line, column and rule, and the MDX it was built from', () => {
    const html = run.out.problems.filter((p) => p.message.startsWith('HTML '));
    expect(html).toHaveLength(1);
    expect(html[0]).toMatchObject({ file: '<build>/en/alibaba-health/2018/p1-c3/index.html', severity: 'error' });
    expect(html[0]!.line).toBeGreaterThan(0);
    expect(html[0]!.message).toMatch(
      new RegExp(`^HTML \\[wcag/h37\\] column \\d+: <img> is missing required "alt" attribute — at .*img.* \\(page built from ${htmlFile}\\) \\(on /en/alibaba-health/2018/p1-c3/\\)$`),
    );
  });
});
