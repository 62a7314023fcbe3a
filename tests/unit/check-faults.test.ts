/**
 * `npm run check` end to end: each test copies content/ into a temp dir, injects ONE fault, runs
 * `node scripts/check.ts --root <tmp> --json --source-only` as a child process and expects exactly one error
 * naming the file, the line and the problem, and a non-zero exit. The faults only the built site
 * shows (broken link, broken anchor, invalid HTML) are in tests/build/check-site.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = process.cwd();
const report = 'content/reports/alibaba-health/2018';

interface Problem {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

let tmp: string | undefined;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

/** A fresh copy of content/ with `fault` applied to it. */
function copyWith(fault: (dir: string) => void): string {
  tmp = mkdtempSync(join(tmpdir(), 'check-faults-'));
  cpSync(join(root, 'content'), join(tmp, 'content'), { recursive: true });
  fault(tmp);
  return tmp;
}

/** Replaces `from` (which must occur) in one file of the copy. */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${String(from)} not found in ${file}`).not.toBe(text);
  writeFileSync(path, next);
}

/** Runs the real CLI on the copy; node comes from the pinned npm package, like npm scripts. */
function check(dir: string): { status: number | null; errors: Problem[] } {
  const run = spawnSync('node', [join(root, 'scripts', 'check.ts'), '--root', dir, '--json', '--source-only'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
  });
  expect(run.stderr).toBe('');
  const out = JSON.parse(run.stdout) as { errors: number; problems: Problem[] };
  const errors = out.problems.filter((p) => p.severity === 'error');
  expect(out.errors).toBe(errors.length);
  return { status: run.status, errors: errors.map(({ file, line, message, severity }) => ({ file, line, message, severity })) };
}

/** The text at a 1-based line of a file in the copy. */
const lineAt = (dir: string, file: string, line: number): string => readFileSync(join(dir, file), 'utf8').split('\n')[line - 1]!;

describe('npm run check finds one injected fault, with file and line', () => {
  it('passes on the unmodified copy (exit 0, no errors)', () => {
    const dir = copyWith(() => {});
    expect(check(dir)).toEqual({ status: 0, errors: [] });
  });

  it('bad YAML: a second colon on one line of report.yaml', () => {
    const file = `${report}/report.yaml`;
    const dir = copyWith((d) => edit(d, file, /^hkexEdition: hkex-2015.*$/m, 'hkexEdition: hkex-2015: x'));
    const { status, errors } = check(dir);
    expect(status).toBe(1);
    expect(errors).toEqual([{ file, line: 13, severity: 'error', message: 'YAML syntax: Nested mappings are not allowed in compact mappings at line 13, column 14:' }]);
    expect(lineAt(dir, file, 13)).toBe('hkexEdition: hkex-2015: x');
  });

  it('missing field: report.yaml without its period names the field, an example and where to look', () => {
    const file = `${report}/report.yaml`;
    const dir = copyWith((d) => edit(d, file, /^period: .*\n/m, ''));
    const { status, errors } = check(dir);
    expect(status).toBe(1);
    expect(errors).toEqual([{ file, line: 1, severity: 'error', message: 'missing period; e.g. period: { start: 2024-01-01, end: 2024-12-31 }; look for "This report covers the period…" / 報告期 in About this Report' }]);
  }, 30_000);

  it('with source errors the site is neither built nor checked, and says so in one line', () => {
    const dir = copyWith((d) => edit(d, `${report}/report.yaml`, /^hkexEdition: hkex-2015.*$/m, 'hkexEdition: hkex-2015: x'));
    const run = spawnSync('node', [join(root, 'scripts', 'check.ts'), '--root', dir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('built site'))).toEqual(['built site not checked: the sources have errors: the site was not built or checked.']);
  }, 15_000);

  it('unknown HKEX code in a section frontmatter', () => {
    const file = `${report}/en/05-p1-c1.mdx`;
    const dir = copyWith((d) => edit(d, file, /^frameworks:\n  hkex: \[\]$/m, 'frameworks:\n  hkex: [A1, A9.9]'));
    const { status, errors } = check(dir);
    expect(status).toBe(1);
    expect(errors).toEqual([{ file, line: 9, severity: 'error', message: 'A9.9 is not a code of hkex-2015' }]);
    expect(lineAt(dir, file, 9)).toContain('A9.9');
  });

  it('duplicate section id: a second en section with the id p1-c1', () => {
    const file = `${report}/en/19-p1-c1.mdx`;
    const dir = copyWith((d) => {
      const text = readFileSync(join(d, report, 'en', '05-p1-c1.mdx'), 'utf8').replace(/^order: 5$/m, 'order: 19');
      writeFileSync(join(d, file), text);
    });
    const { status, errors } = check(dir);
    expect(status).toBe(1);
    expect(errors).toEqual([{ file, line: 2, severity: 'error', message: 'another en section already has the id "p1-c1"' }]);
    expect(lineAt(dir, file, 2)).toBe('id: p1-c1');
  });

  it('missing translation: an en section of alibaba-health/2018 deleted', () => {
    const file = `${report}/report.yaml`;
    const dir = copyWith((d) => rmSync(join(d, report, 'en', '18-feedback.mdx')));
    const { status, errors } = check(dir);
    expect(status).toBe(1);
    // The line of the report's languages list, where the parity is declared.
    expect(errors).toEqual([{ file, line: 11, severity: 'error', message: 'section "feedback" exists in zh-Hant but not in en' }]);
    expect(lineAt(dir, file, 11)).toBe('  - zh-Hant');
  });

  it('malformed CSV: a KPI row with a field missing', () => {
    const file = `${report}/data/kpi.csv`;
    const dir = copyWith((d) => edit(d, file, ',persons,人,,12,,,,B1.1,table', ',persons,人,,12,,,B1.1,table'));
    const { status, errors } = check(dir);
    expect(status).toBe(1);
    expect(errors).toEqual([{ file, line: 5, severity: 'error', message: 'CSV: Invalid Record Length: columns length is 21, got 20 on line 5' }]);
    expect(lineAt(dir, file, 5)).toContain('senior-management');
  });

  it('invalid MDX: an unclosed <aside> is reported at its opening tag', () => {
    const file = `${report}/en/05-p1-c1.mdx`;
    // Drop the first </aside> (line 44); the <aside> it closed opens at line 24.
    const dir = copyWith((d) => edit(d, file, /\n<\/aside>\n/, '\n'));
    const { status, errors } = check(dir);
    expect(status).toBe(1);
    expect(errors).toEqual([{ file, line: 24, severity: 'error', message: 'MDX: Expected a closing tag for `<aside>`' }]);
    expect(lineAt(dir, file, 24)).toBe('<aside class="box">');
  });

  it('invalid MDX: a stray { in a body', () => {
    const file = `${report}/en/05-p1-c1.mdx`;
    const dir = copyWith((d) => edit(d, file, '### AliHealth Pharmacy\n', '### AliHealth Pharmacy\n\nSee {the table below.\n'));
    const { status, errors } = check(dir);
    expect(status).toBe(1);
    expect(errors).toEqual([{ file, line: 27, severity: 'error', message: 'MDX: Unexpected end of file in expression, expected a corresponding closing brace for `{`' }]);
    expect(lineAt(dir, file, 27)).toBe('See {the table below.');
  });
});
