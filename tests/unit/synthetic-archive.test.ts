// The scale benchmark's synthetic archive (scripts/lib/synthetic-archive.ts): ids, stock codes,
// consistent rewriting of every report's files, content-check clean, deterministic. No builds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { bundledReports, makeSyntheticArchive, planSyntheticArchive, type SyntheticArchive } from '../../scripts/lib/synthetic-archive.ts';
import { readContentFiles } from '../../scripts/lib/content-files.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { loadEditions } from '../../src/lib/frameworks.ts';
import { ROOT } from '../support/paths.ts';

const bundled = bundledReports(ROOT);
const bundledIssuers = readdirSync(path.join(ROOT, 'content', 'issuers')).map((f) => f.replace(/\.yaml$/, ''));
const bundledCodes = bundledIssuers.map((id) => (parseYaml(readFileSync(path.join(ROOT, 'content', 'issuers', `${id}.yaml`), 'utf8')) as { stockCode: string }).stockCode);

/** sha256 of every file under `dir` (relative path → digest). */
function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.set(r, createHash('sha256').update(readFileSync(path.join(dir, r))).digest('hex'));
    }
  };
  walk('');
  return out;
}

describe('planSyntheticArchive', () => {
  it('spreads N reports over issuers of 1–4 consecutive years and several years, ids and stock codes unique', () => {
    for (const n of [1, 5, 7, 30, 100, 300]) {
      const { issuers, reports } = planSyntheticArchive(n, bundled);
      expect(reports).toHaveLength(n);
      expect(new Set(issuers.map((i) => i.id)).size).toBe(issuers.length);
      const codes = issuers.map((i) => i.stockCode);
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of codes) {
        expect(c).toMatch(/^\d{5}$/);
        expect(bundledCodes).not.toContain(c);
      }
      expect(new Set(reports.map((r) => `${r.issuer}/${r.year}`)).size).toBe(n);
      for (const i of issuers) {
        expect(i.id).toMatch(/^syn-\d{4}-[a-z0-9-]+$/);
        expect(i.years.length).toBeGreaterThanOrEqual(1);
        expect(i.years.length).toBeLessThanOrEqual(4);
        i.years.forEach((y, j) => expect(Number(y)).toBe(Number(i.years[0]) + j));
      }
      // reports cycle through the bundled ones in order
      reports.forEach((r, j) => expect(r.from).toBe(bundled[j % bundled.length]));
    }
    const big = planSyntheticArchive(100, bundled);
    expect(new Set(big.reports.map((r) => r.year)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(big.issuers.map((i) => i.years.length))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('is deterministic and rejects a bad N', () => {
    expect(planSyntheticArchive(30, bundled)).toEqual(planSyntheticArchive(30, bundled));
    expect(() => planSyntheticArchive(0, bundled)).toThrow(/positive integer/);
  });
});

describe.each([5, 7])('makeSyntheticArchive at N = %i', (n) => {
  let a: SyntheticArchive;
  let b: SyntheticArchive;
  beforeAll(() => {
    a = makeSyntheticArchive({ n });
    b = makeSyntheticArchive({ n });
  });
  afterAll(() => {
    for (const x of [a, b]) if (x) rmSync(x.dir, { recursive: true, force: true });
  });

  it('writes N report folders and only the synthetic issuers', () => {
    const reports = path.join(a.dir, 'content', 'reports');
    const folders = readdirSync(reports).flatMap((i) => readdirSync(path.join(reports, i)).map((y) => `${i}/${y}`));
    expect(folders.sort()).toEqual(a.reports.map((r) => `${r.issuer}/${r.year}`).sort());
    const issuerFiles = readdirSync(path.join(a.dir, 'content', 'issuers')).sort();
    expect(issuerFiles).toEqual(a.issuers.map((i) => `${i.id}.yaml`).sort());
  });

  it('rewrites every report and issuer file consistently', () => {
    const codes = new Set<string>();
    for (const issuer of a.issuers) {
      const text = readFileSync(path.join(a.dir, 'content', 'issuers', `${issuer.id}.yaml`), 'utf8');
      const data = parseYaml(text) as { id: string; stockCode: string; name: Record<string, string>; shortName: Record<string, string> };
      expect(data.id).toBe(issuer.id);
      expect(data.stockCode).toBe(issuer.stockCode);
      codes.add(data.stockCode);
      expect(data.name.en).toMatch(/\(synthetic \d{4}\)$/);
      for (const [lang, name] of Object.entries(data.name)) if (lang !== 'en') expect(name).toMatch(/（合成 \d{4}）$/);
    }
    expect(codes.size).toBe(a.issuers.length);
    for (const r of a.reports) {
      const dir = path.join(a.dir, 'content', 'reports', r.issuer, r.year);
      const text = readFileSync(path.join(dir, 'report.yaml'), 'utf8');
      const data = parseYaml(text) as { issuer: string; year: unknown; period: { start: string; end: string }; sources?: unknown };
      expect(data.issuer).toBe(r.issuer);
      expect(data.year).toBe(r.year); // a string, as the schema wants
      expect(data.sources).toBeUndefined();
      // the period moved with the year: it ends in the report's year or the next
      expect(Number(String(data.period.end).slice(0, 4)) - Number(r.year)).toBeGreaterThanOrEqual(0);
      expect(Number(String(data.period.end).slice(0, 4)) - Number(r.year)).toBeLessThanOrEqual(1);
      // no bundled issuer id left where it names the issuer
      for (const id of bundledIssuers) expect(text).not.toMatch(new RegExp(`^issuer: ${id}$`, 'm'));
      expect(existsSync(path.join(dir, 'source'))).toBe(false);
      // texts and values kept
      const src = path.join(ROOT, 'content', 'reports', r.from);
      for (const lang of ['en', 'zh-Hant', 'zh-Hans']) {
        if (!existsSync(path.join(src, lang))) continue;
        for (const f of readdirSync(path.join(src, lang))) expect(readFileSync(path.join(dir, lang, f), 'utf8')).toBe(readFileSync(path.join(src, lang, f), 'utf8'));
      }
      if (existsSync(path.join(src, 'data', 'kpi.csv'))) expect(readFileSync(path.join(dir, 'data', 'kpi.csv'), 'utf8')).toBe(readFileSync(path.join(src, 'data', 'kpi.csv'), 'utf8'));
      // series links name an earlier year of the same synthetic issuer
      const ov = path.join(dir, 'data', 'overrides.yaml');
      if (existsSync(ov)) {
        const series = (parseYaml(readFileSync(ov, 'utf8')) as { series?: { same: { year: unknown } }[] } | null)?.series ?? [];
        for (const s of series) {
          expect(typeof s.same.year).toBe('string');
          expect(a.reports.some((x) => x.issuer === r.issuer && x.year === s.same.year && x.year < r.year)).toBe(true);
        }
      }
    }
  });

  it('passes the content check with no errors', () => {
    const problems = checkContent(readContentFiles(a.dir), loadEditions(undefined, path.join(a.dir, 'content', 'frameworks')));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('is byte-identical for the same N', () => {
    const da = digest(path.join(a.dir, 'content'));
    const db = digest(path.join(b.dir, 'content'));
    expect(da.size).toBeGreaterThan(0);
    expect([...da.entries()].sort()).toEqual([...db.entries()].sort());
    expect(statSync(path.join(a.dir, 'node_modules')).isDirectory()).toBe(true);
  });
});
