/** Loads the collections once per build and builds the archive model. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Redirect } from './redirects.ts';
import { buildArchive, type Archive, type IssuerData, type ReportData, type SectionData } from './archive.ts';

export type SectionEntry = CollectionEntry<'sections'>;

let cached: Promise<Archive<SectionEntry>> | undefined;

function filePathOf(entry: { id: string; filePath?: string | undefined }, collection: string): string {
  if (!entry.filePath) throw new Error(`${collection} entry "${entry.id}" has no file path`);
  return entry.filePath;
}

export function loadArchive(): Promise<Archive<SectionEntry>> {
  cached ??= (async () => {
    const [issuers, reports, sections] = await Promise.all([
      getCollection('issuers'),
      getCollection('reports'),
      getCollection('sections'),
    ]);
    return buildArchive<SectionEntry>(
      issuers.map((e) => e.data as IssuerData),
      reports.map((e) => ({ data: e.data as ReportData, filePath: filePathOf(e, 'reports') })),
      sections.map((e) => ({ data: e.data as SectionData, filePath: filePathOf(e, 'sections'), entry: e })),
    );
  })();
  return cached;
}

let redirectsCached: Promise<ReportRedirectList[]> | undefined;

export interface ReportRedirectList {
  issuer: string;
  year: string;
  redirects: Redirect[];
}

/** Every report's redirects (old section ids → new ones), from the `redirects` collection. */
export function loadRedirects(): Promise<ReportRedirectList[]> {
  redirectsCached ??= (async () => {
    const byReport = new Map<string, ReportRedirectList>();
    for (const { data } of await getCollection('redirects')) {
      const key = `${data.issuer}/${data.year}`;
      const list = byReport.get(key) ?? { issuer: data.issuer, year: data.year, redirects: [] };
      list.redirects.push({ from: data.from, to: data.to, lang: data.lang });
      byReport.set(key, list);
    }
    return [...byReport.values()];
  })();
  return redirectsCached;
}
