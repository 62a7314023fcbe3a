/**
 * The furniture rule (docs/importer.md, running-headers.ts): a line that occurs once in the source
 * is never dropped as furniture. Property over the real seed copies (content/reports/*\/*\/source/*.txt,
 * imported with their overrides) and the English fixtures (no overrides): for every dropped line,
 * its text (trimmed, whitespace runs as one space, lower case, without a `(continued)` marker or a
 * leading heading number, and without a 1–3 digit folio at its start or end after a space or `|`)
 * is shared by at least 2 source lines, or it is a bare page number or
 * numeral (1–4 digits, a roman numeral), or it has no letter or digit at all. Lines named by a
 * `drop:` override are the user's explicit call and are not subject to the rule.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { readSource, toLines } from '../../../scripts/import/read-source.ts';
import type { Lang } from '../../../scripts/import/types.ts';
import { ROOT, fixtureTexts } from './helpers.ts';

// an independent statement of the rule (not the importer's own code)
const key = (t: string) =>
  t.trim().replace(/\s+/g, ' ').toLowerCase().replace(/\s*[（(]\s*(continued|cont['’]?d\.?|續|续)\s*[)）]\s*$/i, '').trim()
    .replace(/^(\d{1,2}(\.\d{1,2})*\.?|[ivx]{1,4}[.)])\s+(?=\S)/, '')
    // a folio printed on the line: `report 2019 7`, `6 acme limited`, `2021 esg report | acme 12`
    .replace(/(\s*[|｜]\s*|\s+)[0-9]{1,3}$/, '').replace(/^[0-9]{1,3}(\s*[|｜]\s*|\s+)(?=\S)/, '').trim()
    .replace(/^(\d{1,2}(\.\d{1,2})*\.?|[ivx]{1,4}[.)])\s+(?=\S)/, '');
const bare = (t: string) => /^(\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})$/.test(t.trim());
const noLetter = (t: string) => !/[\p{L}\p{N}]/u.test(t);

const inputs: { name: string; file: string; lang: Lang; ov: string | null }[] = [];
const reports = join(ROOT, 'content/reports');
for (const issuer of readdirSync(reports)) {
  for (const year of readdirSync(join(reports, issuer))) {
    const src = join(reports, issuer, year, 'source');
    if (!existsSync(src)) continue;
    for (const f of readdirSync(src).filter((x) => x.endsWith('.txt'))) {
      const lang = /\.(en|zh-Hant|zh-Hans)\.txt$/.exec(f)?.[1] as Lang;
      inputs.push({ name: `${issuer}/${year}/${f}`, file: join(src, f), lang, ov: join(src, 'overrides.yaml') });
    }
  }
}
for (const f of fixtureTexts()) inputs.push({ ...f, ov: null });

describe('a line that occurs once in the source is never dropped as furniture', () => {
  it('there are seeds and fixtures to check', () => expect(inputs.length).toBeGreaterThanOrEqual(15));
  it.each(inputs.map((x) => [x.name, x] as const))('%s', (_n, x) => {
    const data = readFileSync(x.file);
    const ov = x.ov && existsSync(x.ov) ? parseOverrides(readFileSync(x.ov, 'utf8')) : {};
    const r = runPipeline(data, x.lang, ov, x.name);
    const src = toLines(readSource(data)).map((l) => l.text);
    const counts = new Map<string, number>();
    for (const t of src) if (t) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
    const bad = r.dropped.filter((d) => d.why !== 'override drop').filter((d) => {
      expect(src[d.line - 1], `line ${d.line}`).toBe(d.text); // dropped lines are reported with their source line number
      return !(bare(d.text) || noLetter(d.text) || (counts.get(key(d.text)) ?? 0) >= 2);
    });
    expect(bad).toEqual([]);
  }, 30_000);
});
