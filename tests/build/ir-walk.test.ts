// The IR team's walk of docs/ir-guide.md ("Next year's report"), run end to end in a temporary copy
// of the project: scaffold next year's report → `npm run check` lists every marker with file:line →
// fill the markers as an IR person would → `npm run check` passes → `npm run build` → the new report
// is on the site in every locale (authored, converted and fallback text), on the archive listing,
// in the HKEX pages and in the search index. The commands are the guide's own, checked verbatim.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { toString } from 'hast-util-to-string';
import { attr, findAll, findFirst } from '../support/html.ts';
import { ROOT } from '../support/paths.ts';
import { copyProject } from '../support/project-copy.ts';
import { readSite, type Site } from '../support/site.ts';
import { HTML_LANG, indexedPages, loadPagefind, loadScriptMap, sourceFor, type NodePagefind, type SearchLocale } from '../support/pagefind-node.ts';
import { MARKER } from '../../scripts/lib/scaffold-report.ts';
import { createConverter, loadDictionaries } from '../../src/lib/script-convert.ts';
import { pageKey, runQuery } from '../../src/lib/search-query.ts';

// The guide's example: Alibaba Health's FY2019 report from FY2018 (English and Traditional Chinese
// editions, so the walk covers two authored languages and a converted one).
const ISSUER = 'alibaba-health';
const FROM = '2018';
const YEAR = String(Number(FROM) + 1);
const COMMANDS = {
  scaffold: `npm run new-report -- --issuer ${ISSUER} --year ${YEAR} --from ${FROM}`,
  check: 'npm run check',
  kpi: `node scripts/import/kpi-data.ts content/reports/${ISSUER}/${YEAR}`,
  build: 'npm run build',
};

type Lang = 'en' | 'zh-Hant' | 'zh-Hans';
type Localized = Partial<Record<Lang, string>>;
const LOCALES: SearchLocale[] = ['en', 'tc', 'sc'];

const work = mkdtempSync(path.join(tmpdir(), 'esg-ir-walk-'));
const reportDir = path.join(work, 'content', 'reports', ISSUER, YEAR);
const rel = (file: string) => path.relative(work, file).replaceAll('\\', '/');

function sh(command: string) {
  const t0 = performance.now();
  // Output into a file, as on a terminal: writes to a file are synchronous, so a script that ends
  // with process.exit() cannot lose the end of its output (it can on a pipe).
  const log = path.join(work, `.walk-${++runs}.log`);
  const fd = openSync(log, 'w');
  const r = spawnSync(command, {
    shell: true,
    cwd: work,
    stdio: ['ignore', fd, fd],
    // `export PATH=$PWD/node_modules/.bin:$PATH` of the guide's set-up: `node` is the pinned Node 22.
    env: { ...process.env, PATH: `${path.join(work, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  closeSync(fd);
  const out = readFileSync(log, 'utf8');
  const seconds = (performance.now() - t0) / 1000;
  console.log(`ir-walk: \`${command}\` → exit ${r.status} in ${seconds.toFixed(1)} s`);
  return { status: r.status, out };
}
let runs = 0;

/** `file:line: severity: message` lines of `npm run check`. */
function problemsOf(output: string) {
  return [...output.matchAll(/^(\S[^:\n]*):(\d+): (error|warning): (.*)$/gm)].map((m) => ({ file: m[1]!, line: Number(m[2]), severity: m[3]!, message: m[4]! }));
}

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walkFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

function frontmatter(text: string): Record<string, unknown> {
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
}

const mdxEscape = (s: string) => s.replace(/[{}]/g, (c) => `\\${c}`).replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What an IR writer puts where a marker was: one sentence per part, in the file's language. */
function sentence(lang: Lang, year: Localized, issuer: Localized, title: string, part: number): string {
  if (lang === 'en') return `In ${year.en}, ${issuer.en} carried on its work on ${title} (part ${part}).`;
  return `${year[lang]}，${issuer[lang]}繼續推進「${title}」的工作（第${part}部分）。`;
}

interface Filled {
  section: string;
  lang: Lang;
  sentences: string[];
}

let scaffold: ReturnType<typeof sh>;
let kpiRun: ReturnType<typeof sh>;
const kpi: { section: string; rows: { row: Record<string, string>; last: number; now: number }[] } = { section: '', rows: [] };
let unfilled: ReturnType<typeof sh>;
let filled: ReturnType<typeof sh>;
let build: ReturnType<typeof sh>;
/** file (relative to the copy) → lines holding a marker, read from the scaffolded files */
const markerLines = new Map<string, number[]>();
const written: Filled[] = [];
let report: { title: Localized; yearLabel: Localized; languages: Lang[]; hkexEdition: string; period: { start: string; end: string } };
let issuerNames: Localized;
let site: Site;
let walkSeconds = 0;

beforeAll(() => {
  const t0 = performance.now();
  // A copy of the project with one issuer's reports.
  copyProject({ reports: [ISSUER], dir: work });

  // 1. Scaffold.
  scaffold = sh(COMMANDS.scaffold);
  if (scaffold.status !== 0) return;
  for (const file of walkFiles(reportDir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.flatMap((l, i) => (l.includes(MARKER) ? [i + 1] : []));
    if (at.length) markerLines.set(rel(file), at);
  }

  // 2. Check lists the markers.
  unfilled = sh(COMMANDS.check);

  // 3. Fill, file by file, as the check listed them. report.yaml first: the sections use its labels.
  const yamlFile = path.join(reportDir, 'report.yaml');
  writeFileSync(
    yamlFile,
    readFileSync(yamlFile, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith(`# ${MARKER}`)) // the review note at the top
      .map((l) => l.replace(`${MARKER} `, '')) // titles and year labels: last year's with the year moved on
      .join('\n'),
  );
  report = parseYaml(readFileSync(yamlFile, 'utf8'));
  issuerNames = (parseYaml(readFileSync(path.join(work, 'content', 'issuers', `${ISSUER}.yaml`), 'utf8')) as { shortName: Localized }).shortName;
  for (const lang of report.languages) {
    for (const file of walkFiles(path.join(reportDir, lang))) {
      const text = readFileSync(file, 'utf8');
      const fm = frontmatter(text);
      const sentences: string[] = [];
      const out = text
        .replace(/^\{\/\* TODO\(new-report\)[^\n]*\*\/\}$/gm, () => {
          const s = sentence(lang, report.yearLabel, issuerNames, String(fm.title), sentences.length + 1);
          sentences.push(s);
          return mdxEscape(s);
        })
        // The markers under headings ask to review last year's heading: its dates move on a year.
        .replace(/^#{2,4} .*$/gm, (h) => h.replace(/(?<!\d)(?:19|20)\d\d(?!\d)/g, (y) => String(Number(y) + Number(YEAR) - Number(FROM))));
      writeFileSync(file, out);
      written.push({ section: String(fm.id), lang, sentences });
    }
  }

  // This year's KPI table: last year's first KPI table, printed again with a column for the new year
  // in the same section of every language; the data file is generated from it.
  const csvRows = parseCsv(readFileSync(path.join(work, 'content', 'reports', ISSUER, FROM, 'data', 'kpi.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const lastPeriod = `period:${(parseYaml(readFileSync(path.join(work, 'content', 'reports', ISSUER, FROM, 'report.yaml'), 'utf8')) as { yearLabel: Localized }).yearLabel.en ?? FROM}`;
  const usable = (r: Record<string, string>) => r.source === 'table' && r[lastPeriod] !== '' && Number.isFinite(Number(r[lastPeriod])) && report.languages.every((l) => r[`label.${l}`]);
  const tableId = csvRows.find(usable)!.table!;
  kpi.rows = csvRows.filter((r) => r.table === tableId && usable(r)).map((row, i) => ({ row, last: Number(row[lastPeriod]), now: Number(row[lastPeriod]) + i + 1 }));
  kpi.section = kpi.rows[0]!.row.section!;
  for (const lang of report.languages) {
    const file = walkFiles(path.join(reportDir, lang)).find((f) => path.basename(f).replace(/^\d\d-|\.mdx$/g, '') === kpi.section)!;
    const head = lang === 'en' ? ['Indicator', 'Unit', FROM, YEAR] : ['指標', lang === 'zh-Hant' ? '單位' : '单位', `${FROM}年`, `${YEAR}年`];
    const table = [
      `| ${head.join(' | ')} |`,
      `| ${head.map(() => '---').join(' | ')} |`,
      ...kpi.rows.map((r) => `| ${mdxEscape(r.row[`label.${lang}`]!)} | ${mdxEscape(r.row[`unit.${lang}`] ?? '')} | ${r.last} | ${r.now} |`),
    ];
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n${table.join('\n')}\n`);
  }
  kpiRun = sh(COMMANDS.kpi);

  // 4. Check passes; 5. build.
  filled = sh(COMMANDS.check);
  if (filled.status !== 0) return;
  build = sh(COMMANDS.build);
  walkSeconds = (performance.now() - t0) / 1000;
  console.log(`ir-walk: copy + scaffold + check + fill + check + build in ${walkSeconds.toFixed(1)} s (${work})`);
  if (build.status === 0) site = readSite(path.join(work, 'dist'));
}, 600_000);

afterAll(() => {
  if (!process.env.KEEP_IR_WALK) rmSync(work, { recursive: true, force: true });
});

/** Where a locale's text comes from (README: authored, converted from the other script, or the Chinese text on /en/). */
function sourceOf(locale: SearchLocale): { lang: Lang; convert?: (s: string) => string; fallback?: boolean } {
  const langs = report.languages;
  const dict = loadDictionaries(path.join(work, 'content', 'dictionaries'));
  if (locale === 'en') return langs.includes('en') ? { lang: 'en' } : { lang: langs.find((l) => l !== 'en')!, fallback: true };
  const wanted: Lang = locale === 'tc' ? 'zh-Hant' : 'zh-Hans';
  const other: Lang = locale === 'tc' ? 'zh-Hans' : 'zh-Hant';
  if (langs.includes(wanted)) return { lang: wanted };
  return { lang: other, convert: createConverter({ from: other, to: wanted, dictionary: dict }) };
}

const mainText = (urlPath: string) => {
  const page = site.pages.get(urlPath);
  expect(page, `${urlPath} is built`).toBeDefined();
  return squash(toString(findFirst(page!.tree, (e) => e.tagName === 'main')!));
};
const hrefs = (urlPath: string) => findAll(site.pages.get(urlPath)!.tree, (e) => e.tagName === 'a').map((a) => attr(a, 'href') ?? '');
const sectionIds = () => [...new Set(written.map((w) => w.section))];

describe(`IR walk: ${ISSUER} ${YEAR} from ${FROM} (docs/ir-guide.md)`, () => {
  it('runs the commands the guide gives, in the guide’s order', () => {
    const guide = readFileSync(path.join(ROOT, 'docs', 'ir-guide.md'), 'utf8');
    const walk = /^## \d+\. Next year's report[\s\S]*?(?=^## )/m.exec(guide)?.[0];
    expect(walk, 'docs/ir-guide.md has a "Next year\'s report" section').toBeDefined();
    const commands = [...walk!.matchAll(/^( *)```sh\n([\s\S]*?)^\1```/gm)].flatMap((m) => m[2]!.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l && !l.startsWith('#')));
    const ran = [COMMANDS.scaffold, COMMANDS.check, COMMANDS.kpi, COMMANDS.check, COMMANDS.build];
    let at = 0;
    for (const c of commands) if (c === ran[at]) at++;
    expect(at, `the guide's walk lists ${ran.join(' → ')}; it has:\n${commands.join('\n')}`).toBe(ran.length);
  });

  it('scaffolds last year’s sections in every language, with markers', () => {
    expect(scaffold.status, scaffold.out).toBe(0);
    const from = path.join(ROOT, 'content', 'reports', ISSUER, FROM);
    const langs = (parseYaml(readFileSync(path.join(from, 'report.yaml'), 'utf8')) as { languages: Lang[] }).languages;
    for (const lang of langs) expect(readdirSync(path.join(reportDir, lang)), lang).toEqual(readdirSync(path.join(from, lang)).filter((f) => f.endsWith('.mdx')));
    expect(existsSync(path.join(reportDir, 'source')), 'no source/: the text is written, not imported').toBe(false);
    expect(markerLines.has(`content/reports/${ISSUER}/${YEAR}/report.yaml`)).toBe(true);
    for (const lang of langs) for (const f of readdirSync(path.join(reportDir, lang))) expect(markerLines.has(`content/reports/${ISSUER}/${YEAR}/${lang}/${f}`), f).toBe(true);
  });

  it('npm run check fails and lists every marker with file:line', () => {
    expect(unfilled.status).not.toBe(0);
    const listed = problemsOf(unfilled.out).filter((p) => p.severity === 'error' && p.message.includes(MARKER));
    const expected = [...markerLines].flatMap(([file, lines]) => lines.map((line) => `${file}:${line}`)).sort();
    expect(listed.map((p) => `${p.file}:${p.line}`).sort()).toEqual(expected);
  });

  it('generates data/kpi.csv from the KPI table written into the new year', () => {
    expect(kpiRun.status, kpiRun.out).toBe(0);
    const csv = parseCsv(readFileSync(path.join(reportDir, 'data', 'kpi.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.section, r[`label.${report.languages[0]}`], Number(r[`period:${YEAR}`]), Number(r[`period:${FROM}`])])).toEqual(
      kpi.rows.map((r) => [kpi.section, r.row[`label.${report.languages[0]}`], r.now, r.last]),
    );
  });

  it('npm run check passes once the markers are replaced', () => {
    expect(written.length).toBe(report.languages.length * sectionIds().length);
    expect(filled.status, filled.out).toBe(0);
    expect(problemsOf(filled.out).filter((p) => p.severity === 'error')).toEqual([]);
    // Nothing left for a reviewer to ask about in the new report either (e.g. a heading still dated last year).
    expect(problemsOf(filled.out).filter((p) => p.file.startsWith(`content/reports/${ISSUER}/${YEAR}/`))).toEqual([]);
    expect(filled.out).toMatch(/content ok/);
  });

  it('npm run build succeeds', () => {
    expect(build.status, build.out.slice(-4000)).toBe(0);
    console.log(`ir-walk: the whole walk took ${walkSeconds.toFixed(1)} s`);
  });

  it('publishes the report home and every section in /en/, /tc/ and /sc/ with the written text', () => {
    for (const locale of LOCALES) {
      const src = sourceOf(locale);
      const home = `/${locale}/${ISSUER}/${YEAR}/`;
      const homeLinks = hrefs(home);
      for (const w of written.filter((x) => x.lang === src.lang)) {
        const url = `${home}${w.section}/`;
        expect(homeLinks, `${home} links ${url}`).toContain(url);
        const text = mainText(url);
        for (const s of w.sentences) {
          const shown = src.convert ? src.convert(s) : s;
          if (src.convert) expect(shown, 'the converted script differs').not.toBe(s);
          expect(text, `${url}`).toContain(squash(shown));
        }
      }
      expect(site.pages.has(`${home}hkex-index/`), `${home}hkex-index/`).toBe(true);
    }
  });

  it('publishes the KPI data: the data page in every locale and the CSV download', () => {
    expect(readFileSync(path.join(site.dist, 'data', ISSUER, `${YEAR}.csv`), 'utf8')).toBe(readFileSync(path.join(reportDir, 'data', 'kpi.csv'), 'utf8'));
    for (const locale of LOCALES) {
      const page = `/${locale}/${ISSUER}/${YEAR}/data/`;
      expect(hrefs(`/${locale}/${ISSUER}/${YEAR}/`), `the report home links ${page}`).toContain(page);
      // the table of the data page: a row per indicator with last year's and this year's value
      const rows = findAll(findFirst(site.pages.get(page)!.tree, (e) => e.tagName === 'main')!, (e) => e.tagName === 'tr').map((tr) =>
        findAll(tr, (e) => e.tagName === 'td').map((td) => squash(toString(td))),
      );
      for (const r of kpi.rows) {
        const [last, now] = [r.last, r.now].map((v) => v.toLocaleString('en'));
        expect(rows.some((cells) => cells.includes(last!) && cells.indexOf(now!) > cells.indexOf(last!)), `${page} prints ${last} → ${now}`).toBe(true);
      }
    }
  });

  it('lists the new year on the archive home of every locale, next to last year', () => {
    for (const locale of LOCALES) {
      const links = hrefs(`/${locale}/`);
      expect(links).toContain(`/${locale}/${ISSUER}/${YEAR}/`);
      expect(links).toContain(`/${locale}/${ISSUER}/${FROM}/`);
      const src = sourceOf(locale);
      if (src.fallback) continue;
      const wanted: Lang = locale === 'en' ? 'en' : locale === 'tc' ? 'zh-Hant' : 'zh-Hans';
      const title = report.title[wanted] ?? src.convert!(report.title[src.lang]!);
      expect(mainText(`/${locale}/`), `${locale} archive lists "${title}"`).toContain(title);
    }
  });

  it('puts the new year in the HKEX pages: every tagged code’s page and the coverage matrix', () => {
    const tagged = new Map<string, string[]>(); // code → sections
    for (const file of walkFiles(path.join(reportDir, report.languages[0]!))) {
      const fm = frontmatter(readFileSync(file, 'utf8')) as { id: string; frameworks?: { hkex?: string[] } };
      for (const code of fm.frameworks?.hkex ?? []) tagged.set(code, [...(tagged.get(code) ?? []), fm.id]);
    }
    expect(tagged.size, 'the scaffold kept last year’s tags').toBeGreaterThan(0);
    for (const locale of LOCALES) {
      for (const [code, sections] of tagged) {
        const links = hrefs(`/${locale}/hkex/${report.hkexEdition}/${code}/`);
        for (const s of sections) expect(links.some((h) => h.startsWith(`/${locale}/${ISSUER}/${YEAR}/${s}/`)), `${locale} ${code} → ${s}`).toBe(true);
      }
      expect(hrefs(`/${locale}/hkex/coverage/`).some((h) => h.startsWith(`/${locale}/${ISSUER}/${YEAR}/`)), `${locale} coverage`).toBe(true);
    }
  });

  describe('search', () => {
    let pf: NodePagefind;
    beforeAll(async () => {
      if (site) pf = await loadPagefind(site.dist);
    }, 120_000);
    afterAll(() => pf?.close());

    it('indexes every page of the new report and finds the written text in each locale', async () => {
      const dist = site.dist;
      const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      const scriptMap = loadScriptMap(dist);
      for (const locale of LOCALES) {
        const pages = indexedPages(dist, locale);
        expect(entry.languages[HTML_LANG[locale].toLowerCase()]!.page_count, locale).toBe(pages.size);
        const src = sourceOf(locale);
        const mine = [...pages.keys()].filter((u) => u.startsWith(`/${locale}/${ISSUER}/${YEAR}/`));
        const sectionUrls = sectionIds().map((s) => `/${locale}/${ISSUER}/${YEAR}/${s}/`);
        if (src.fallback) {
          expect(mine.filter((u) => sectionUrls.includes(u)), 'fallback section pages stay out of the English index').toEqual([]);
          continue;
        }
        expect(mine.sort()).toEqual([`/${locale}/${ISSUER}/${YEAR}/`, ...sectionUrls].sort());
        // A word of the written text, in the locale's script.
        const sample = sentence(src.lang, report.yearLabel, issuerNames, '', 1);
        const word = locale === 'en' ? String(report.yearLabel.en) : (src.convert ?? ((s: string) => s))(sample.match(/繼續推進/)![0]);
        const api = await pf.instance(HTML_LANG[locale]);
        const hits = await runQuery([sourceFor(api, locale, scriptMap)], word);
        const found = new Set(await Promise.all(hits.map(async (h) => pageKey((await h.result.data()).url))));
        for (const u of sectionUrls) expect(found.has(u), `${locale} "${word}" finds ${u}`).toBe(true);
      }
    }, 120_000);
  });
});
