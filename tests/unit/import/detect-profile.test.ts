/** Automatic profile (script + layout) detection; --lang overrides it. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConverterFactory, Locale } from 'opencc-js';
import { countScripts, detectInput, scriptOf } from '../../../scripts/import/detect-profile.ts';
import { ROOT } from './helpers.ts';

const seeds: [string, string][] = [
  ['content/reports/alibaba-health/2018/source/alibaba-health-fy2018.en.txt', 'en'],
  ['content/reports/alibaba-health/2018/source/alibaba-health-fy2018.zh-Hant.txt', 'zh-Hant'],
  ['content/reports/alibaba/2023/source/alibaba-fy2023.zh-Hans.txt', 'zh-Hans'],
  ['content/reports/jd-health/2024/source/jd-health-2024.zh-Hant.txt', 'zh-Hant'],
];

describe('detect-profile', () => {
  it.each(seeds)('%s is %s, folio layout', (f, lang) => {
    const p = detectInput(readFileSync(join(ROOT, f)), f);
    expect(p.lang).toBe(lang);
    expect(p.forced).toBe(false);
    expect(p.layout).toBe('folio');
  });
  it('English fixtures: en, running-headers layout', () => {
    for (const f of ['en-numbered/harbourline-esg-2021.en.txt', 'en-roman/pacific-jade-esg-2022.en.txt']) {
      const p = detectInput(readFileSync(join(ROOT, 'tests/fixtures/import', f)), f);
      expect(p).toMatchObject({ lang: 'en', layout: 'running-headers' });
    }
  });
  it('tells the scripts apart by Traditional-only vs Simplified-only characters', () => {
    const hant = readFileSync(join(ROOT, seeds[1][0]), 'utf8').slice(0, 20000);
    const hans = (ConverterFactory(Locale.from.hk, Locale.to.cn) as (s: string) => string)(hant);
    expect(scriptOf(countScripts(hant))).toBe('zh-Hant');
    expect(scriptOf(countScripts(hans))).toBe('zh-Hans');
    expect(scriptOf(countScripts('環境、社會及管治報告'))).toBe('zh-Hant');
    expect(scriptOf(countScripts('环境、社会及管治报告'))).toBe('zh-Hans');
    // characters common to both scripts: Traditional (the HKEX default)
    expect(scriptOf(countScripts('中文一二三'))).toBe('zh-Hant');
    // English with a few Chinese names is English (Han under 10 % of the letters)
    expect(scriptOf(countScripts('The Group (阿里健康) reports on its environmental and social performance.'))).toBe('en');
    expect(scriptOf(countScripts('12345 --- ***'))).toBe('en');
  });
  it('--lang wins over detection and says what the text looks like', () => {
    const p = detectInput(readFileSync(join(ROOT, seeds[0][0])), 'x', 'zh-Hant');
    expect(p).toMatchObject({ lang: 'zh-Hant', forced: true });
    expect(p.summary).toMatch(/--lang; the text looks en/);
  });
  it('the CLI prints what it detected (no --lang)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), join(ROOT, seeds[1][0]), '--issuer', 'alibaba-health', '--year', '2018', '--dry-run'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^detected language zh-Hant \(\d+% Han; \d+ Traditional-only vs \d+ Simplified-only characters\), layout folio pages/);
    expect(r.stdout).toMatch(/\(19 file\(s\) unchanged\)/); // same output as with --lang zh-Hant
  });
});
