/**
 * Every report in content/reports is re-imported from its committed source through the same
 * pipeline (no code path keyed to a file, issuer or line): byte-for-byte MDX, fidelity, the
 * furniture rule, and the structure the detected outline must find.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runPipeline, type PipelineResult } from '../../../scripts/import/pipeline.ts';
import { parseOverrides } from '../../../scripts/import/overrides.ts';
import { reportInputs } from '../../../scripts/import/report-inputs.ts';
import { countKeys, mayDrop } from '../../../scripts/import/running-headers.ts';
import { readSource, toLines } from '../../../scripts/import/read-source.ts';
import type { Lang } from '../../../scripts/import/types.ts';
import { ROOT } from './helpers.ts';

const REPORTS = join(ROOT, 'content/reports');
interface Imp { key: string; dir: string; lang: Lang; src: string; ov: string }
const imports: Imp[] = [];
for (const issuer of readdirSync(REPORTS)) {
  for (const year of readdirSync(join(REPORTS, issuer))) {
    const dir = join(REPORTS, issuer, year);
    if (!existsSync(join(dir, 'report.yaml'))) continue; // a source waiting to be imported
    const y = parse(readFileSync(join(dir, 'report.yaml'), 'utf8'));
    for (const s of y.sources ?? []) imports.push({ key: `${issuer}/${year}/${s.lang}`, dir, lang: s.lang, src: join(dir, s.file), ov: join(dir, 'source/overrides.yaml') });
  }
}

const cache = new Map<string, PipelineResult>();
function run(i: Imp): PipelineResult {
  if (!cache.has(i.key)) {
    // as the CLI imports: overrides, then report.yaml as committed, then what the text says (report-inputs.ts)
    const data = readFileSync(i.src);
    const inp = reportInputs(data, i.lang, parseOverrides(existsSync(i.ov) ? readFileSync(i.ov, 'utf8') : ''), readFileSync(join(i.dir, 'report.yaml'), 'utf8'), ROOT);
    cache.set(i.key, runPipeline(data, i.lang, inp.ov, i.src, { catalogue: inp.catalogue, aspects: inp.aspects, codes: inp.codes }));
  }
  return cache.get(i.key)!;
}
const byKey = (k: string) => run(imports.find((i) => i.key === k)!);
const unit = (r: PipelineResult, title: string) => {
  const s = r.sections.find((x) => x.title === title);
  if (!s) throw new Error(`no unit titled ${title}: ${r.sections.map((x) => x.title).join(' | ')}`);
  return s;
};

describe('archive imports', () => {
  it('covers all four reports', () => {
    expect(imports.map((i) => i.key).sort()).toEqual(['alibaba-health/2018/en', 'alibaba-health/2018/zh-Hant', 'alibaba/2023/zh-Hans', 'alibaba/2025/zh-Hant', 'jd-health/2024/zh-Hant']);
  });

  for (const i of imports) {
    describe(i.key, () => {
      it('re-importing reproduces the committed MDX byte for byte', () => {
        const r = run(i);
        const dir = join(i.dir, i.lang);
        const committed = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
        expect(r.sections.map((s) => s.file.split('/')[1]).sort()).toEqual(committed);
        for (const s of r.sections) expect(s.mdx, s.file).toBe(readFileSync(join(i.dir, s.file), 'utf8'));
      });
      it('keeps at least 99.5 % of the text', () => {
        expect(run(i).fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
      });
      it('never drops a line that occurs once as furniture (unless an override says so)', () => {
        const original = toLines(readSource(readFileSync(i.src))).map((l) => l.text);
        const counts = countKeys(original);
        for (const d of run(i).dropped) {
          if (d.why === 'override drop') continue;
          expect(mayDrop(d.text, counts), `line ${d.line} ${JSON.stringify(d.text)} (${d.why})`).toBe(true);
        }
      });
      it('keeps every line printed once (whole, wherever it moved) unless it is listed as dropped', () => {
        // stricter than fidelity, whose `anywhere` fallback can match a lost line against a copy elsewhere
        const r = run(i);
        const key = (t: string) => t.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
        const out = key([
          ...r.parts.map((p) => p.title),
          ...r.sections.map((s) => `${s.number ?? ''} ${s.title}\n${s.mdx.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\]\([^)]*\)/g, ']').replace(/&[a-z]+;/g, '').replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))}`),
        ].join('\n'));
        const dropped = new Set(r.dropped.map((d) => d.line));
        // HTML tags the extraction left are removed as recorded `markup` repairs: the words must stay
        const markup = new Map(r.repairs.filter((x) => x.kind === 'markup').map((x) => [x.line, x.after]));
        const lines = toLines(readSource(readFileSync(i.src))).map((l) => ({ ...l, text: markup.get(l.n) ?? l.text }));
        const seen = new Map<string, number>();
        for (const l of lines) seen.set(key(l.text), (seen.get(key(l.text)) ?? 0) + 1);
        // (a code the importer corrects says so in a warning: `KPI printed as "B2.2" … read as B2.3`)
        const corrected = (t: string) => r.warnings.some((w) => w.includes(`printed as "${t.split(' ')[0]}"`));
        const lost = lines.filter((l) => !dropped.has(l.n) && key(l.text).length >= 6 && seen.get(key(l.text)) === 1 && !out.includes(key(l.text)) && !corrected(l.text));
        // a heading printed with a number is written as number + title; a KPI row keeps its cells
        expect(lost.map((l) => `${l.n}: ${l.text}`).filter((x) => !/^\d+: (?:\d{1,2} |0\d )/.test(x))).toEqual([]);
      });
      it('has units of sensible size (no blob, no crumbs)', () => {
        const r = run(i);
        expect(r.sections.length).toBeGreaterThanOrEqual(10);
        expect(r.sections.length).toBeLessThanOrEqual(80);
        const total = r.sections.reduce((a, s) => a + s.chars, 0);
        for (const s of r.sections) expect(s.chars, s.id).toBeLessThan(Math.max(25_000, total * 0.2));
        for (const s of r.sections) expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      });
    });
  }
});

describe('jd-health 2024 (nav bars, chapter ordinals, index by name)', () => {
  const r = () => byKey('jd-health/2024/zh-Hant');
  it('finds the five chapters and their fifteen sections from the report itself', () => {
    expect(r().parts.map((p) => p.title)).toEqual(['構建用戶信任', '合理使用資源', '精準洞察市場', '助力社會發展', '推進數智賦能']);
    const sections = r().sections.filter((s) => /^c\d\d-s\d\d$/.test(s.id));
    expect(sections.length).toBe(15);
    expect(sections.filter((s) => s.chapter === 'c02').map((s) => s.title)).toEqual(['應對氣候變化', '能源和資源管理', '排放控制', '生物多樣性保護']);
    expect(r().sections.filter((s) => s.id.startsWith('f')).map((s) => s.title)).toContain('公司簡介');
  });
  it('drops the repeated nav bars and lists them', () => {
    expect(r().dropped.filter((d) => d.why === 'nav bar').length).toBeGreaterThanOrEqual(2);
    for (const s of r().sections) expect(s.mdx).not.toContain('榮譽獎項 京東健康聯合國可持續發展目標 ESG戰略');
  });
  it('tags sections from the HKEX index that names them', () => {
    const tags = (t: string) => unit(r(), t).frameworks!.hkex;
    expect(tags('信息安全與隱私保護')).toEqual(['B6.5']);
    expect(tags('知識產權管理')).toEqual(['B6.3']);
    expect(tags('民生健康')).toEqual(['B8', 'B8.1', 'B8.2']); // printed `關績效指標B8.2`
    expect(tags('排放控制')).toEqual(['A1', 'A1.1', 'A1.3', 'A1.4', 'A1.5', 'A1.6']);
    const all = r().sections.flatMap((s) => s.frameworks!.hkex);
    for (const deleted of ['A1.2', 'A4', 'A4.1']) expect(all).not.toContain(deleted);
  });
  it('tags climate rows with the Part D codes of the catalogue, and lists what is not reported', () => {
    expect(unit(r(), '應對氣候變化').frameworks!.hkex).toEqual(expect.arrayContaining(['D19', 'D20', 'D26', 'D27', 'D28']));
    expect(r().comply).toEqual(expect.arrayContaining([{ code: 'D24', status: 'not-reported' }, { code: 'D34', status: 'not-reported' }]));
  });
  it('writes its indexes as tables: code, description, the sections the cell names', () => {
    const hkex = unit(r(), '聯交所ESG指引').mdx;
    expect(hkex).toContain('| 層面、一般披露及關鍵績效指標 | 描述 | 披露章節 |');
    expect(hkex).toContain('| 關鍵績效指標B6.5 | 描述消費者資料保障及隱私政策，以及相關管理及監察方法。 | 構建用戶信任 › 信息安全與隱私保護 |');
    expect(hkex).toMatch(/^\| \*\*A1: 排放物\*\* \|/m);
    expect(hkex).toContain('| 關績效指標B8.2 | 在專注領域所動用資源（如金錢或時間）。 | 民生健康 |');
    expect(hkex).toContain('| 氣候韌性 | | 合理使用資源 › 應對氣候變化 |');
    const gri = unit(r(), 'GRI標準指引').mdx;
    expect(gri).toContain('| 2-1 | 組織詳細介紹 | 公司簡介 |');
    expect(gri).toContain('| 2-21 | 年度總薪酬比率 | 暫未統計 |');
    expect(unit(r(), '首席執行官寄語 董事會聲明').frameworks!.gri).toEqual(['2-22']); // a spread names both its titles
  });
  it('tags GRI disclosures, 3-3 per topic standard', () => {
    const gri = (t: string) => unit(r(), t).frameworks!.gri;
    expect(gri('商業道德')).toEqual(expect.arrayContaining(['205/3-3', '205-1', '206-1']));
    expect(gri('人才成長')).toEqual(expect.arrayContaining(['401/3-3', '2-7', '201-3']));
    expect(gri('公司簡介')).toEqual(['2-1']);
    const all = r().sections.flatMap((s) => s.frameworks!.gri ?? []);
    for (const omitted of ['2-21', '303-2', '306-5', '306-3']) expect(all).not.toContain(omitted);
  });
  it('reads footnote definitions (`1  ESG，…。`) as footnotes or paragraphs, never as numbered headings', () => {
    const about = unit(r(), '關於本報告').mdx;
    expect(about).toContain('「ESG[^1] 報告」');
    expect(about).toContain('[^1]: ESG，Environmental，Social and Governance，即環境、社會及管治。');
    expect(about).not.toMatch(/^## \d /m);
    expect(about).toMatch(/^2 GRI，Global Reporting Initiative，即全球報告倡議組織。$/m);
  });
  it('writes the KPI appendix as GFM tables with the printed columns', () => {
    const kpi = unit(r(), '關鍵績效表').mdx;
    expect(kpi).toContain('| 指標名稱 | 單位 | 2023 年數據 | 2024 年數據 |');
    expect(kpi).toContain('| 全職員工總數 | 人 | 3,118 | 3,564 |');
    expect(kpi).toContain('| 內部候選人填補空缺職位的女員工總數 | 人 | / | 212 |');
    // the body table prints its years the other way round, and keeps them so
    expect(unit(r(), '應對氣候變化').mdx).toContain('| 溫室氣體排放總量（範圍一+範圍二） | 噸二氧化碳當量 | 3,836.89 | 5,263.71 |');
  });
});

describe('alibaba 2023 (ToC lists on chapter openers, cover title cloud)', () => {
  const r = () => byKey('alibaba/2023/zh-Hans');
  it('finds seven chapters with the 21 sections their openers list', () => {
    expect(r().parts.length).toBe(7);
    expect(r().sections.filter((s) => /^c\d\d-s\d\d$/.test(s.id)).length).toBe(21);
    expect(r().sections.filter((s) => s.chapter === 'c02').map((s) => s.title)).toEqual([
      '支持员工发展', '建立多元、公平、共融的文化与制度', '提供公平有竞争力的薪酬和暖心的福利', '提供丰富的学习和发展机会', '营造促进员工健康与活力的工作环境',
    ]);
  });
  it('titles the title-cloud cover with the report title and keeps the cloud as text', () => {
    expect(r().sections[0].title).toBe('环境、社会和治理报告');
    expect(r().sections[0].mdx).toContain('修复绿色星球 助力中小微企业高质量发展');
    expect(r().sections.slice(1, 3).map((s) => s.title)).toEqual(['公司介绍', '董事会主席兼首席执行官的信']);
  });
  it('finds the appendices by their numbered titles, each starting with the page its title closes', () => {
    expect(r().sections.filter((s) => s.id.startsWith('a')).map((s) => s.title)).toContain('附录九 重要法律声明');
    expect(unit(r(), '附录四 温室气体盘查和核算边界').mdx).toContain('本次盘查范围为阿里巴巴集团控股有限公司');
    expect(unit(r(), '附录七 联合国全球契约进展').mdx).toContain('阿里巴巴于 2021 年 2 月成为联合国全球契约');
  });
  it('drops the nav footer (page numbers glued) by one override line', () => {
    expect(r().dropped.filter((d) => d.why === 'override drop').length).toBe(10); // page number glued: each printed once
    expect(r().dropped.filter((d) => d.why === 'nav bar').length).toBe(2);
    for (const s of r().sections) expect(s.mdx).not.toMatch(/修复绿色星球 I/);
  });
});

describe('the detected outline needs no overrides to work', () => {
  it('imports JD Health with an empty overrides file', () => {
    const src = readFileSync(join(REPORTS, 'jd-health/2024/source/jd-health-2024.zh-Hant.txt'));
    const r = runPipeline(src, 'zh-Hant', parseOverrides(''), 'unknown.txt');
    expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
    expect(r.parts.length).toBe(5);
    expect(r.sections.length).toBeGreaterThanOrEqual(25);
  });
});

describe('a text with no outline the heuristics recognise', () => {
  it('is cut at title-like page starts instead of becoming one blob', () => {
    const src = readFileSync(join(REPORTS, 'alibaba-health/2018/source/alibaba-health-fy2018.zh-Hant.txt'));
    const r = runPipeline(src, 'zh-Hant', parseOverrides(''), 'unknown.txt');
    expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
    expect(r.sections.length).toBeGreaterThanOrEqual(8);
    expect(r.sections[0].title).toBe('關於本報告');
    for (const s of r.sections) expect(s.chars, s.id).toBeLessThan(25_000);
    expect(r.warnings.some((w) => /cut into \d+ units/.test(w))).toBe(true);
  });
});

describe('import CLI --json on a detected outline', () => {
  it('prints fidelity, sections, dropped and warnings', () => {
    const p = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), 'content/reports/jd-health/2024/source/jd-health-2024.zh-Hant.txt', '--issuer', 'jd-health', '--year', '2024', '--lang', 'zh-Hant', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(p.status).toBe(0);
    const j = JSON.parse(p.stdout);
    expect(j.fidelity).toBeGreaterThanOrEqual(0.995);
    expect(j.sections[0]).toEqual({ id: 'f01', title: '關於本報告', lang: 'zh-Hant', chars: expect.any(Number) });
    expect(j.dropped.some((d: { why: string }) => d.why === 'nav bar')).toBe(true);
    expect(Array.isArray(j.warnings)).toBe(true);
    expect(j.wouldWrite ?? []).toEqual([]);
    expect(j.doubtedHeadings).toEqual(byKey('jd-health/2024/zh-Hant').doubtedHeadings);
  });
  it('lists the doubted headings (--json) and prints their count in the summary', () => {
    const args = [join(ROOT, 'scripts/import.ts'), 'content/reports/alibaba/2023/source/alibaba-fy2023.zh-Hans.txt', '--issuer', 'alibaba', '--year', '2023', '--lang', 'zh-Hans', '--dry-run'];
    const want = byKey('alibaba/2023/zh-Hans').doubtedHeadings;
    expect(want.length).toBeGreaterThan(0);
    const j = JSON.parse(spawnSync(process.execPath, [...args, '--json'], { cwd: ROOT, encoding: 'utf8' }).stdout);
    expect(j.doubtedHeadings).toEqual(want);
    expect(j.doubtedHeadings[0]).toEqual({ line: expect.any(Number), text: expect.any(String), why: expect.any(String) });
    const summary = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }).stdout;
    expect(summary).toContain(`doubted headings: ${want.length} `);
  }, 120_000);
});
