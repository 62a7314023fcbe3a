/**
 * Redirects for section ids that a re-import changes: which new section an old id goes to
 * (planRedirects), and the report's redirects.yaml after merging them in (mergeRedirects,
 * formatRedirects). Pure; scripts/import.ts reads and writes the files.
 */
import { REPORT_HOME, type Redirect } from '../../src/lib/redirects.ts';

export { REPORT_HOME };

export interface SectionText {
  id: string;
  title: string;
  body: string;
}

export interface PlannedRedirect {
  from: string;
  to: string;
  /** How the target was chosen: same title, shared text (with the share of the old body's 8-grams), or neither. */
  why: 'title' | `text ${number}%` | 'home';
}

/** Share of the old body's character 8-grams that a new body must contain to count as its successor. */
export const TEXT_OVERLAP_THRESHOLD = 0.3;
const GRAM = 8;

/** Title key: Unicode-normalised, whitespace collapsed, case folded. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Distinct character 8-grams of a body, whitespace collapsed (line wrapping must not matter). */
export function grams(body: string): Set<string> {
  const chars = Array.from(body.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase());
  const out = new Set<string>();
  for (let i = 0; i + GRAM <= chars.length; i++) out.add(chars.slice(i, i + GRAM).join(''));
  return out;
}

/**
 * For every old id that is not a new id: the new section with the same title, else the one sharing
 * the most of the old body's 8-grams (at least TEXT_OVERLAP_THRESHOLD of them), else the report home.
 * New sections whose id is new are preferred over ones that kept an old id.
 */
export function planRedirects(oldSections: readonly SectionText[], newSections: readonly SectionText[]): PlannedRedirect[] {
  const newIds = new Set(newSections.map((s) => s.id));
  const oldIds = new Set(oldSections.map((s) => s.id));
  // candidates in order: sections with a new id first, then the rest, each in reading order
  const candidates = [...newSections.filter((s) => !oldIds.has(s.id)), ...newSections.filter((s) => oldIds.has(s.id))];
  let newGrams: Map<string, Set<string>> | undefined;
  const out: PlannedRedirect[] = [];
  for (const old of oldSections) {
    if (newIds.has(old.id) || out.some((p) => p.from === old.id)) continue;
    const key = titleKey(old.title);
    const same = key ? candidates.find((s) => titleKey(s.title) === key) : undefined;
    if (same) {
      out.push({ from: old.id, to: same.id, why: 'title' });
      continue;
    }
    const mine = grams(old.body);
    let best: { id: string; share: number } | undefined;
    if (mine.size > 0) {
      newGrams ??= new Map(candidates.map((s) => [s.id, grams(s.body)]));
      for (const s of candidates) {
        const theirs = newGrams.get(s.id)!;
        let shared = 0;
        for (const g of mine) if (theirs.has(g)) shared++;
        const share = shared / mine.size;
        if (share >= TEXT_OVERLAP_THRESHOLD && (!best || share > best.share)) best = { id: s.id, share };
      }
    }
    if (best) out.push({ from: old.id, to: best.id, why: `text ${Math.floor(best.share * 100)}%` });
    else out.push({ from: old.id, to: REPORT_HOME, why: 'home' });
  }
  return out;
}

const scope = (r: Pick<Redirect, 'lang'>) => r.lang ?? '';

/**
 * The report's redirects after an import: earlier entries kept (in their order), planned ones
 * added (a planned entry replaces an earlier one with the same old id and lang, or any lang when it has none); chains a→b→c
 * become a→c; entries whose old id is a current id are dropped (never redirect a live page), as
 * are self-redirects; a target that is neither current nor redirected itself becomes the report home.
 */
export function mergeRedirects(existing: readonly Redirect[], planned: readonly Pick<Redirect, 'from' | 'to' | 'lang'>[], currentIds: ReadonlySet<string>): Redirect[] {
  const byKey = new Map<string, Redirect>();
  for (const r of [...existing, ...planned]) {
    const entry: Redirect = { from: r.from, to: r.to, ...(r.lang ? { lang: r.lang } : {}) };
    const key = `${scope(r)}\0${r.from}`;
    // a later entry wins, at the later position; one for every edition replaces those for one
    for (const [k, e] of byKey) if (k === key || (!r.lang && e.from === r.from)) byKey.delete(k);
    byKey.set(key, entry);
  }
  for (const [key, r] of byKey) if (r.to === r.from) byKey.delete(key);
  const entries = [...byKey.values()].filter((r) => !currentIds.has(r.from));
  const next = (r: Redirect, to: string) => byKey.get(`${scope(r)}\0${to}`) ?? byKey.get(`\0${to}`);
  const out: Redirect[] = [];
  for (const r of entries) {
    let to = r.to;
    const seen = new Set([r.from]);
    while (to !== REPORT_HOME && !currentIds.has(to)) {
      const step = next(r, to);
      if (!step || seen.has(to)) {
        to = REPORT_HOME;
        break;
      }
      seen.add(to);
      to = step.to;
    }
    out.push({ ...r, to });
  }
  return out;
}

/** redirects.yaml text: one flow mapping per line, a header saying what the file is. */
export function formatRedirects(redirects: readonly Redirect[]): string {
  const head = `# Old section ids of this report and where their URLs now go (to: ${REPORT_HOME} = the report home).\n# Written by npm run import; see docs/content-format.md.\n`;
  const q = (s: string) => (/^[a-z0-9][a-z0-9-]*$/.test(s) ? s : JSON.stringify(s));
  return head + redirects.map((r) => `- { from: ${q(r.from)}, to: ${q(r.to)}${r.lang ? `, lang: ${r.lang}` : ''} }\n`).join('');
}
