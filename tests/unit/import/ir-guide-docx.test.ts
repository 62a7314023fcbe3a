/**
 * The guide's "You have the Word draft" commands (docs/ir-guide.md), run as written against a
 * fixture draft: the placeholders filled in, `npm run import -- …` run as the npm script does
 * (`node scripts/import.ts …`) from a fresh project folder. The dry run writes nothing; the import
 * writes the sections the summary promised.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const guide = readFileSync(join(ROOT, 'docs/ir-guide.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The shell commands of a `## …` section of the guide, in order. */
function commands(section: string): string[] {
  const start = guide.indexOf(`\n## ${section}`);
  expect(start, section).toBeGreaterThanOrEqual(0);
  const end = guide.indexOf('\n## ', start + 1);
  const text = guide.slice(start, end < 0 ? undefined : end);
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean));
}

const tmp = mkdtempSync(join(tmpdir(), 'ir-guide-docx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('docs/ir-guide.md: You have the Word draft', () => {
  const cmds = commands('You have the Word draft');
  const vars: Record<string, string> = { '<issuer>': 'evergrove-water', '<year>': '2024', '<file>': 'evergrove-esg-2024' };
  const fill = (c: string) => c.replace(/<issuer>|<year>|<file>/g, (k) => vars[k]);

  it('is the first thing the guide shows, with the import commands (dry run first) and the check', () => {
    const first = guide.indexOf('\n## ');
    expect(guide.slice(first + 4)).toMatch(/^You have the Word draft/);
    expect(guide).toMatch(/\n## You have the filed PDF/);
    expect(cmds.map((c) => c.split(' -- ')[0])).toEqual(['npm run import', 'npm run import', 'npm run check']);
    expect(cmds[0]).toMatch(/--dry-run$/);
    for (const c of cmds) expect(Object.keys(pkg.scripts)).toContain(c.split(' ')[2]);
  });

  it('runs as written on a Word draft: the dry run writes nothing, the import writes every section', () => {
    expect(pkg.scripts.import).toBe('node scripts/import.ts'); // what `npm run import --` runs
    const src = join(tmp, 'content/reports/evergrove-water/2024/source');
    mkdirSync(src, { recursive: true });
    copyFileSync(join(ROOT, 'tests/fixtures/import/routes/en-waterworks/report.docx'), join(src, 'evergrove-esg-2024.docx'));
    const out = join(tmp, 'content/reports/evergrove-water/2024');
    const [dry, real] = cmds.filter((c) => c.startsWith('npm run import -- ')).map((c) => fill(c).slice('npm run import -- '.length).split(/\s+/));
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], { cwd: tmp, encoding: 'utf8' });

    const a = run(dry);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/from document headings/);
    const promised = [...a.stdout.matchAll(/^\s+create (\S+\.mdx)$/gm)].map((m) => m[1]);
    expect(promised).toHaveLength(4);
    expect(existsSync(join(out, 'en'))).toBe(false);

    const b = run(real);
    expect(b.status, b.stderr).toBe(0);
    expect(readdirSync(join(out, 'en')).sort().map((f) => `content/reports/evergrove-water/2024/en/${f}`)).toEqual(promised.sort());
    expect(readFileSync(join(out, 'report.yaml'), 'utf8')).toMatch(/file: source\/evergrove-esg-2024\.docx/);
  });
});
