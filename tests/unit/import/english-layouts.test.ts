/**
 * English reports in the other common layouts (fixtures under tests/fixtures/import/, assembled by
 * tests/fixtures/import/assemble.ts): running headers with a chapter name and a page number on lines
 * of their own, numbered (`4.`, `4.1`, `4.1.1`) and roman-numeral chapters, all-caps headings,
 * `(CONTINUED)` repeats, glued bullets, footnote digits glued to words, an HKEX content index.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../../scripts/import/pipeline.ts';
import { ROOT } from './helpers.ts';
import { readSource, toLines } from '../../../scripts/import/read-source.ts';

const FIX = join(ROOT, 'tests/fixtures/import');
const NUMBERED = join(FIX, 'en-numbered/harbourline-esg-2021.en.txt');
const ROMAN = join(FIX, 'en-roman/pacific-jade-esg-2022.en.txt');
const tmp = mkdtempSync(join(tmpdir(), 'import-en-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cache = new Map<string, PipelineResult>();
const run = (f: string) => {
  if (!cache.has(f)) cache.set(f, runPipeline(readFileSync(f), 'en', {}, f));
  return cache.get(f)!;
};
const body = (f: string, id: string) => {
  const s = run(f).sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s.mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
};
const cliJson = (f: string) => {
  // no --lang, no overrides file: everything is detected
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), f, '--issuer', 'x', '--year', '2021', '--out', tmp, '--dry-run', '--json'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
/** the lines the importer numbers (a form feed starts a line of its own: read-source.ts) */
const sourceLines = (f: string) => toLines(readSource(readFileSync(f))).map((l) => l.text);

describe.each([
  ['numbered chapters, running headers', NUMBERED, 'Harbourline Logistics Holdings Limited Environmental, Social and Governance Report 2021', 22],
  ['roman-numeral chapters, running footers', ROMAN, 'Pacific Jade Foods Group Limited | Environmental, Social and Governance Report 2022', 19],
])('%s (CLI)', (_name, file, running, pages) => {
  it('detects en and the running-headers layout, drops every header line and page number and lists them', () => {
    const j = cliJson(file);
    expect(j.profile).toMatchObject({ lang: 'en', layout: 'running-headers', detected: true });
    expect(j.fidelity).toBeGreaterThanOrEqual(0.995);
    const src = sourceLines(file);
    const headerLines = src.flatMap((t, i) => (t === running ? [i + 1] : []));
    expect(headerLines.length).toBe(pages);
    const dropped = new Map<number, { text: string; why: string }>(j.dropped.map((d: any) => [d.line, d]));
    for (const n of headerLines) expect(dropped.get(n)?.why, `line ${n}`).toBe('running header');
    const numbers = j.dropped.filter((d: any) => d.why === 'page number').map((d: any) => Number(d.text));
    expect(numbers).toEqual(Array.from({ length: pages }, (_, k) => k + 3));
    expect(j.dropped.filter((d: any) => d.why === 'chapter name in the running header').length).toBeGreaterThanOrEqual(pages);
    // nothing else is dropped: furniture and (continued) repeats only
    expect(new Set(j.dropped.map((d: any) => d.why))).toEqual(new Set(['running header', 'page number', 'chapter name in the running header', '(continued) repeat']));
    // the outline follows the contents page: parts and the sections below them
    expect(j.outline).toMatchObject({ source: 'contents page', matched: j.outline.entries, inOrder: j.outline.entries, unmatched: [] });
    expect(j.outline.largestUnitShare).toBeLessThanOrEqual(0.3);
    expect(j.sections.length).toBe(j.outline.entries + (file === NUMBERED ? 0 : 1)); // + cover/contents; SOCIAL (no text of its own) is a part only
    expect(j.sections.every((s: any) => s.lang === 'en' && s.chars > 0)).toBe(true);
  });
  it('leaves no furniture in the MDX', () => {
    for (const s of run(file).sections) {
      expect(s.mdx).not.toContain(running);
      expect(s.mdx).not.toMatch(/^\d{1,3}$/m);
      expect(s.mdx).not.toMatch(/\(continued\)/i);
    }
  });
  it('tags sections with the HKEX codes of the content index (by page), not the undisclosed ones', () => {
    const r = run(file);
    // codes of a part: those of its own text and of its sections
    const codesOf = (part: string) => ({ frameworks: { hkex: r.sections.filter((s) => s.id === part || s.chapter === part || (!r.parts.length && s.id === part)).flatMap((s) => s.frameworks!.hkex) } });
    const env = codesOf(file === NUMBERED ? 'c01' : 'c04');
    const soc = codesOf(file === NUMBERED ? 'c02' : 'c05');
    expect(env.frameworks!.hkex).toEqual(expect.arrayContaining(['A1', 'A1.1', 'A1.2', 'A2.1', 'A2.5', 'A3.1', 'A4.1']));
    expect(env.frameworks!.hkex.some((c) => c.startsWith('B'))).toBe(false);
    expect(soc.frameworks!.hkex).toEqual(expect.arrayContaining(['B1', 'B1.1', 'B1.2', 'B2.2', 'B5.1', 'B8.2']));
    expect(soc.frameworks!.hkex.some((c) => c.startsWith('A'))).toBe(false);
    expect(r.index.filter((x) => x.kind === 'kpi').length).toBe(36);
    expect(r.sections.find((s) => s.id === 'a01')!.mdx).toMatch(/\| A1\.1 \| The types of emissions/);
  });
});

describe('numbered layout', () => {
  const f = NUMBERED;
  it('cuts at the numbered chapters with printed pages and numbers', () => {
    const s = run(f).sections;
    // titles as the contents page prints them (the body prints them in capitals), numbers as printed
    expect(s.map((x) => [x.id, x.number, x.title])).toEqual([
      ['f01', undefined, 'Harbourline Logistics Holdings Limited'], ['f02', '1', 'About this Report'], ['f03', '2', 'Board Statement'],
      ['f04', '3', 'Stakeholder Engagement and Materiality'], ['c01', '4', 'Environmental'],
      ['c01-s01', '4.1', 'Emissions'], ['c01-s02', '4.2', 'Use of Resources'], ['c01-s03', '4.3', 'Waste Management'],
      ['c01-s04', '4.4', 'The Environment, Natural Resources and Climate Change'],
      ['c02-s01', '5.1', 'Employment'], ['c02-s02', '5.2', 'Health and Safety'], ['c02-s03', '5.3', 'Development and Training'],
      ['c02-s04', '5.4', 'Labour Standards'], ['c02-s05', '5.5', 'Supply Chain Management'], ['c02-s06', '5.6', 'Product Responsibility'],
      ['c02-s07', '5.7', 'Anti-corruption'], ['c02-s08', '5.8', 'Community Investment'], ['a01', '6', 'HKEX ESG Reporting Guide Content Index'],
    ]);
    expect(run(f).parts).toEqual([{ id: 'c01', title: 'Environmental' }, { id: 'c02', title: 'Social' }]);
    expect(s.find((x) => x.id === 'c01-s02')!.pages).toEqual({ from: 9, to: 10 });
    expect(s.find((x) => x.id === 'c02-s08')!.pages).toEqual({ from: 21, to: 21 });
  });
  it('finds 4.1.1 headings inside the 4.1 unit as ###, a (Continued) repeat once', () => {
    const env = body(f, 'c01-s01');
    expect(env).toMatch(/^\s*### 4\.1\.1 Air Emissions$/m);
    expect(env).toMatch(/^\s*### 4\.1\.2 Greenhouse Gas Emissions$/m);
    expect(body(f, 'c01-s02')).toMatch(/^\s*### 4\.2\.2 Water$/m);
    for (const id of ['c01-s02', 'c02-s01']) expect(body(f, id)).not.toMatch(/^## /m); // the (Continued) repeat is no heading
    expect(body(f, 'f04').match(/^## 3\.2 Materiality Assessment$/gm)).toHaveLength(1);
    const dropped = run(f).dropped.filter((d) => d.why === '(continued) repeat').map((d) => d.text);
    expect(dropped).toEqual(['3.2 Materiality Assessment (Continued)', '4.2 Use of Resources (Continued)', '5.1 Employment (Continued)', '6. HKEX ESG Reporting Guide Content Index (Continued)', '6. HKEX ESG Reporting Guide Content Index (Continued)']);
  });
  it('turns glued bullets into lists and the contents page into a list', () => {
    expect(body(f, 'f02')).toMatch(/^- Materiality: the material ESG issues/m);
    expect(run(f).sections.map((s) => s.mdx).join('\n')).toMatch(/^\s*- route planning software that reduced the distance travelled per delivery by 4%;$/m);
    expect(body(f, 'f04')).toMatch(/^- Occupational health and safety\n- Greenhouse gas emissions/m);
    expect(body(f, 'f01')).toMatch(/^- 4\.1 Emissions … 7$/m);
  });
  it('turns footnote digits glued to words into [^n]', () => {
    const env = body(f, 'c01-s01');
    expect(env).toContain('total GHG emissions[^2] decreased');
    expect(env).toContain('**Table 2: Air Emissions[^1]**');
    expect(env).toMatch(/^\[\^2\]: The GHG emissions were calculated/m);
    expect(body(f, 'c02-s01')).toMatch(/^\[\^3\]: The turnover rate is/m);
  });
});

describe('roman-numeral layout', () => {
  const f = ROMAN;
  it('cuts at I.–VI. and finds all-caps headings as ##', () => {
    const s = run(f).sections;
    expect(s.map((x) => x.number)).toEqual([undefined, 'I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(s.map((x) => x.id)).toEqual(['f01', 'c01', 'c02', 'c03', 'c04', 'c05', 'a01']);
    expect(s.find((x) => x.id === 'c04')!.pages).toEqual({ from: 6, to: 10 });
    const env = body(f, 'c04');
    for (const h of ['EMISSIONS', 'USE OF RESOURCES', 'WASTE MANAGEMENT', 'THE ENVIRONMENT AND NATURAL RESOURCES', 'CLIMATE CHANGE']) expect(env).toMatch(new RegExp(`^## ${h}$`, 'm'));
    expect(env.match(/^## USE OF RESOURCES$/gm)).toHaveLength(1);
    expect(env).toMatch(/^### Air Emissions$/m);
    const soc = body(f, 'c05');
    expect(soc.match(/^## EMPLOYMENT$/gm)).toHaveLength(1);
    expect(soc).toMatch(/^## ANTI-CORRUPTION$/m);
  });
  it('bullets (●, private-use glyph) become lists; footnotes become [^n]', () => {
    expect(body(f, 'c03')).toMatch(/^- Food safety and product quality$/m);
    expect(body(f, 'c04')).toMatch(/^- The replacement of two cold rooms/m);
    expect(body(f, 'c04')).toContain('greenhouse gas emissions[^1] were');
    expect(body(f, 'c04')).toContain('water consumption[^2] during');
    expect(body(f, 'c05')).toContain('turnover rate[^3] for');
  });
  it('B5.3 and B5.4 (printed —) are not tagged', () => {
    const r = run(f);
    expect(r.index.find((x) => x.code === 'B5.3')?.status).toBe('not-reported');
    expect(r.sections.find((s) => s.id === 'c05')!.frameworks!.hkex).not.toContain('B5.3');
  });
});

describe('the numbered layout without running headers (folio layout)', () => {
  it('still finds the chapters, headings and (continued) repeats', () => {
    const lines = readFileSync(NUMBERED, 'utf8').split('\n');
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].replace(/^\f/, '') === 'Harbourline Logistics Holdings Limited Environmental, Social and Governance Report 2021') { i += 2; continue; } // header, chapter name, page number
      out.push(lines[i]);
    }
    const r = runPipeline(out.join('\n'), 'en', {});
    // the same outline as with running headers: the contents page, matched by printed pages
    expect(r.sections.map((s) => s.id)).toEqual(run(NUMBERED).sections.map((s) => s.id));
    expect(r.outline).toMatchObject({ source: 'contents page', entries: 18, matched: 18, inOrder: 18 });
    expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
    expect(r.dropped.map((d) => d.why)).toEqual(Array(5).fill('(continued) repeat'));
    expect(r.sections.find((s) => s.id === 'c01-s01')!.mdx).toMatch(/^\s*### 4\.1\.1 Air Emissions$/m);
    expect(r.index.filter((x) => x.kind === 'kpi').length).toBe(36);
  });
});

describe('a chapter name printed outside the header/page-number pair', () => {
  it('is learnt from its position on the pages of longer chapters and dropped on one-page chapters too', () => {
    const running = 'Pacific Jade Foods Group Limited | Environmental, Social and Governance Report 2022';
    const lines = readFileSync(ROMAN, 'utf8').split('\n');
    // footers `chapter name / running line / page number` instead of `running line / chapter name / page number`
    for (let i = 0; i + 1 < lines.length; i++) if (lines[i] === running) { [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]]; i++; }
    const r = runPipeline(lines.join('\n'), 'en', {});
    const names = r.dropped.filter((d) => d.why === 'chapter name in the running header').map((d) => d.text);
    expect(names.slice(0, 4)).toEqual(['About this Report', 'Board Statement', 'Stakeholder Engagement and Materiality', 'Environmental']);
    expect(names.length).toBe(19);
    expect(r.sections.some((s) => /^(About this Report|Board Statement)$/m.test(s.mdx))).toBe(false);
    expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
  });
});
