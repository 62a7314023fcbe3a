/**
 * The user's corrections of an outline (`outline:` in overrides.yaml): `demote` and `split` act on
 * the ranked units before the guards; `merge` and `rename` name units by their positional ids, so
 * they come after the ids.
 */
import type { OutlineOverrides, Unit } from './types.ts';
import { norm } from './titles.ts';
import { findTitle, text, type View } from './view.ts';

/** Remove the units titled by `demote`; start units at the `split` lines. */
export function demoteAndSplit(c: View, units: Unit[], ov: OutlineOverrides, warnings: string[]): Set<Unit> {
  const n = c.lines.length;
  const given = new Set<Unit>();
  for (const d of ov.demote ?? []) {
    const k = units.findIndex((u) => norm(u.title) === norm(d));
    if (k < 0) { warnings.push(`outline: demote "${d}": no unit with that title`); continue; }
    units.splice(k, 1);
  }
  for (const sp of ov.split ?? []) {
    let from = 0;
    if (sp.after) { const a = findTitle(c, 0, n, sp.after, false); if (a) from = a[0] + 1; else warnings.push(`outline: split "after" text "${sp.after}" not found`); }
    let hit = findTitle(c, from, n, sp.at, false);
    if (!hit) {
      // a line that starts with the given text (a title glued to the first words of its page)
      const want = norm(sp.at);
      for (let i = from; i < n && !hit; i++) if (want && norm(text(c, i)).startsWith(want)) hit = [i];
      if (hit && !sp.title) { warnings.push(`outline: split "${sp.at}" matches only the start of line ${c.lines[hit[0]].n}; give a title`); hit = null; }
    }
    if (!hit) { warnings.push(`outline: split line "${sp.at}" not found`); continue; }
    const before = [...units].reverse().find((u) => u.from <= hit[0]);
    const kind = before?.kind === 'chapter' || before?.kind === 'section' ? 'section' : before?.kind ?? 'front';
    const u: Unit = { id: '', kind, title: sp.title ?? text(c, hit[0]) + (hit[1] !== undefined ? text(c, hit[1]) : ''), from: hit[0], titleLines: sp.title ? [] : hit, group: before?.group };
    if (sp.title) given.add(u);
    units.push(u);
    units.sort((a, b) => a.from - b.from);
  }
  return given;
}

/** Merge units into the unit before them and rename units, by id. Returns the renamed units. */
export function mergeAndRename(units: Unit[], ov: OutlineOverrides, warnings: string[]): Set<string> {
  for (const id of ov.merge ?? []) {
    const k = units.findIndex((u) => u.id === id);
    if (k <= 0) { warnings.push(`outline: merge "${id}": no such unit after the first`); continue; }
    units.splice(k, 1);
  }
  const renamed = new Set<string>();
  for (const [id, t] of Object.entries(ov.rename ?? {})) {
    const u = units.find((x) => x.id === id);
    if (!u) warnings.push(`outline: rename "${id}": no such unit`);
    else { u.title = t; renamed.add(id); }
  }
  return renamed;
}

/** A title given by an override is removed where the unit prints it as a line of its own. */
export function findGivenTitles(c: View, units: (Unit & { to: number })[], given: (u: Unit) => boolean): void {
  for (const u of units) if (!u.titleLines.length && !u.cover && given(u)) { const h = findTitle(c, u.from, u.to, u.title, false); if (h) u.titleLines = h; }
}
