/**
 * Robustness: unusable input exits non-zero with one line naming the file and the reason (CLI as
 * a child process); usable input, however odd, always yields sections and a report (pipeline
 * called directly, seeded PRNG so every run sees the same inputs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../../scripts/import/pipeline.ts';
import { detectInput } from '../../../scripts/import/detect-profile.ts';
import { fidelity } from '../../../scripts/import/fidelity.ts';
import { ImportError } from '../../../scripts/import/types.ts';
import { ROOT, fixtureTexts } from './helpers.ts';

/** mulberry32: a small seeded PRNG */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const FIXTURES = ['en-numbered/harbourline-esg-2021.en.txt', 'en-roman/pacific-jade-esg-2022.en.txt'].map((f) => join(ROOT, 'tests/fixtures/import', f));
/** every fixture text, the contents-page forms included, for the line-level fuzz */
const ALL_FIXTURES = fixtureTexts().map((f) => f.file);
const SEEDS = ['alibaba-health/2018/source/alibaba-health-fy2018.en.txt', 'alibaba-health/2018/source/alibaba-health-fy2018.zh-Hant.txt'].map((f) => join(ROOT, 'content/reports', f));
const tmp = mkdtempSync(join(tmpdir(), 'import-robust-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Import as the CLI would with no overrides: detect the language, detect the outline. */
function importText(text: string | Uint8Array, name = 'input'): PipelineResult {
  const p = detectInput(text, name);
  return runPipeline(text, p.lang, {}, name);
}
/** What every usable input must give. */
function expectReport(r: PipelineResult) {
  expect(r.sections.length).toBeGreaterThan(0);
  for (const s of r.sections) {
    expect(s.mdx.startsWith(`---\nid: ${s.id}\n`)).toBe(true);
    expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  }
  expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0);
  expect(r.fidelity.fidelity).toBeLessThanOrEqual(1);
  expect(Array.isArray(r.dropped) && Array.isArray(r.warnings)).toBe(true);
}

describe('unusable input: one line naming the file and the reason, non-zero exit, no stack trace', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args, '--issuer', 'x', '--year', '2021', '--out', join(tmp, 'out'), '--dry-run'], { cwd: tmp, encoding: 'utf8' });
  const write = (name: string, data: string | Uint8Array) => { writeFileSync(join(tmp, name), data); return name; };
  const cases: [string, () => string[], RegExp][] = [
    ['empty file', () => [write('empty.txt', '')], /^import: empty\.txt: file is empty/],
    ['only whitespace and form feeds', () => [write('blank.txt', ' \n\t\r\n\f\n   \n')], /^import: blank\.txt: file is empty/],
    ['only a BOM', () => [write('bom.txt', '\uFEFF')], /^import: bom\.txt: file is empty/],
    ['binary (a zip header)', () => [write('zip.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]))], /^import: zip\.txt: binary file/],
    ['NUL bytes inside text', () => [write('nul.txt', 'Environmental\u0000Social\nReport\n')], /^import: nul\.txt: binary file/],
    ['not UTF-8 (Latin-1 bytes)', () => [write('latin1.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 ? 0xe9 : 0x41))))], /^import: latin1\.txt: not UTF-8/],
    ['random bytes', () => { const r = prng(7); return [write('random.bin', Buffer.from(Array.from({ length: 4096 }, () => Math.floor(r() * 256))))]; }, /^import: random\.bin: (binary file|not UTF-8)/],
    ['a directory', () => { mkdirSync(join(tmp, 'dir.txt'), { recursive: true }); return ['dir.txt']; }, /^import: dir\.txt: is a directory/],
    ['no such file', () => ['missing.txt'], /^import: missing\.txt: no such file/],
    ['broken overrides', () => [FIXTURES[0], '--overrides', write('bad.yaml', 'chapters: [ {id: x')], /^import: bad\.yaml: not valid YAML/],
    ['unknown --lang', () => [FIXTURES[0], '--lang', 'fr'], /^import: .*harbourline-esg-2021\.en\.txt: unknown --lang "fr"/],
  ];
  it.each(cases)('%s', (_name, args, msg) => {
    const r = cli(args());
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split('\n').length).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(r.stdout).toBe('');
  });
});

describe('usable input always yields sections and a report', () => {
  const lf = readFileSync(FIXTURES[0], 'utf8');
  const base = importText(lf);
  const mdx = (r: PipelineResult) => r.sections.map((s) => s.mdx);

  it('CRLF, CR, BOM and trailing whitespace give the same MDX as LF', () => {
    for (const v of [lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), '\uFEFF' + lf, lf + '\n\n\n   \n']) expect(mdx(importText(v))).toEqual(mdx(base));
    expect(mdx(importText(Buffer.from('\uFEFF' + lf.replace(/\n/g, '\r\n'), 'utf8')))).toEqual(mdx(base));
  });
  it('a NUL inside a string input is refused with an ImportError, not a crash', () => {
    expect(() => importText('abc\u0000def', 'nul.txt')).toThrow(ImportError);
  });
  it('tiny inputs', () => {
    for (const t of ['a', '1', 'I.', '•', '“ “', 'ENVIRONMENTAL', '4.1 Emissions', '。', '環境', 'x\n', '\n\n\nword\n\n\n']) expectReport(importText(t, JSON.stringify(t)));
  });
  it('a 10 MB file', () => {
    const r = prng(10);
    const words = 'the group energy emissions water waste employees training safety supply chain community report board policy during year tonnes total'.split(' ');
    const lines: string[] = [];
    let size = 0;
    while (size < 10 * 1024 * 1024) {
      const x = r();
      const l = x < 0.03 ? `${1 + Math.floor(r() * 9)}.${1 + Math.floor(r() * 9)} ${words[Math.floor(r() * words.length)].toUpperCase()}` : x < 0.06 ? '' : Array.from({ length: 40 + Math.floor(r() * 300) }, () => words[Math.floor(r() * words.length)]).join(' ') + '.';
      lines.push(l);
      size += l.length + 1;
    }
    const res = importText(lines.join('\n'), 'big.txt');
    expectReport(res);
    expect(res.fidelity.fidelity).toBeGreaterThan(0.99);
  }, 60_000);
  it('only headings', () => {
    const r = prng(3);
    const kinds = [(k: number) => `${k}. ENVIRONMENTAL`, (k: number) => `${k}.${k % 7} Emissions`, () => 'HEALTH AND SAFETY', (k: number) => `${['I', 'II', 'III', 'IV'][k % 4]}. SOCIAL`, () => 'Our Approach'];
    const text = Array.from({ length: 400 }, (_, k) => kinds[Math.floor(r() * kinds.length)](k + 1)).join('\n');
    const res = importText(text);
    expectReport(res);
    expect(res.fidelity.fidelity).toBeGreaterThan(0.95);
  });
  it('random CJK, mixed scripts, random punctuation', () => {
    const r = prng(11);
    const pick = (s: string) => [...s][Math.floor(r() * [...s].length)];
    const han = () => String.fromCodePoint(0x4e00 + Math.floor(r() * 0x5000));
    const mixed = 'abcXYZ 0123456789 éü ΩΣ Жж 한국 العربية 😀 ・。、「」•●—–%$#@!?.,;:()[]{}<>*_~|\\`';
    for (let seed = 0; seed < 6; seed++) {
      const lines = Array.from({ length: 300 }, () => {
        const n = Math.floor(r() * 60);
        return seed % 2 ? Array.from({ length: n }, han).join('') + (r() < 0.4 ? '。' : '') : Array.from({ length: n }, () => (r() < 0.5 ? han() : pick(mixed))).join('');
      });
      const res = importText(lines.join('\n'), `random-${seed}`);
      expectReport(res);
      if (seed % 2) expect(res.lang).not.toBe('en');
    }
  });
  it('a report with no index: sections, no index rows, no codes', () => {
    const cut = lf.slice(0, lf.indexOf('6. HKEX ESG REPORTING GUIDE CONTENT INDEX'));
    const res = importText(cut);
    expectReport(res);
    expect(res.index).toEqual([]);
    expect(res.sections.every((s) => !s.frameworks?.hkex.length)).toBe(true);
    expect(res.sections.map((s) => s.title)).toContain('Community Investment');
    expect(res.outline.source).toBe('contents page');
  });
  it('line-level fuzz of the fixtures and seeds (delete, duplicate, move, junk, numbers)', () => {
    const bases = [...ALL_FIXTURES, ...SEEDS].map((f) => readFileSync(f, 'utf8').split('\n'));
    for (let seed = 1; seed <= bases.length; seed++) {
      const r = prng(seed);
      const src = bases[seed % bases.length];
      const out: string[] = [];
      for (const l of src) {
        const x = r();
        if (x < 0.05) continue;
        else if (x < 0.08) out.push(l, l);
        else if (x < 0.1) out.push(src[Math.floor(r() * src.length)]);
        else if (x < 0.12) out.push(String.fromCharCode(...Array.from({ length: Math.floor(r() * 40) }, () => 32 + Math.floor(r() * 0x9fff))));
        else if (x < 0.13) out.push(String(Math.floor(r() * 300)));
        else if (x < 0.14) out.push('\f' + l);
        else out.push(l);
      }
      const res = importText(out.join('\n'), `fuzz-${seed}`);
      expectReport(res);
    }
  }, 60_000);
});

describe('throughput: fidelity look-ups grow linearly (operation count, not seconds)', () => {
  it('output characters read per input character stay flat from 1× to 8× input, even with every line changed', () => {
    const lines = readFileSync(SEEDS[0], 'utf8').split('\n');
    const ops = (k: number) => {
      const src = Array(k).fill(lines).flat();
      const out = src.map((l) => (l.length > 10 ? l.slice(0, 5) + '#' + l.slice(6) : l)).join('\n');
      return fidelity(src, out).ops! / src.length;
    };
    const one = ops(1);
    expect(ops(8)).toBeLessThan(1.5 * one);
  });
});
