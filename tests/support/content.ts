// Expectations derived from content/ (never hard-coded): which reports and sections exist, and
// which HKEX codes each section tags. Reads report.yaml and the frontmatter of every <lang>/NN-<id>.mdx.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CONTENT } from './paths.ts';

export interface SectionInfo {
  id: string;
  title: string;
  order: number;
  codes: string[];
  file: string;
}

export interface ComplyEntry {
  code: string;
  status: string;
}

export interface ReportInfo {
  issuer: string;
  year: string;
  dir: string;
  meta: Record<string, unknown>;
  hkexEdition?: string;
  comply: ComplyEntry[];
  /** content language folder (en, zh-Hant, zh-Hans) → sections in reading order */
  sections: Record<string, SectionInfo[]>;
}

function frontmatter(file: string): Record<string, unknown> {
  const src = readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(src);
  if (!m) throw new Error(`${file}: no frontmatter`);
  return (parseYaml(m[1]) ?? {}) as Record<string, unknown>;
}

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

export function loadReports(contentDir: string = CONTENT): ReportInfo[] {
  const reportsDir = path.join(contentDir, 'reports');
  const reports: ReportInfo[] = [];
  if (!isDir(reportsDir)) return reports;
  for (const issuer of readdirSync(reportsDir).sort()) {
    const issuerDir = path.join(reportsDir, issuer);
    if (!isDir(issuerDir)) continue;
    for (const yearDir of readdirSync(issuerDir).sort()) {
      const dir = path.join(issuerDir, yearDir);
      const yamlFile = path.join(dir, 'report.yaml');
      if (!existsSync(yamlFile)) continue;
      const meta = (parseYaml(readFileSync(yamlFile, 'utf8')) ?? {}) as Record<string, unknown>;
      const sections: Record<string, SectionInfo[]> = {};
      for (const lang of readdirSync(dir).sort()) {
        const langDir = path.join(dir, lang);
        if (lang === 'source' || !isDir(langDir)) continue;
        const list: SectionInfo[] = [];
        for (const f of readdirSync(langDir).sort()) {
          if (!/^\d\d-.+\.mdx$/.test(f)) continue;
          const file = path.join(langDir, f);
          const fm = frontmatter(file);
          const hkex = (fm.frameworks as { hkex?: unknown } | undefined)?.hkex;
          list.push({
            id: String(fm.id ?? f.replace(/^\d\d-/, '').replace(/\.mdx$/, '')),
            title: String(fm.title ?? ''),
            order: Number(fm.order ?? 0),
            codes: Array.isArray(hkex) ? hkex.map(String) : [],
            file,
          });
        }
        list.sort((a, b) => a.order - b.order);
        if (list.length) sections[lang] = list;
      }
      reports.push({
        issuer: String(meta.issuer ?? issuer),
        year: String(meta.year ?? yearDir),
        dir,
        meta,
        hkexEdition: meta.hkexEdition === undefined ? undefined : String(meta.hkexEdition),
        comply: Array.isArray(meta.comply)
          ? (meta.comply as { code: unknown; status: unknown }[]).map((c) => ({ code: String(c.code), status: String(c.status) }))
          : [],
        sections,
      });
    }
  }
  return reports;
}

/**
 * Sections a locale should publish: en from en/, tc from zh-Hant/, sc from zh-Hans/ or else
 * converted from zh-Hant/. A report with no edition in the wanted language falls back to another.
 */
export function sectionsFor(report: ReportInfo, locale: 'en' | 'tc' | 'sc'): SectionInfo[] {
  const prefs = { en: ['en', 'zh-Hant', 'zh-Hans'], tc: ['zh-Hant', 'zh-Hans', 'en'], sc: ['zh-Hans', 'zh-Hant', 'en'] }[locale];
  for (const lang of prefs) if (report.sections[lang]?.length) return report.sections[lang];
  return [];
}

export interface CatalogueItem {
  code: string;
  kind?: string;
}

/** Items of content/frameworks/<edition>.yaml, in Guide order (empty if the file is missing). */
export function loadCatalogue(edition: string, contentDir: string = CONTENT): CatalogueItem[] {
  const file = path.join(contentDir, 'frameworks', `${edition}.yaml`);
  if (!existsSync(file)) return [];
  const doc = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as { items?: { code: unknown; kind?: unknown }[] };
  return (doc.items ?? []).map((i) => ({ code: String(i.code), kind: i.kind === undefined ? undefined : String(i.kind) }));
}
