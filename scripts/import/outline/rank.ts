/**
 * Rank the evidence: the outline comes from the most trusted source that yields one (sources are
 * given in order of trust); its candidates become units in line order. Candidates of less trusted
 * sources are not mixed in: a unit start the trusted source does not know would move the units it
 * does know. Ids are positional: `f01`… front matter, `c01`… chapters (a part's sections
 * `c01-s01`…), `a01`… appendices.
 */
import type { Candidate, Evidence, Unit } from './types.ts';
import { firstTitle, text, type View } from './view.ts';

/** The most trusted evidence with candidates, evaluated lazily in order; the warnings of every source read. */
export function pickEvidence(sources: (() => Evidence)[]): { chosen?: Evidence; at: number; warnings: string[] } {
  const warnings: string[] = [];
  for (const [at, read] of sources.entries()) {
    const ev = read();
    warnings.push(...ev.warnings);
    if (ev.candidates.length) return { chosen: ev, at, warnings };
  }
  return { at: -1, warnings };
}

/** Candidates as units in line order (a stable sort: candidates on one line keep the source's order). */
export function toUnits(candidates: Candidate[]): Unit[] {
  return [...candidates].sort((a, b) => a.line - b.line).map((c) => ({
    id: '', kind: c.kind, title: c.title, from: c.line, titleLines: [...c.lines],
    ...(c.level !== undefined ? { level: c.level } : {}), ...(c.part !== undefined ? { part: c.part } : {}),
    ...(c.number ? { number: c.number } : {}), ...(c.cover ? { cover: true } : {}),
  }));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Positional ids and the parts (chapter groups). A chapter of level 1 opens a part; a section
 * naming a part other than the current one opens it (a part printed with no text of its own). An
 * untitled first unit takes its first title-like line as title.
 */
export function assignIds(c: View, units: Unit[]): { id: string; title: string }[] {
  const n = c.lines.length;
  let f = 0, a = 0, s = 0, chN = 0, g = '', gPart: string | undefined;
  const groups: { id: string; title: string }[] = [];
  for (const u of units) {
    if (u.kind === 'front') u.id = `f${pad(++f)}`;
    else if (u.kind === 'appendix') u.id = `a${pad(++a)}`;
    else if (u.kind === 'chapter') {
      u.id = `c${pad(++chN)}`;
      if (u.level === 1) { g = u.id; u.group = g; s = 0; gPart = u.part ?? u.title; groups.push({ id: g, title: gPart }); }
      else { g = ''; gPart = undefined; }
    } else {
      if (u.part !== undefined && u.part !== gPart) { g = `c${pad(++chN)}`; s = 0; gPart = u.part; groups.push({ id: g, title: u.part }); }
      u.group = g;
      u.id = `${g}-s${pad(++s)}`;
    }
    if (!u.title) {
      const t = u.from === 0 ? firstTitle(c, 0, units[units.indexOf(u) + 1]?.from ?? n) : null;
      if (t !== null && u.cover) u.title = text(c, t); // the cloud's first line names it; the line stays text
      else if (t !== null) { u.title = text(c, t); u.titleLines = [t]; }
    }
  }
  return groups;
}

/** Each unit's end (the next unit's start) and a title at last (its id where none was found). */
export function close(units: Unit[], n: number): (Unit & { to: number })[] {
  return units.map((u, k) => ({ ...u, title: u.title.trim() || u.id, to: units[k + 1]?.from ?? n }));
}
