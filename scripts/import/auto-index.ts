/**
 * Stage (detected outlines): find the printed indexes among the units by their rows, parse them
 * against the names the outline knows, and give each unit its tags (`frameworks.hkex`,
 * `frameworks.gri`) and the report its comply-or-explain entries.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Line } from './types.ts';
import { norm, titleLike } from './outline/titles.ts';
import { parseGriNames, parseHkexNames, tagsByUnit, type CatalogueItem, type NameTarget, type NamedRow } from './parse-index-names.ts';
import { aspectItems, type AspectItem } from './aspect-tags.ts';

export interface UnitRef { id: string; title: string; group?: string; from: number; to: number }
export interface NamedIndex {
  hkex: Map<string, string[]>;
  gri: Map<string, string[]>;
  comply: { code: string; status: 'not-reported' | 'not-applicable' }[];
  /** units that are printed indexes */
  indexUnits: Set<string>;
  kinds: Map<string, 'hkex' | 'gri'>;
  /** the names a cell may hold (HKEX: units and chapters; GRI: also headings) */
  names: { hkex: NameTarget[]; gri: NameTarget[] };
  rows: { hkex: NamedRow[]; gri: NamedRow[] };
}

const KPI_ROW = /^(?:關?鍵?績效指標|关?键?绩效指标|KPI)\s*[AB]\d{1,2}\.\d/i;
const GRI_ROW = /^\d{1,3}-\d{1,2}\s+\S/;

/** The catalogue of an HKEX edition as titles per code (all languages, printed variants). */
export function loadCatalogue(root: string, edition?: string): CatalogueItem[] {
  if (!edition) return [];
  const f = join(root, 'content/frameworks', `${edition}.yaml`);
  if (!existsSync(f)) return [];
  const y: any = parse(readFileSync(f, 'utf8'));
  return (y.items ?? []).filter((i: any) => i.code && (i.kind === 'paragraph' || i.kind === 'area') && /^D/.test(i.code)).map((i: any) => ({
    code: i.code,
    area: i.kind === 'area',
    titles: [...Object.values(i.title ?? {}), ...Object.values(i.printed ?? {})].filter((t): t is string => typeof t === 'string'),
  }));
}

/** Every item of an HKEX edition with its titles (all languages, printed variants): codes named by title in indexes. */
export function loadCodeTitles(root: string, edition?: string): CatalogueItem[] {
  if (!edition) return [];
  const f = join(root, 'content/frameworks', `${edition}.yaml`);
  if (!existsSync(f)) return [];
  const y: any = parse(readFileSync(f, 'utf8'));
  return (y.items ?? []).filter((i: any) => i.code && !i.deleted).map((i: any) => ({
    code: i.code,
    titles: [...Object.values(i.title ?? {}), ...Object.values(i.printed ?? {})].filter((t): t is string => typeof t === 'string'),
  }));
}

/** The aspects and KPIs of an HKEX edition, for tags derived from aspect-titled sections (aspect-tags.ts). */
export function loadAspectCatalogue(root: string, edition?: string): AspectItem[] {
  if (!edition) return [];
  const f = join(root, 'content/frameworks', `${edition}.yaml`);
  return existsSync(f) ? aspectItems((parse(readFileSync(f, 'utf8')) as any)?.items ?? []) : [];
}

export function tagByNames(lines: Line[], units: UnitRef[], groups: { id: string; title: string }[], mapIndex: Record<string, string>, catalogue: CatalogueItem[], warnings: string[]): NamedIndex {
  const text = (u: UnitRef) => lines.slice(u.from, u.to).map((l) => l.text);
  const count = (u: UnitRef, re: RegExp) => text(u).filter((t) => re.test(t)).length;
  const hkexUnits = units.filter((u) => count(u, KPI_ROW) >= 8);
  const griUnits = units.filter((u) => count(u, GRI_ROW) >= 10 && text(u).some((t) => /GRI/.test(t)));
  const indexUnits = new Set([...hkexUnits, ...griUnits].map((u) => u.id));
  // names: overrides, unit titles, chapter titles, then headings printed inside units
  const names: NameTarget[] = [];
  const ids = new Set(units.map((u) => u.id));
  for (const [name, id] of Object.entries(mapIndex)) {
    if (!ids.has(id)) warnings.push(`mapIndex: "${name}" names unknown unit "${id}"`);
    else names.push({ name, id, group: units.find((u) => u.id === id)?.group });
  }
  const known = new Set(names.map((n) => norm(n.name)));
  const add = (n: NameTarget) => { if (!known.has(norm(n.name))) { known.add(norm(n.name)); names.push(n); } };
  for (const u of units) if (!indexUnits.has(u.id)) add({ name: u.title, id: u.id, group: u.group });
  // a spread titled with two titles (`首席執行官寄語 董事會聲明`): each names the unit
  for (const u of units) if (!indexUnits.has(u.id) && /\s/.test(u.title)) for (const part of u.title.split(/\s+/)) if (part.length >= 4) add({ name: part, id: u.id, group: u.group });
  for (const g of groups) if (units.some((u) => u.id === g.id)) add({ name: g.title, id: g.id, group: g.id });
  // HKEX cells name sections and chapters; GRI cells also name headings inside units
  const unitNames = [...names];
  for (const u of units) {
    if (indexUnits.has(u.id)) continue;
    for (let i = u.from; i < u.to; i++) {
      const t = lines[i].text;
      const h = (t.match(/\p{L}/gu) ?? []).length;
      if (t && titleLike(t) && !/\s/.test(t) && h >= 4 && h <= 16 && !lines[i - 1]?.text) add({ name: t, id: u.id, group: u.group });
    }
  }
  const hkexRows = hkexUnits.flatMap((u) => parseHkexNames(text(u), unitNames, catalogue));
  const griRows = griUnits.flatMap((u) => parseGriNames(text(u), names));
  for (const [kind, rows] of [['HKEX', hkexRows], ['GRI', griRows]] as const) {
    const lost = rows.filter((r) => !r.ids.length && !r.status).map((r) => r.code);
    if (lost.length) warnings.push(`${kind} index: no section found for ${lost.join(', ')} (add mapIndex entries)`);
  }
  const comply = hkexRows.filter((r) => r.status === 'not-reported' || r.status === 'not-applicable').map((r) => ({ code: r.code, status: r.status as 'not-reported' | 'not-applicable' }));
  const kinds = new Map<string, 'hkex' | 'gri'>([...hkexUnits.map((u) => [u.id, 'hkex'] as const), ...griUnits.map((u) => [u.id, 'gri'] as const)]);
  return { hkex: tagsByUnit(hkexRows), gri: tagsByUnit(griRows), comply, indexUnits, kinds, names: { hkex: unitNames, gri: names }, rows: { hkex: hkexRows, gri: griRows } };
}
