/** outline/rank.ts: the most trusted evidence wins; candidates → units; positional ids and parts. */
import { describe, expect, it } from 'vitest';
import { assignIds, close, pickEvidence, toUnits } from '../../../../scripts/import/outline/rank.ts';
import type { Candidate, Evidence } from '../../../../scripts/import/outline/types.ts';
import type { View } from '../../../../scripts/import/outline/view.ts';
import { toLines } from '../../../../scripts/import/read-source.ts';

const cand = (line: number, kind: Candidate['kind'], title: string, more: Partial<Candidate> = {}): Candidate => ({ line, lines: [line], title, kind, source: 's', score: 1, ...more });
const ev = (source: string, candidates: Candidate[], warnings: string[] = []): Evidence => ({ source, candidates, warnings });
const view = (n: number): View => ({ lines: toLines(Array.from({ length: n }, (_, i) => `Line ${i}`).join('\n')), skip: new Set() });

describe('rank', () => {
  it('takes the first source that yields candidates and reads no source after it', () => {
    const read: string[] = [];
    const src = (e: Evidence) => () => { read.push(e.source); return e; };
    const r = pickEvidence([src(ev('contents page', [], ['not enough'])), src(ev('headings', [cand(0, 'chapter', 'A')])), src(ev('layout', [cand(0, 'front', 'F')]))]);
    expect(r.chosen?.source).toBe('headings');
    expect(r.at).toBe(1);
    expect(r.warnings).toEqual(['not enough']);
    expect(read).toEqual(['contents page', 'headings']);
  });
  it('orders candidates by line, keeping the source order on one line', () => {
    const u = toUnits([cand(5, 'section', 'B'), cand(0, 'front', 'F'), cand(5, 'chapter', 'A')]);
    expect(u.map((x) => `${x.from} ${x.title}`)).toEqual(['0 F', '5 B', '5 A']);
  });
  it('assigns positional ids: front, parts with sections, a part with no text of its own, plain chapters, appendices', () => {
    const units = toUnits([
      cand(0, 'front', 'Cover'), cand(2, 'chapter', 'Environment', { level: 1 }), cand(4, 'section', 'Emissions'), cand(6, 'section', 'Waste'),
      cand(8, 'section', 'Employment', { part: 'People' }), cand(10, 'chapter', 'Governance'), cand(12, 'appendix', 'Index'),
    ]);
    const parts = assignIds(view(14), units);
    expect(units.map((u) => `${u.id}:${u.group ?? ''}`)).toEqual(['f01:', 'c01:c01', 'c01-s01:c01', 'c01-s02:c01', 'c02-s01:c02', 'c03:', 'a01:']);
    expect(parts).toEqual([{ id: 'c01', title: 'Environment' }, { id: 'c02', title: 'People' }]);
  });
  it('names an untitled first unit by its first title-like line; closes units at the next start', () => {
    const units = toUnits([cand(0, 'front', '', { lines: [] }), cand(3, 'chapter', 'A')]);
    assignIds(view(6), units);
    expect(units[0]).toMatchObject({ title: 'Line 0', titleLines: [0] });
    expect(close(units, 6).map((u) => [u.from, u.to])).toEqual([[0, 3], [3, 6]]);
  });
});
