/**
 * Repairs never invent text: every join the importer makes is proven by the report itself, and
 * recorded with its proof (`runPipeline(...).repairs`). Over every seed (with its overrides) and
 * every fixture under tests/fixtures/import/, each recorded repair is re-checked here against the
 * source text, independently of the importer's code:
 *   - a word join (`Al ibaba` → `Alibaba`): the pieces concatenate to the result, and the joined
 *     word occurs unsplit in the source, or the pieces are single letters of a spaced-out run that
 *     the source prints (`w h e r e`);
 *   - a spaced-out line (`w h e r e  d a m a g e ,`): the source prints it, at least half of its
 *     pieces are single characters, and the result only removes spaces inside its word groups;
 *   - joins across a line break, CJK spacing, bullets and footnotes only remove what the text shows.
 * And no join goes unrecorded: every Latin word of the output is printed in the source as a whole
 * word, or is the result of a recorded repair.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { readSource } from '../../../scripts/import/read-source.ts';
import { buildGlue, buildVocab, mergeFragments } from '../../../scripts/import/repair-letterspacing.ts';
import type { Lang, Repair } from '../../../scripts/import/types.ts';
import { ROOT, fixtureTexts } from './helpers.ts';

const inputs: { name: string; file: string; lang: Lang; ov: string | null }[] = [];
const langOf = (f: string) => /\.(en|zh-Hant|zh-Hans)\.txt$/.exec(f)?.[1] as Lang | undefined;
const reports = join(ROOT, 'content/reports');
for (const issuer of readdirSync(reports)) {
  for (const year of readdirSync(join(reports, issuer))) {
    const src = join(reports, issuer, year, 'source');
    if (!existsSync(src)) continue;
    for (const f of readdirSync(src).filter(langOf)) inputs.push({ name: `${issuer}/${year}/${f}`, file: join(src, f), lang: langOf(f)!, ov: join(src, 'overrides.yaml') });
  }
}
for (const f of fixtureTexts()) inputs.push({ ...f, ov: null });

const letters = (s: string) => s.replace(/[^A-Za-z]/g, '');
const wordCount = (src: string, w: string) => (src.match(new RegExp(`(?<![A-Za-z])${w}(?![A-Za-z])`, 'gi')) ?? []).length;

/** Why a repair is not proven by the source, or '' when it is. */
function unproven(r: Repair, src: string, flat: string): string {
  if (!r.proof) return 'no proof';
  if (r.kind === 'word-join') {
    const pieces = r.before.split(' ');
    if (letters(pieces.join('')) !== letters(r.after) || /\s/.test(r.after)) return 'the result is not the pieces joined';
    const word = letters(r.after);
    if (r.proof === 'spaced-out run') {
      if (pieces.length < 3 || !pieces.every((p) => letters(p).length === 1)) return 'not single letters';
      return flat.includes(pieces.map(letters).join(' ')) ? '' : 'the spaced-out run is not printed';
    }
    const m = /^word "([a-z]+)" occurs unsplit (\d+)×$/.exec(r.proof);
    if (!m || m[1] !== word.toLowerCase()) return 'the proof does not name the joined word';
    const n = wordCount(src, word);
    return n >= 1 && n >= Number(m[2]) ? '' : `"${word}" occurs unsplit ${n}× in the source`;
  }
  if (r.kind === 'letter-spacing') {
    if (r.proof !== 'spaced-out run' || !src.split('\n').some((l) => l.trim() === r.before)) return 'the spaced-out line is not printed';
    const pieces = r.before.split(/\s+/);
    if (pieces.filter((p) => [...p].length === 1).length * 2 < pieces.length) return 'fewer than half of the pieces are single characters';
    return r.before.split(/ {2,}/).map((g) => g.replace(/ /g, '')).join(' ') === r.after ? '' : 'more than the spaces inside word groups changed';
  }
  if (r.kind === 'hyphenation') return /-⏎/.test(r.before) && r.before.replace('⏎', '') === r.after ? '' : 'not a printed line-end hyphen';
  if (r.kind === 'line-break') return r.before.replace('⏎', '') === r.after ? '' : 'more than the line break changed';
  if (r.kind === 'cjk-spacing') return / /.test(r.before) && r.before.replace(/ +/g, '') === r.after ? '' : 'more than spaces removed';
  if (r.kind === 'bullet') return r.after.replace(/ /g, '').slice(1) === r.before.replace(/ /g, '').slice(1) ? '' : 'more than the glyph changed';
  if (r.kind === 'markup') return r.before.replace(/<\/?[a-z]+(?:\s[^<>]*)?\/?>/gi, ' ').replace(/\s+/g, ' ').trim() === r.after ? '' : 'more than HTML tags removed';
  if (r.kind === 'footnote') return r.after === r.before.replace(/\d$/, (d) => `[^${d}]`) ? '' : 'not a glued digit made a reference';
  return `unknown kind ${r.kind}`;
}

describe('repairs never invent text', () => {
  it('there are seeds and fixtures to check', () => expect(inputs.length).toBeGreaterThanOrEqual(15));
  it.each(inputs.map((x) => [x.name, x] as const))('%s: every repair is proven and recorded', (_n, x) => {
    const data = readFileSync(x.file);
    const ov = x.ov && existsSync(x.ov) ? parseOverrides(readFileSync(x.ov, 'utf8')) : {};
    const r = runPipeline(data, x.lang, ov, x.name);
    const src = readSource(data);
    const flat = src.replace(/\s+/g, ' ');
    const bad = r.repairs.map((rep) => ({ ...rep, why: unproven(rep, src, flat) })).filter((rep) => rep.why || rep.line < 1);
    expect(bad).toEqual([]);
    // no unrecorded join: every Latin word of the output is printed whole in the source, or a repair made it
    const made = new Set(r.repairs.flatMap((rep) => rep.after.split(/\s+/).map((w) => letters(w).toLowerCase())));
    const printed = new Set((src.match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase()));
    const body = r.sections.map((s) => `${s.title}\n${s.mdx.replace(/^---\n[\s\S]*?\n---\n/, '')}`).join('\n')
      .replace(/<\/?aside[^>]*>|<br \/>|&[a-z]+;|\[\^\d+\]|\]\((?:mailto:|https?:)[^)]*\)/g, ' ');
    const invented = [...new Set((body.match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase()))].filter((w) => !printed.has(w) && !made.has(w));
    expect(invented).toEqual([]);
  }, 60_000);
});

describe('letter joins need proof from the same text', () => {
  const doc = [
    'Alibaba Health runs pharmacies in many cities.',
    'The group reports on Alibaba Health every year.',
    'The shuttle follows a 14 km route to the depot.',
    'Add import fs at the top of the script.',
    'Trucks are checked before they leave the depot.',
  ];
  const vocab = buildVocab(doc);
  const glue = buildGlue(doc, vocab);
  it('`14 km route` and `import fs` stay as printed', () => {
    expect(mergeFragments('The shuttle follows a 14 km route to the depot.', vocab, glue)).toMatchObject({ text: 'The shuttle follows a 14 km route to the depot.', repairs: [] });
    expect(mergeFragments('Add import fs at the top.', vocab, glue)).toMatchObject({ text: 'Add import fs at the top.', repairs: [] });
  });
  it('`Al ibaba` joins when `Alibaba` occurs elsewhere, with the proof', () => {
    const r = mergeFragments('The report of Al ibaba Health is out.', vocab, glue);
    expect(r.text).toBe('The report of Alibaba Health is out.');
    expect(r.repairs).toEqual([{ kind: 'word-join', before: 'Al ibaba', after: 'Alibaba', proof: 'word "alibaba" occurs unsplit 2×' }]);
    // not proven without the unsplit word
    expect(mergeFragments('The report of Al ibaba Health is out.', buildVocab(doc.slice(2))).text).toBe('The report of Al ibaba Health is out.');
  });
  it('a spaced-out run `w h e r e` joins', () => {
    const r = mergeFragments('the depot w h e r e trucks wait', vocab, glue);
    expect(r.text).toBe('the depot where trucks wait');
    expect(r.repairs).toEqual([{ kind: 'word-join', before: 'w h e r e', after: 'where', proof: 'spaced-out run' }]);
  });
  it('the pipeline returns the repairs and keeps unproven splits', () => {
    const text = [...doc, '', 'Our drivers know the 14 km route well and Al ibaba Health staff ride along.', ''].join('\n');
    const r = runPipeline(text, 'en', {}, 'snippet.en.txt');
    const out = r.sections.map((s) => s.mdx).join('\n');
    expect(out).toContain('14 km route');
    expect(out).toContain('Alibaba Health staff');
    expect(r.repairs).toContainEqual({ kind: 'word-join', line: 7, before: 'Al ibaba', after: 'Alibaba', proof: 'word "alibaba" occurs unsplit 2×' });
  });
});
