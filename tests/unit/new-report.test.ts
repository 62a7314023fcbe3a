import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MARKER, scaffoldReportYaml, scaffoldSection, shiftYear } from '../../scripts/lib/scaffold-report.ts';

const work = mkdtempSync(join(tmpdir(), 'esg-new-report-'));
cpSync('content', join(work, 'content'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, ...args: string[]) {
  return spawnSync(process.execPath, [script, '--root', work, ...args], { encoding: 'utf8' });
}

describe('npm run new-report', () => {
  it('shifts the reporting period by whole years', () => {
    expect(shiftYear('2017-04-01', 1)).toBe('2018-04-01');
    expect(shiftYear('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('keeps a section’s id, tags and headings and replaces its text by markers', () => {
    const before = readFileSync('content/reports/alibaba-health/2018/en/14-p3-c1.mdx', 'utf8');
    const after = scaffoldSection(before);
    expect(after).toMatch(/^id: p3-c1$/m);
    expect(after).toContain('hkex: [B5, B5.1');
    expect(after).toContain('## 01 Improving Quality Control');
    expect(after).not.toContain('4,917');
    expect(after).not.toMatch(/^pages:/m);
    expect(after.split(MARKER).length - 1).toBe(before.split('\n').map((l) => l.trim()).filter((l) => /^#{2,4} /.test(l)).length + 1);
  });

  it('says under each heading that the heading is last year’s (a 2019 report must not keep “2018年1月” unread)', () => {
    const before = readFileSync('content/reports/alibaba-health/2018/zh-Hant/07-p1-c3.mdx', 'utf8');
    const headings = before.split('\n').map((l) => l.trim()).filter((l) => /^#{2,4} /.test(l));
    expect(headings).toContain('### 2018年1月');
    const lines = scaffoldSection(before, '2018').split('\n');
    for (const h of headings) {
      const at = lines.indexOf(h);
      expect(at, h).toBeGreaterThan(0);
      expect(lines[at + 2], `the marker under ${h}`).toBe(`{/* ${MARKER}: write this part; the heading above is 2018's: keep, reword or delete it */}`);
    }
  });

  it('leaves sources out of the new report.yaml: its text is written, not imported', () => {
    const before = readFileSync('content/reports/alibaba-health/2018/report.yaml', 'utf8');
    expect(before).toMatch(/^sources:/m);
    const after = scaffoldReportYaml(before, '2019', '2018');
    expect(after).not.toMatch(/^sources:/m);
    expect(after).not.toContain('.txt');
    expect(after).toMatch(/^comply:/m);
  });

  it('scaffolds → check flags every marker → fill → check passes (the IR team walk)', () => {
    const made = run('scripts/new-report.ts', '--issuer', 'alibaba-health', '--year', '2019');
    expect(made.status, made.stderr).toBe(0);
    const dir = join(work, 'content/reports/alibaba-health/2019');
    expect(readdirSync(join(dir, 'en'))).toEqual(readdirSync('content/reports/alibaba-health/2018/en'));
    const report = readFileSync(join(dir, 'report.yaml'), 'utf8');
    expect(report).toMatch(/period: \{ ?start: 2018-04-01, end: 2019-03-31 ?\}/);
    expect(report).toContain('year: "2019"');

    // The content part of check (this copy holds content/ only; tests/build/ir-walk.test.ts runs the whole walk).
    const unfilled = run('scripts/check.ts', '--json', '--source-only');
    expect(unfilled.status).toBe(1);
    const problems = JSON.parse(unfilled.stdout).problems as { file: string; line: number; message: string }[];
    const markers = problems.filter((p) => p.message.includes('not written yet'));
    expect(markers.length).toBeGreaterThan(36);
    expect(markers.every((p) => p.file.includes('alibaba-health/2019'))).toBe(true);

    // Again without --force: refused, nothing overwritten.
    const again = run('scripts/new-report.ts', '--issuer', 'alibaba-health', '--year', '2019');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/alibaba-health\/2019 exists; nothing was written/);

    // Fill: the IR team writes the text (here: replace each marker).
    for (const p of new Set(markers.map((m) => m.file))) {
      const file = join(work, p);
      const text = readFileSync(file, 'utf8')
        .replace(/\{\/\* TODO\(new-report\)[^*]*\*\/\}/g, 'Written for FY2019.')
        .replace(/^# TODO\(new-report\).*\n/m, '')
        .replaceAll(`${MARKER} `, '');
      writeFileSync(file, text);
    }
    const filled = run('scripts/check.ts', '--json', '--source-only');
    expect(filled.status, filled.stdout).toBe(0);
    expect(JSON.parse(filled.stdout).errors).toBe(0);
  }, 30_000); // four CLI runs: over vitest's 5 s default when the machine is busy

  it('explains what to do when there is nothing to start from', () => {
    const none = run('scripts/new-report.ts', '--issuer', 'nobody', '--year', '2020');
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no reports of "nobody"/);
  });
});
