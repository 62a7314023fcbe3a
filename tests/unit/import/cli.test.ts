import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { committed, LANGS, ROOT, run, SOURCE, sourcePath } from './helpers.ts';

const cli = (args: string[], cwd = ROOT) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'import-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function workdir(name: string): string {
  const d = join(tmp, name);
  mkdirSync(join(d, 'source'), { recursive: true });
  for (const lang of LANGS) copyFileSync(sourcePath(lang), join(d, 'source', `r.${lang}.txt`));
  copyFileSync(join(SOURCE, 'overrides.yaml'), join(d, 'source/overrides.yaml'));
  return d;
}
const imp = (d: string, lang: string, ...more: string[]) =>
  cli([join(d, 'source', `r.${lang}.txt`), '--issuer', 'alibaba-health', '--year', '2018', '--lang', lang, '--out', d, ...more]);

describe('import CLI', () => {
  it('re-running the import reproduces the committed MDX byte for byte', () => {
    for (const lang of LANGS) {
      const files = committed(lang);
      const generated = Object.fromEntries(run(lang).sections.map((s) => [s.file, s.mdx]));
      expect(Object.keys(generated).sort()).toEqual(Object.keys(files).sort());
      for (const [f, text] of Object.entries(generated)) expect(text, f).toBe(files[f]);
      // and through the CLI, report.yaml included: nothing to write
      const r = cli([`content/reports/alibaba-health/2018/source/alibaba-health-fy2018.${lang}.txt`, '--issuer', 'alibaba-health', '--year', '2018', '--lang', lang, '--dry-run']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/\(19 file\(s\) unchanged\)/);
      expect(r.out).not.toMatch(/^\s+(create|overwrite|update|delete) /m);
    }
  });
  it('writes both languages into one report.yaml without clobbering, and prints a summary', () => {
    const d = workdir('both');
    const zh = imp(d, 'zh-Hant');
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/fidelity: 99\.\d\d%/);
    expect(zh.out).toMatch(/dropped furniture: 6 line\(s\)/);
    expect(zh.out).toMatch(/^repairs: \d+ \(/m);
    expect(imp(d, 'en').code).toBe(0);
    const y = parse(readFileSync(join(d, 'report.yaml'), 'utf8'));
    expect(y.languages).toEqual(['zh-Hant', 'en']);
    expect(y.title['zh-Hant']).toBe('2018環境、社會及管治報告');
    expect(y.sources.map((s: any) => s.file)).toEqual(['source/r.zh-Hant.txt', 'source/r.en.txt']);
    expect(readdirSync(join(d, 'en')).length).toBe(18);
    // idempotent
    expect(imp(d, 'zh-Hant').out).toMatch(/\(19 file\(s\) unchanged\)/);
  });
  it('refuses to overwrite changed files without --force, writing nothing', () => {
    const d = workdir('force');
    expect(imp(d, 'en').code).toBe(0);
    const a = join(d, 'en/02-ceo.mdx');
    const b = join(d, 'en/01-about.mdx');
    writeFileSync(a, 'edited by hand\n');
    unlinkSync(b);
    const r = imp(d, 'en');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/refusing to overwrite 1 existing file/);
    expect(r.err).toContain('02-ceo.mdx');
    expect(readFileSync(a, 'utf8')).toBe('edited by hand\n');
    expect(existsSync(b)).toBe(false); // checked everything before writing anything
    expect(imp(d, 'en', '--force').code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(committed('en')['en/02-ceo.mdx']);
  });
  it('--dry-run writes nothing; --json prints the machine summary', () => {
    const d = workdir('dry');
    const r = imp(d, 'en', '--dry-run', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.fidelity).toBeGreaterThanOrEqual(0.995);
    expect(j.sections.length).toBe(18);
    expect(j.sections[0]).toEqual({ id: 'about', title: 'About This Report', lang: 'en', chars: expect.any(Number) });
    expect(j.dropped.map((x: any) => x.text)).toContain('42');
    // every repair with its proof
    expect(j.repairs).toContainEqual({ kind: 'word-join', line: expect.any(Number), before: 'off ice', after: 'office', proof: expect.stringMatching(/^word "office" occurs unsplit \d+×$/) });
    expect(j.repairs.every((x: any) => x.proof && x.line > 0)).toBe(true);
    expect(j.warnings.some((w: string) => /B2\.3/.test(w))).toBe(true);
    expect(existsSync(join(d, 'en'))).toBe(false);
    expect(existsSync(join(d, 'report.yaml'))).toBe(false);
  });
  it('bad input: one clear line naming the file, non-zero exit, no stack trace', () => {
    const d = workdir('bad');
    writeFileSync(join(d, 'source/empty.txt'), '');
    writeFileSync(join(d, 'source/bin.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    const cases: [string[], RegExp][] = [
      [[join(d, 'source/empty.txt'), '--issuer', 'x', '--year', '2018', '--lang', 'en'], /empty\.txt: file is empty/],
      [[join(d, 'source/bin.txt'), '--issuer', 'x', '--year', '2018', '--lang', 'en'], /bin\.txt: binary file/],
      [[join(d, 'source/none.txt'), '--issuer', 'x', '--year', '2018', '--lang', 'en'], /none\.txt: no such file/],
      [[join(d, 'source/r.en.txt'), '--issuer', 'x', '--year', '2018', '--lang', 'fr'], /unknown --lang "fr"/],
      [[join(d, 'source/r.en.txt'), '--year', '2018', '--lang', 'en'], /missing --issuer/],
      [['--issuer', 'x', '--year', '2018', '--lang', 'en'], /missing the text file/],
    ];
    for (const [args, msg] of cases) {
      const r = cli(args, d);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
