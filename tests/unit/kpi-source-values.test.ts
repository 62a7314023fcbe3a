// The values of the data files against the report's own text: for each row, its label is looked
// up in the raw seed copy (content/reports/<issuer>/<year>/source/*.txt, whitespace-insensitive) and
// the value must be one of the numbers printed right after it. Prose-only rows (overrides) are
// looked up by the printed excerpt their override gives. Breaking the extraction breaks this test.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { numbersIn } from '../../scripts/import/kpi-values.ts';
import { CONTENT } from '../support/paths.ts';

const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** a label as a pattern that allows any whitespace (line breaks of the text extraction) between characters */
const loose = (label: string) => new RegExp([...label.replace(/\s+/g, '')].map(esc).join('\\s*'), 'gu');

interface Check { id: string; lang: string; period: string; value: number; found: boolean; disagreement?: string }

function checkReport(dir: string): Check[] {
  const csvFile = path.join(dir, 'data', 'kpi.csv');
  if (!existsSync(csvFile)) return [];
  const rows = parseCsv(readFileSync(csvFile, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  const sources = new Map<string, string>();
  for (const f of readdirSync(path.join(dir, 'source'))) {
    const m = /\.(en|zh-Hant|zh-Hans)\.txt$/.exec(f);
    if (m) sources.set(m[1], readFileSync(path.join(dir, 'source', f), 'utf8'));
  }
  const ovFile = path.join(dir, 'data', 'overrides.yaml');
  const ov = existsSync(ovFile) ? parseYaml(readFileSync(ovFile, 'utf8')) : {};
  const checksFile = path.join(dir, 'data', 'checks.yaml');
  const disagreements = (existsSync(checksFile) ? parseYaml(readFileSync(checksFile, 'utf8')).disagreements ?? [] : []) as { id: string; period: string; values: Record<string, number | null> }[];
  const printed = new Map<string, Record<string, string>>((ov.rows ?? []).map((r: { id: string; printed?: Record<string, string> }) => [r.id, r.printed ?? {}]));
  const out: Check[] = [];
  for (const r of rows) {
    for (const lang of LANGS) {
      const text = sources.get(lang);
      const label = r[`label.${lang}`];
      if (!text || !label) continue;
      // where to look: after each printing of the label (table rows), or inside the override's excerpt
      const windows: string[] = [];
      if (r.source === 'override') {
        const p = printed.get(r.id)?.[lang];
        if (p) for (const m of text.matchAll(loose(p))) windows.push(m[0]);
      } else {
        for (const m of text.matchAll(loose(label))) windows.push(text.slice(m.index! + m[0].length, m.index! + m[0].length + 160));
      }
      for (const [k, v] of Object.entries(r)) {
        if (!k.startsWith('period:') || v === '') continue;
        const value = Number(v);
        // a percentage printed with `%` is the same number; a value sits within its row (before the next label line)
        const near = (x: number) => windows.some((w) => numbersIn(w.split(/\n\s*\n\s*\n/)[0]).includes(x));
        const period = k.slice(7);
        // a value this language prints differently (recorded by the extractor in data/checks.yaml) is
        // a warning when that other value is what the text prints here
        const d = disagreements.find((x) => x.id === r.id && x.period === period && typeof x.values[lang] === 'number');
        if (!near(value) && d && near(d.values[lang] as number)) {
          out.push({ id: r.id, lang, period, value, found: true, disagreement: `${r.id} ${period}: ${lang} prints ${d.values[lang]}, the data file holds ${value}` });
          continue;
        }
        out.push({ id: r.id, lang, period, value, found: near(value) });
      }
    }
  }
  return out;
}

const dirs = readdirSync(path.join(CONTENT, 'reports')).flatMap((i) => readdirSync(path.join(CONTENT, 'reports', i)).map((y) => path.join(CONTENT, 'reports', i, y)));

describe('KPI values against the printed text', () => {
  const all: Check[] = [];
  for (const dir of dirs) {
    const name = path.relative(path.join(CONTENT, 'reports'), dir);
    const checks = checkReport(dir);
    all.push(...checks);
    if (!checks.length) continue;
    it(`${name}: every value (${checks.length}) is printed after its label in the source text`, () => {
      for (const c of checks.filter((x) => x.disagreement)) console.warn(`warning: ${name}: language editions disagree: ${c.disagreement}`);
      const missing = checks.filter((c) => !c.found).map((c) => `${c.id} [${c.lang}] ${c.period} = ${c.value}`);
      expect(missing, missing.join('\n')).toEqual([]);
    });
  }
  it('compares at least 20 values', () => {
    expect(all.filter((c) => c.found).length).toBeGreaterThanOrEqual(20);
  });
  it('a report in two languages: each value is found after its label in both texts (or is a recorded disagreement)', () => {
    const both = dirs.filter((d) => existsSync(path.join(d, 'data', 'kpi.csv')) && readdirSync(path.join(d, 'source')).filter((f) => /\.(en|zh-Hant|zh-Hans)\.txt$/.test(f)).length >= 2);
    for (const d of both) {
      const checks = checkReport(d);
      const ids = new Set(checks.filter((c) => c.lang === 'en').map((c) => `${c.id} ${c.period}`));
      const zh = new Set(checks.filter((c) => c.lang !== 'en').map((c) => `${c.id} ${c.period}`));
      const pairs = [...ids].filter((x) => zh.has(x));
      expect(pairs.length, d).toBeGreaterThanOrEqual(20);
      expect(checks.filter((c) => !c.found)).toEqual([]);
      const warned = checks.filter((c) => c.disagreement).length;
      console.warn(`${path.relative(path.join(CONTENT, 'reports'), d)}: ${pairs.length} values compared in both language texts, ${warned} disagreement(s)`);
    }
  });
});
