/**
 * KPI values as printed → numbers. Pure; shared by the importer (kpi-data.ts), the site
 * (src/lib/kpi-data.ts re-exports nothing from here: it reads the CSV) and the value tests.
 *
 * `1,029` → 1029, `8.83%` → 8.83 (percent), `(1,234)` / `−12` / `-12` → negative,
 * `>3,300` → 3300 with qualifier `>`, `/` `—` `–` `-` `N/A` `不適用` `不适用` and empty → null (no value).
 * A unit printed after the number (`724.11 kWh/person`, `724.11（千瓦時/人）`) is returned as `unit`.
 */
export interface Printed {
  value: number | null;
  /** decimals as printed (`133.00` → 2), kept in the CSV text of the value */
  decimals: number;
  percent: boolean;
  qualifier: string;
  unit: string;
}

const NONE = /^(?:|\/|—|–|-|－|N\/?A|n\/a|不適用|不适用|無|无)$/u;
const NUM = /^([<>≥≤約约]?)\s*([(（]?)([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([)）]?)\s*(%?)\s*(.*)$/u;

export function parsePrinted(cell: string): Printed | null {
  const s = cell.replace(/\s+/g, ' ').trim();
  if (NONE.test(s)) return { value: null, decimals: 0, percent: false, qualifier: '', unit: '' };
  const m = NUM.exec(s);
  if (!m) return null;
  const [, qualifier, open, minus, int, dec = '', close, pct, rest] = m;
  if (!!open !== !!close) return null;
  let unit = rest.trim();
  const paren = /^[（(](.+)[)）]$/u.exec(unit);
  if (paren) unit = paren[1].trim();
  if (unit && /^\d/.test(unit)) return null; // two numbers in a cell: not a value
  const n = Number(int.replaceAll(',', '') + dec);
  const value = open || minus ? -n : n;
  return { value: Object.is(value, -0) ? 0 : value, decimals: dec ? dec.length - 1 : 0, percent: !!pct, qualifier: qualifier === '約' || qualifier === '约' ? '~' : qualifier, unit };
}

/** Canonical text of a number for CSV: no separators, no exponent, as many decimals as printed. */
export function numberText(v: number | null, decimals?: number): string {
  if (v === null) return '';
  if (decimals && decimals <= 12) return v.toFixed(decimals);
  const s = String(v);
  if (!/e/i.test(s)) return s;
  return v.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** A printed number in running text, found near a label: every number of `text` as values. */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\d.,])[-−]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/g)) {
    out.push(Number((m[0].startsWith('-') || m[0].startsWith('−') ? '-' : '') + m[1].replaceAll(',', '') + (m[2] ?? '')));
  }
  return out;
}
