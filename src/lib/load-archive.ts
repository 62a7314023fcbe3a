/** Loads the collections once per build and builds the archive model. */
import { getCollection, type CollectionEntry } from 'astro:content';
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
