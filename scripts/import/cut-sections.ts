/**
 * Stage: cut the lines into chapter-level units by printed page (every chapter starts on a page,
 * even where its heading is printed after its first text), find each unit's title line (a
 * numbered heading `N Title`, an override title, or the first line of the unit) and lift part
 * dividers (title + pull quote + intro) to the start of the part's first chapter.
 */
import type { Lang, Line } from './types.ts';
import type { ChapterSpec, Overrides } from './overrides.ts';
import type { PageMap } from './split-pages.ts';
import { endsSentence } from './join-lines.ts';
import { findTitleLines, matchChapter, matchSection } from './find-outline.ts';

export interface Cut {
  spec: ChapterSpec;
  from: number;
  to: number;
  title: string;
  /** lines of the part divider moved to the start of this chapter */
  partIntro: Line[];
}

export function cutChapters(lines: Line[], pm: PageMap, ov: Overrides, lang: Lang, warnings: string[]): Cut[] {
  const cuts: Cut[] = [];
  // Callers only cut by a chapter list when the overrides give one; a detected outline goes elsewhere.
  const specs = ov.chapters ?? [];
  for (let k = 0; k < specs.length; k++) {
    const spec = specs[k];
    const from = pm.starts.get(spec.page);
    if (from === undefined) throw new Error(`chapter "${spec.id}": page ${spec.page} not found in the page map (${pm.pageCount} pages)`);
    const next = specs[k + 1] ? pm.starts.get(specs[k + 1].page) : lines.length;
    cuts.push({ spec, from, to: next ?? lines.length, title: '', partIntro: [] });
  }
  // part dividers
  for (const part of ov.parts ?? []) {
    const title = part.title[lang];
    const first = cuts.find((c) => c.spec.part === part.id);
    if (!title || !first) continue;
    const hit = findTitleLines(lines, first.from, first.to, title);
    if (!hit) { warnings.push(`part ${part.id}: title "${title}" not found in ${first.spec.id}`); continue; }
    const intro: Line[] = [];
    let i = hit[hit.length - 1] + 1;
    const page = lines[hit[0]].page;
    let inQuote = false;
    while (i < first.to && !lines[i].text) i++;
    if (i < first.to && /^[“「"]/.test(lines[i].text)) inQuote = true;
    for (; i < first.to && intro.length < 30; i++) {
      const l = lines[i];
      if (l.text && l.page !== page) break;
      if (l.text && matchSection(l.text)) break;
      if (!l.text) {
        let k = i + 1;
        while (k < first.to && !lines[k].text) k++;
        if (!inQuote && k < first.to && /^[“「"]/.test(lines[k].text) && intro.some((x) => x.text)) break;
      }
      intro.push({ ...l });
      if (inQuote && /[”」"]$/.test(l.text)) inQuote = false;
      l.text = '';
    }
    for (const h of hit) lines[h].text = '';
    first.partIntro = intro;
  }
  // titles
  for (const c of cuts) {
    const ovTitle = c.spec.title?.[lang];
    if (ovTitle) {
      c.title = ovTitle;
      const hit = findTitleLines(lines, c.from, c.to, ovTitle);
      if (hit) for (const h of hit) lines[h].text = '';
      else warnings.push(`${c.spec.id}: title "${ovTitle}" (override) is not printed in the text`);
      continue;
    }
    if (c.spec.number) {
      let found = false;
      for (let i = c.from; i < c.to; i++) {
        const m = matchChapter(lines[i].text, c.spec.number);
        if (!m || endsSentence(m.title)) continue;
        c.title = m.title;
        lines[i].text = m.rest ?? '';
        found = true;
        // a chapter heading printed after its first section: the chapter intro that follows it
        // (to the end of its page) moves to the start of the chapter
        const sectionBefore = lines.slice(c.from, i).some((l) => matchSection(l.text));
        if (sectionBefore && !m.rest) {
          let e = i + 1;
          while (e < c.to && lines[e].page === lines[i].page && !matchSection(lines[e].text)) e++;
          if (lines.slice(i + 1, e).some((l) => l.text)) {
            const moved = lines.splice(i + 1, e - i - 1);
            lines.splice(c.from, 0, ...moved);
          }
        }
        break;
      }
      if (!found) warnings.push(`${c.spec.id}: no heading "${c.spec.number} …" found on pages from ${c.spec.page}`);
      continue;
    }
    for (let i = c.from; i < c.to; i++) {
      if (!lines[i].text) continue;
      c.title = lines[i].text;
      lines[i].text = '';
      break;
    }
  }
  return cuts;
}

/**
 * A numbered section printed after its first boxes (`page` in a section override): move its
 * heading line to the start of that printed page, so that the section holds what is printed
 * on its page in every language. A no-op where the heading already opens the page.
 */
export function moveSectionStarts(lines: Line[], cuts: Cut[], pm: PageMap, ov: Overrides, warnings: string[]): void {
  for (const so of ov.sections ?? []) {
    if (so.page === undefined) continue;
    const c = cuts.find((x) => x.spec.id === so.chapter);
    const target = pm.starts.get(so.page);
    if (!c || target === undefined) { warnings.push(`${so.chapter} §${so.number}: page ${so.page} not found`); continue; }
    const at = lines.findIndex((l, i) => i >= c.from && i < c.to && matchSection(l.text)?.number === so.number);
    if (at < 0) { warnings.push(`${so.chapter} §${so.number}: heading not found`); continue; }
    if (at <= target) continue;
    const h = lines[at];
    lines[at] = { ...h, text: '', trail: false }; // the old place becomes a paragraph break
    lines.splice(target, 0, { ...h, page: so.page, lead: 0 });
    for (const x of cuts) {
      if (x.from > target) x.from++;
      if (x.to > target) x.to++;
    }
  }
}
