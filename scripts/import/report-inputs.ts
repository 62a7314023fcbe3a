/**
 * What the pipeline is given besides the text: the overrides, completed from report.yaml as it
 * stands and from what the text says about itself (report-meta.ts). One function for the CLI and
 * for the tests that re-import the archive, so both import the same way.
 */
import { parse } from 'yaml';
import { detectReportMeta, type ReportMeta } from './report-meta.ts';
import { loadAspectCatalogue, loadCatalogue, loadCodeTitles } from './auto-index.ts';
import type { AspectItem } from './aspect-tags.ts';
import type { CatalogueItem } from './parse-index-names.ts';
import type { Overrides } from './overrides.ts';
import type { Lang } from './types.ts';

export interface ReportInputs {
  meta: ReportMeta;
  /** the edition whose catalogue reads indexes and derives tags */
  edition?: string;
  /** the overrides, with the report title filled in where overrides.yaml does not give it */
  ov: Overrides;
  catalogue: CatalogueItem[];
  aspects: AspectItem[];
  /** every code of the edition with its titles (indexes that name a disclosure by its title) */
  codes: CatalogueItem[];
}

export function reportInputs(data: Uint8Array | string, lang: Lang, ov: Overrides, reportYaml: string | null, root: string): ReportInputs {
  let old: any = {};
  try { old = (reportYaml && parse(reportYaml)) || {}; } catch { old = {}; }
  // numbered as an editor shows the file (readSource turns a form feed into a line break)
  const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
  const editorLines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/).map((t, i) => ({ n: i + 1, text: t.replace(/\f/g, ' ') }));
  const meta = detectReportMeta(editorLines, lang);
  const edition = ov.report?.hkexEdition ?? old.hkexEdition ?? meta.hkexEdition?.value;
  const title = ov.report?.title?.[lang] ?? old.title?.[lang] ?? meta.title?.value;
  const withTitle = title && !ov.report?.title?.[lang] ? { ...ov, report: { ...ov.report, title: { ...ov.report?.title, [lang]: title } } } : ov;
  return { meta, edition, ov: withTitle, catalogue: loadCatalogue(root, edition), aspects: loadAspectCatalogue(root, edition), codes: loadCodeTitles(root, edition) };
}
