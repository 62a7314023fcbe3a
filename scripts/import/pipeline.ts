/**
 * The importer pipeline: pure function from (source text, language, overrides) to sections.
 * No file names, issuers or line numbers are known here; what the text cannot tell comes from
 * the overrides.
 */
import { createHash } from 'node:crypto';
import type { Block, Lang, Line, Repair } from './types.ts';
import { readSource, toLines } from './read-source.ts';
import { splitPages } from './split-pages.ts';
import { dropFurniture, type Dropped } from './drop-furniture.ts';
import { norm } from './outline/titles.ts';
import { findNavBars, outline as findOutline } from './outline/index.ts';
import { buildBlocks } from './build-blocks.ts';
import { stripMarkup } from './strip-markup.ts';
import { readFrameworkIndex } from './framework-index.ts';
import { buildGlue, buildVocab, mergeFragments } from './repair-letterspacing.ts';
import { extractFootnotes } from './footnotes.ts';
import { parseHkexIndex, type IndexRow } from './parse-hkex-index.ts';
import { tagSections } from './tag-sections.ts';
import { groupBoxes, renderMdx, type SectionMeta } from './write-mdx.ts';
import { fidelity as measure, type FidelityResult } from './fidelity.ts';
import { splitHeader } from './tables.ts';
import type { Overrides } from './overrides.ts';
import { tagByNames, type NamedIndex } from './auto-index.ts';
import { buildWithTables } from './kpi-tables.ts';
import { linkTableFootnotes } from './table-footnotes.ts';
import type { DoubtedHeading } from './heading-continues.ts';
import { indexTable } from './index-tables.ts';
import type { CatalogueItem } from './parse-index-names.ts';
import { countKeys, mayDrop, mergeContinued, obeyFurnitureRule, runningHeaderLayout } from './running-headers.ts';
import { buildEnglishBlocks, pagesOf } from './english-outline.ts';
import type { ContentsPage } from './outline/contents-page.ts';
import type { OutlineCheck } from './outline/contents-outline.ts';
import { applyFacts } from './layout-facts.ts';
import type { LineFacts } from './read/pdf-layout.ts';
import { ASPECT_CODE_LINE, deriveAspectTags, type AspectItem } from './aspect-tags.ts';
import { docBlocks, isStructured } from './doc-blocks.ts';
import type { DocLine } from './types.ts';

export interface SectionOut extends SectionMeta {
  lang: Lang;
  file: string;
  mdx: string;
  chars: number;
}

export interface PipelineResult {
  lang: Lang;
  sections: SectionOut[];
  dropped: Dropped[];
  warnings: string[];
  fidelity: FidelityResult;
  /** every repair of the printed text, with its proof (in source order) */
  repairs: Repair[];
  index: IndexRow[];
  /** comply-or-explain entries of indexes that point to names */
  comply: { code: string; status: string }[];
  pageCount: number;
  parts: { id: string; title: string }[];
  sha256: string;
  /** the outline checked against the report's contents page */
  outline: OutlineCheck;
  /** headings kept although they pass only weakly (short lines that may be wrapped text) */
  doubtedHeadings: DoubtedHeading[];
  /** pictures of a structured source, each with the file written beside its section (`en/c01-1.png`) */
  images: { key: string; file: string }[];
}

export interface PipelineOptions {
  catalogue?: CatalogueItem[];
  aspects?: AspectItem[];
  /** every code of the edition with its titles (indexes naming a disclosure by title: framework-index.ts) */
  codes?: CatalogueItem[];
  /** what a structured source (a PDF, read/pdf-layout.ts) knows of each text line: pages, type, furniture */
  facts?: LineFacts[];
  /** hash of the file as given (a PDF, a .docx), when the text is read from it */
  sha256?: string;
  /** warnings of the reader (pages without a text layer) */
  warnings?: string[];
  /** a structured document (a .docx, read/structured.ts): what it says about each line of the text */
  structure?: (DocLine | undefined)[];
  /** file extension of each picture key of the structure's image blocks */
  imageExt?: Map<string, string>;
}

const CJKP = String.raw`[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20「」『』《》（）]`;
const CJK_PUNCT = String.raw`[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20「」『』《》（）]`;
/** a space next to CJK punctuation, or inside a run of single spaced-out Han characters */
const CJK_SPACE_PUNCT = new RegExp(String.raw`(?<=${CJK_PUNCT}) +(?=${CJKP})|(?<=${CJKP}) +(?=${CJK_PUNCT})`, 'gu');
const CJK_SPACE_SINGLE = /(?<=(?:^|[^\p{Script=Han}])\p{Script=Han}) (?=\p{Script=Han})|(?<=\p{Script=Han}) (?=\p{Script=Han}(?:[^\p{Script=Han}]|$))/gu;

/** Per-language text repairs on finished blocks; each is recorded with its proof (`line` 0: set by the caller). */
function repairBlocks(blocks: Block[], lang: Lang, vocab: Map<string, number>, glue: Set<string>, merges: string[], repairs: Omit<Repair, 'line'>[]): void {
  const cjk = (s: string, re: RegExp, proof: string) => s.replace(re, (m: string, at: number) => {
    const before = s.slice(Math.max(0, at - 3), at + m.length + 3);
    repairs.push({ kind: 'cjk-spacing', before, after: before.replace(/ +/g, ''), proof });
    return '';
  });
  const fix = (s: string, body: boolean) => {
    s = s.replace(/ {2,}/g, ' ').trim();
    if (lang === 'en') {
      const r = mergeFragments(s, vocab, glue);
      merges.push(...r.merges);
      repairs.push(...r.repairs);
      s = r.text;
    } else if (body) s = cjk(cjk(s, CJK_SPACE_PUNCT, 'CJK punctuation spacing'), CJK_SPACE_SINGLE, 'spaced-out single characters');
    return s;
  };
  for (const b of blocks) {
    if (b.kind === 'para' || b.kind === 'quote') b.text = fix(b.text, true);
    else if (b.kind === 'heading') b.text = fix(b.text, false);
    else if (b.kind === 'list') b.items = b.items.map((x) => fix(x, true));
    else if (b.kind === 'footnote') b.text = fix(b.text, true);
    else if (b.kind === 'table') {
      if (b.caption) b.caption = fix(b.caption, false);
      b.rows = b.rows.map((r) => r.map((c) => fix(c, false)));
    }
  }
}

/** Tags of a framework index added to a unit's tags (each key's codes kept unique, printed order). */
function withIndexTags<T extends Record<string, string[]>>(base: T, extra: Record<string, string[]> | undefined): T {
  if (!extra) return base;
  const out: Record<string, string[]> = { ...base };
  for (const [key, codes] of Object.entries(extra)) out[key] = [...new Set([...(out[key] ?? []), ...codes])];
  return out as T;
}

export function runPipeline(input: string | Uint8Array, lang: Lang, ov: Overrides, name = 'input', opts: PipelineOptions = {}): PipelineResult {
  const text = readSource(input, name);
  const sha256 = opts.sha256 ?? createHash('sha256').update(typeof input === 'string' ? input : Buffer.from(input)).digest('hex');
  const warnings: string[] = [...(opts.warnings ?? [])];
  const lines = toLines(text);
  opts.structure?.forEach((d, i) => { if (d && lines[i]) lines[i].doc = d; });
  const structured = isStructured(lines);
  const images: PipelineResult['images'] = [];
  // HTML tags left by an extraction (strip-markup.ts); a Word document's text is as typed
  const markup = structured ? [] : stripMarkup(lines);
  const original = lines.map((l) => l.text);
  const originalN = lines.map((l) => l.n);
  // a laid-out PDF knows its pages and furniture (layout-facts.ts); else layout `running-headers`
  // (running-headers.ts): pages from the running headers, which are dropped
  const placed = opts.facts ? applyFacts(lines, opts.facts) : undefined;
  const rh = placed ? undefined : runningHeaderLayout(lines);
  const pm = placed?.pm ?? rh?.pm ?? splitPages(lines, ov.pageStarts?.[lang] ?? []);
  warnings.push(...pm.warnings);

  // chapter ranges first (needed to spare the index from furniture rules)
  const auto = !ov.chapters;
  const nav = auto ? findNavBars(lines) : undefined;
  const chapters = ov.chapters ?? [];
  let indexSpec = chapters.find((c) => c.index === 'hkex');
  const idxFrom = indexSpec ? pm.starts.get(indexSpec.page) ?? -1 : -1;
  const after = indexSpec ? chapters[chapters.indexOf(indexSpec) + 1] : undefined;
  const idxTo = after ? pm.starts.get(after.page) ?? lines.length : lines.length;
  const dropped = placed ? placed.dropped : rh ? rh.dropped : dropFurniture(lines, pm.folios.map((f) => f.line), (i) => i >= idxFrom && i < idxTo && !pm.folios.some((f) => f.line === i));
  if (auto) dropped.push(...dropNavBars(lines, nav!.lines, ov.drop ?? []));
  if (auto && !rh && !placed && lang === 'en') dropped.push(...mergeContinued(lines)); // `(continued)` repeats without running headers
  dropped.sort((a, b) => a.line - b.line);
  dropped.splice(0, dropped.length, ...obeyFurnitureRule(dropped, lines, original, warnings)); // the furniture rule
  const droppedSet = new Set(dropped.map((d) => d.line));

  // the outline: evidence ranked by trust (outline/index.ts)
  const o = findOutline({ lines, lang, overrides: ov, pm, chapterOfPage: rh?.chapterOfPage, runningHeaders: !!rh || !!placed, nav: nav ?? { lines: new Set(), titles: [] } });
  warnings.push(...o.warnings);
  const cuts = o.units;
  const autoParts = o.parts;
  const byContents = o.source === 'contents page';
  const contents = byContents ? o.contents : undefined;
  const pagesReliable = o.pagesReliable;
  const englishHeadings = o.source === 'English chapter headings';
  const outline = o.check;
  indexSpec = o.index;
  const vocab = lang === 'en' ? buildVocab(original) : new Map<string, number>();
  const glue = lang === 'en' ? buildGlue(original, vocab) : new Set<string>();
  const merges: string[] = [];
  const repairs: Repair[] = [...markup];
  const unplaced: Omit<Repair, 'line'>[] = []; // repairs on blocks, placed on a source line below

  // ESG index
  let indexRows: IndexRow[] = [];
  let indexHeader: string | undefined;
  if (indexSpec) {
    const c = cuts.find((x) => x.spec === indexSpec)!;
    const parsed = parseHkexIndex(lines.slice(c.from, c.to).map((l) => l.text), warnings);
    indexRows = parsed.rows;
    indexHeader = parsed.header;
    const gd = indexRows.filter((r) => r.kind === 'gd').length;
    const kpi = indexRows.filter((r) => r.kind === 'kpi').length;
    if (!gd || !kpi) warnings.push(`ESG index: parsed ${gd} general disclosures and ${kpi} KPIs`);
  }

  const lastPage = pm.pageCount;
  const metas = cuts.map((c, k) => ({
    id: c.spec.id,
    // detected outlines have no reliable printed page numbers
    pages: rh || placed || (byContents && pagesReliable) ? pagesOf(lines, c) : auto ? undefined : { from: c.spec.page, to: (cuts[k + 1]?.spec.page ?? lastPage + 1) - 1 },
  }));
  const tags = tagSections(metas, indexRows, (s) => s.id === indexSpec?.id);
  // detected outlines: indexes that point to section names (auto-index.ts)
  const named: NamedIndex | undefined = auto && !indexSpec
    ? tagByNames(lines, cuts.map((c) => ({ id: c.spec.id, title: c.title, group: c.spec.part, from: c.from, to: c.to })), autoParts, ov.mapIndex ?? {}, opts.catalogue ?? [], warnings)
    : undefined;
  // an index with one row per section and one column per framework (framework-index.ts)
  const fwIndex = auto ? readFrameworkIndex(lines, cuts.map((c) => ({ id: c.spec.id, title: c.title, from: c.from, to: c.to })), opts.codes ?? opts.catalogue ?? [], ov.mapIndex ?? {}) : undefined;
  if (fwIndex?.unmatched.length) warnings.push(`framework index (line ${fwIndex.line}): ${fwIndex.unmatched.length} row(s) name no unit: ${fwIndex.unmatched.slice(0, 5).map((r) => `line ${r.line} "${r.name}"`).join('; ')} (add a mapIndex entry)`);
  // no printed HKEX index: tags derived from sections titled by the Code's aspects (aspect-tags.ts)
  const derive = !indexSpec && !fwIndex && ![...(named?.kinds.values() ?? [])].includes('hkex') && !!opts.aspects?.length;

  const sections: SectionOut[] = [];
  const doubts: DoubtedHeading[] = [];
  cuts.forEach((c, k) => {
    let blocks: Block[];
    const demoted = new Set<Block>();
    if (structured) {
      // the document's own blocks; its headings are headings, never box titles (doc-blocks.ts)
      blocks = docBlocks(lines.slice(c.from, c.to));
      for (const b of blocks) if (b.kind === 'heading') demoted.add(b);
      let n = 0;
      for (const b of blocks) {
        if (b.kind !== 'image') continue;
        const file = `${c.spec.id}-${++n}.${opts.imageExt?.get(b.src) ?? 'png'}`;
        images.push({ key: b.src, file: `${lang}/${file}` });
        b.src = `./${file}`;
        if (!b.alt) warnings.push(`${c.spec.id}: picture ${lang}/${file} has no alt text; give it one in Word (right-click › Edit Alt Text) and import again, or write it in the MDX`);
      }
      blocks = groupBoxes(blocks, !!c.spec.part, demoted);
    } else if (c.spec === indexSpec) {
      const header = (indexHeader && splitHeader(indexHeader, 3)) || undefined;
      const rows = indexRows.map((r) =>
        r.kind === 'scope' ? [`**${r.label} ${r.text}**`, '', ''] :
        r.kind === 'aspect' ? [`**${r.code}**`, `**${r.text}**`, ''] :
        [r.kind === 'kpi' ? r.code : r.label, r.text, r.location ?? ''],
      );
      blocks = [{ kind: 'table', header, rows, page: c.spec.page }];
    } else {
      const intro = c.partIntro.length ? buildBlocks(c.partIntro, { latin: lang === 'en', warnings, repairs, doubts }) : [];
      const base = (ls: Line[]) => (englishHeadings || (byContents && lang === 'en') ? buildEnglishBlocks : buildBlocks)(ls, { latin: lang === 'en', warnings, repairs, doubts });
      // tab-separated and KPI tables (year columns) first, on every outline path (kpi-tables.ts)
      const build = (ls: Line[]) => buildWithTables(ls, base);
      const kind = named?.kinds.get(c.spec.id);
      const text = (from: number, to: number) => build(lines.slice(from, to));
      // the contents page, wherever it falls, is written as the list of its entries
      const toc = byContents && contents!.heading >= c.from && contents!.heading < c.to ? contents! : undefined;
      const body = kind ? indexTable(kind, lines.slice(c.from, c.to), named!.names[kind], opts.catalogue ?? [], build) // index-tables.ts
        : toc ? [...text(c.from, toc.heading + 1), contentsList(toc, lines[toc.heading].page), ...text(toc.end, c.to)]
        : text(c.from, c.to);
      blocks = [...intro, ...body];
      for (const b of body) if (b.kind === 'heading' && b.level === 3 && /^0[1-9] /.test(b.text)) demoted.add(b);
      repairBlocks(blocks, lang, vocab, glue, merges, unplaced);
      blocks = linkTableFootnotes(blocks);
      blocks = extractFootnotes(blocks, warnings, unplaced);
      for (const so of (ov.sections ?? []).filter((s) => s.chapter === c.spec.id)) {
        const t = so.title?.[lang];
        if (!t) continue;
        const h = blocks.find((b) => b.kind === 'heading' && b.level === 2 && b.number === so.number) as Extract<Block, { kind: 'heading' }> | undefined;
        if (!h) { warnings.push(`${c.spec.id} §${so.number}: override title given but the section was not found`); continue; }
        warnings.push(`${c.spec.id} §${so.number}: printed heading "${h.text}" replaced by the override "${so.number} ${t}"${so.why ? ` (${so.why})` : ''}`);
        h.text = `${so.number} ${t}`;
      }
      blocks = groupBoxes(blocks, !!c.spec.part, demoted);
    }
    const order = k + 1;
    const derived = derive && !named?.indexUnits.has(c.spec.id)
      ? deriveAspectTags([{ id: c.spec.id, title: c.title, headings: [...blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : [])), ...codedLines(lines.slice(c.from, c.to))], text: lines.slice(c.from, c.to).map((l) => l.text).join('\n') }], lang, opts.aspects!)[0].codes
      : [];
    const meta: SectionMeta = {
      id: c.spec.id,
      title: c.title.replace(/\s+/g, (m) => (lang === 'en' ? ' ' : m.length > 1 ? ' ' : m)).trim(),
      number: c.spec.number,
      order,
      chapter: c.spec.part,
      pages: metas[k].pages,
      frameworks: withIndexTags<{ hkex: string[]; [other: string]: string[] }>(named
        ? { hkex: named.hkex.get(c.spec.id) ?? [], gri: named.gri.get(c.spec.id) ?? [] }
        : { hkex: tags.get(c.spec.id) ?? [] }, fwIndex?.tags.get(c.spec.id)),
    };
    if (derived.length) meta.frameworks!.hkexDerived = derived;
    if (lang === 'en') {
      const r = mergeFragments(meta.title, vocab);
      unplaced.push(...r.repairs);
      meta.title = r.text;
    }
    const mdx = renderMdx(meta, blocks);
    sections.push({ ...meta, lang, file: `${lang}/${String(order).padStart(2, '0')}-${c.spec.id}.mdx`, mdx, chars: mdx.length });
  });

  const parts = auto ? autoParts : (ov.parts ?? []).flatMap((p) => (p.title[lang] ? [{ id: p.id, title: p.title[lang]! }] : []));
  const outText = [
    ...parts.map((p) => p.title),
    ...sections.map((s) => (s.number ? s.number + ' ' : '') + s.title + '\n' + s.mdx.replace(/^---\n[\s\S]*?\n---\n/, '')),
  ].join('\n');
  const srcLines = original.filter((_, i) => !droppedSet.has(originalN[i]));
  const fid = measure(srcLines, outText);
  if (merges.length) warnings.push(`letter-spacing: ${merges.length} fragment merges (e.g. ${[...new Set(merges)].slice(0, 3).join('; ')})`);
  let at = 0; // repairs on blocks come in reading order: look from the previous one on first
  for (const r of unplaced) {
    at = lineOf(original, r.before, Math.max(0, at - 1));
    repairs.push({ kind: r.kind, line: at, before: r.before, after: r.after, proof: r.proof });
  }
  repairs.sort((a, b) => a.line - b.line);
  // the largest unit measured on what is written (the outline stage measured source lines)
  const largestUnitShare = largestShare(sections);
  if (largestUnitShare > 0.3) warnings.push(`outline: one unit holds ${(largestUnitShare * 100).toFixed(0)}% of the text (over 30%)`);
  return { lang, sections, dropped, warnings, fidelity: fid, repairs, index: indexRows, comply: named?.comply ?? [], pageCount: pm.pageCount, parts, sha256, outline: { ...outline, largestUnitShare }, doubtedHeadings: doubts, images };
}

/**
 * The source line printing `before` (spaces squeezed; else with no spaces at all; else its longest
 * piece), first from line index `from` on; else the line `from` (repairs come in reading order).
 */
function lineOf(original: string[], before: string, from = 0): number {
  const find = (s: string, norm: (t: string) => string) => {
    if (!s) return 0;
    for (let i = from; i < original.length; i++) if (norm(original[i]).includes(s)) return i + 1;
    for (let i = 0; i < Math.min(from, original.length); i++) if (norm(original[i]).includes(s)) return i + 1;
    return 0;
  };
  const squeeze = (t: string) => t.replace(/\s+/g, ' ');
  const bare = (t: string) => t.replace(/\s+/g, '');
  const piece = before.split(/\s+/).sort((a, b) => b.length - a.length)[0];
  return find(squeeze(before), squeeze) || find(bare(before), bare) || find(piece, (t) => t) || from + 1;
}

/** Lines standing alone (a blank line before or after) that open with an aspect code: headings the block stage may have left as text. */
function codedLines(ls: Line[]): string[] {
  return ls.filter((l, i) => ASPECT_CODE_LINE.test(l.text) && (!ls[i - 1]?.text || !ls[i + 1]?.text)).map((l) => l.text);
}

/** Nav bars (outline/nav-bars.ts) and the lines named by the `drop` override, as dropped furniture. */
function dropNavBars(lines: Line[], nav: Set<number>, drop: string[]): Dropped[] {
  const out: Dropped[] = [];
  // matched ignoring spaces, punctuation and digits (page numbers glued to a footer);
  // `…` at the end: the start of the line; `…` at both ends: a part of it
  const key = (s: string) => norm(s).replace(/\d+/g, '');
  const counts = countKeys(lines.map((l) => l.text));
  const pats = drop.map((d) => ({ pre: d.startsWith('…'), post: d.endsWith('…'), k: key(d.replace(/^…|…$/g, '')) })).filter((p) => p.k);
  const hit = (k: string) => pats.some((p) => (p.pre && p.post ? k.includes(p.k) : p.post ? k.startsWith(p.k) : p.pre ? k.endsWith(p.k) : k === p.k));
  lines.forEach((l, i) => {
    if (!l.text) return;
    // a nav bar printed once is furniture only by override (the furniture rule keeps it otherwise)
    const why = nav.has(i) && mayDrop(l.text, counts) ? 'nav bar' : hit(key(l.text)) ? 'override drop' : nav.has(i) ? 'nav bar' : '';
    if (!why) return;
    out.push({ line: l.n, text: l.text, why });
    l.text = '';
  });
  return out;
}

/** The contents page as a list of its entries (`Title … 021-022`), whatever its printed form. */
function contentsList(cp: ContentsPage, page: number): Block {
  const items = cp.entries.map((e) => e.printed ?? `${e.number ? e.number + ' ' : ''}${e.title}${e.pages ? ` … ${e.pages}` : ''}`);
  return { kind: 'list', items, page };
}

/** The largest section's share of all section text (front matter stripped). */
function largestShare(sections: SectionOut[]): number {
  const sizes = sections.map((s) => s.mdx.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\s+/g, '').length);
  const total = sizes.reduce((a, b) => a + b, 0);
  return total ? Math.max(...sizes) / total : 0;
}
