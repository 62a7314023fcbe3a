/**
 * The import CLI fills report.yaml from what the text says about itself (report-meta.ts) when no
 * overrides give the fields: the result passes the report schema, each detected field names its
 * source line in a comment, overrides still win, and a re-run is a no-op.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reportSchema } from '../../../src/lib/schemas.ts';
import { ROOT } from './helpers.ts';

// each case spawns the CLI (a few seconds each on a loaded machine)
const SLOW = 180_000;
const KESTREL = join(ROOT, 'tests/fixtures/import/en-meta/kestrel-esg-fy2025.en.txt');
const FY2025 = join(ROOT, 'content/reports/alibaba/2025/source/alibaba-fy2025.zh-Hant.txt');
const tmp = mkdtempSync(join(tmpdir(), 'import-meta-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
/** A fresh report folder with the text (and an overrides file, if given) under source/. */
function workdir(name: string, text: string, overrides?: string): { dir: string; src: string } {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'source'), { recursive: true });
  const src = join(dir, 'source', text.split('/').pop()!);
  copyFileSync(text, src);
  if (overrides) writeFileSync(join(dir, 'source/overrides.yaml'), overrides);
  return { dir, src };
}
const reportYaml = (dir: string) => readFileSync(join(dir, 'report.yaml'), 'utf8');

describe('import without overrides: report.yaml from the text', () => {
  it('an English report: every field detected, schema-valid, each with its source line', () => {
    const { dir, src } = workdir('kestrel', KESTREL);
    const r = cli([src, '--issuer', 'kestrel', '--year', '2025', '--out', dir]);
    expect(r.code, r.err).toBe(0);
    const text = reportYaml(dir);
    const parsed = reportSchema.safeParse(parse(text));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toMatchObject({
      title: { en: 'ESG Report FY2025' }, yearLabel: { en: 'FY2025' },
      period: { start: '2024-04-01', end: '2025-03-31' }, hkexEdition: 'hkex-2025',
    });
    const lines = readFileSync(KESTREL, 'utf8').split('\n');
    const periodLine = lines.findIndex((l) => l.startsWith('1 April 2024 – 31 March 2025')) + 1;
    expect(text).toContain(`period: { start: 2024-04-01, end: 2025-03-31 } # detected: line ${periodLine} "1 April 2024 – 31 March 2025 (the \\"Repor…"`);
    expect(text).toMatch(/^hkexEdition: hkex-2025 # detected: line \d+ "This report has been prepared in accorda…"$/m);
    expect(text).toMatch(/^ {2}en: ESG Report FY2025 # detected: line 5 "ESG REPORT"$/m);
    expect(r.out).toContain(`  period: 2024-04-01 – 2025-03-31 (line ${periodLine})`);
    expect(r.out).toContain('  stockCode: 02957 (line 3)');
    expect(r.out).not.toMatch(/not found:/);
    // a re-run changes nothing, comments included
    const again = cli([src, '--issuer', 'kestrel', '--year', '2025', '--out', dir]);
    expect(again.out).not.toMatch(/^\s+(create|overwrite|update|delete) /m);
    expect(reportYaml(dir)).toBe(text);
  }, SLOW);

  it('--json lists the detected values with their lines, and what was not found', () => {
    const { dir, src } = workdir('json', FY2025);
    const r = cli([src, '--issuer', 'alibaba', '--year', '2025', '--out', dir, '--dry-run', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.meta.period).toEqual({ value: { start: '2024-04-01', end: '2025-03-31' }, line: 136 });
    expect(j.meta.hkexEdition).toEqual({ value: 'hkex-2025', line: 138 });
    expect(j.meta.title).toEqual({ value: '環境、社會和治理報告', line: 5 });
    expect(j.metaMissing).toEqual(['stockCode']);
  }, SLOW);

  it('the FY2025 seed: schema-valid report.yaml; overrides.yaml still wins where it speaks', () => {
    const { dir, src } = workdir('fy2025', FY2025);
    expect(cli([src, '--issuer', 'alibaba', '--year', '2025', '--out', dir]).code).toBe(0);
    const detected = reportSchema.safeParse(parse(reportYaml(dir)));
    expect(detected.success, JSON.stringify(detected.error?.issues)).toBe(true);
    expect(detected.data).toMatchObject({ yearLabel: { 'zh-Hant': '2025財年' }, period: { start: '2024-04-01', end: '2025-03-31' }, hkexEdition: 'hkex-2025' });

    const ov = workdir('fy2025-ov', FY2025, 'report:\n  yearLabel: { zh-Hant: "2025" }\n  hkexEdition: hkex-2020\n');
    const r = cli([ov.src, '--issuer', 'alibaba', '--year', '2025', '--out', ov.dir]);
    expect(r.code, r.err).toBe(0);
    const text = reportYaml(ov.dir);
    expect(text).toMatch(/^hkexEdition: hkex-2020$/m);
    expect(text).toMatch(/^ {2}zh-Hant: "2025"$/m);
    expect(text).toMatch(/^period: \{ start: 2024-04-01, end: 2025-03-31 \} # detected: line 136 /m);
    expect(r.out).toContain('  hkexEdition: hkex-2025 (line 138) — overrides.yaml wins');
  }, SLOW);

  it('says what it did not find; report.yaml keeps what another language or an author wrote', () => {
    const { dir, src } = workdir('bare', KESTREL);
    // the same report without its period and standard sentences
    const text = readFileSync(src, 'utf8').replace(/^Reporting Period\n[\s\S]*?^Reporting Scope\n/m, 'Reporting Scope\n').replace(/^Reporting Standard\n[\s\S]*?^Feedback\n/m, 'Feedback\n');
    writeFileSync(src, text);
    const r = cli([src, '--issuer', 'kestrel', '--year', '2025', '--out', dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('  not found: period (give them under report: in overrides.yaml)');
    expect(r.out).toMatch(/^  hkexEdition: hkex-2025 \(line 12\)$/m); // the contents entry "Index to the ESG Reporting Code"
    // an author fills the period in by hand; a re-import keeps it (no comment: not the detection's)
    const fixed = reportYaml(dir).replace(/^languages:/m, 'period: { start: 2024-04-01, end: 2025-03-31 }\nlanguages:');
    writeFileSync(join(dir, 'report.yaml'), fixed);
    expect(cli([src, '--issuer', 'kestrel', '--year', '2025', '--out', dir]).code).toBe(0);
    expect(reportYaml(dir)).toMatch(/^period: \{ start: 2024-04-01, end: 2025-03-31 \}$/m);
  }, SLOW);
});
