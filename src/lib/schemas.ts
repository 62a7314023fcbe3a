/** zod schemas of the content files, shared by Astro's collections and `npm run check`. */
import { z } from 'astro/zod';
import { REPORT_HOME } from './redirects.ts';

export const CONTENT_LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
const contentLang = z.enum(CONTENT_LANGS);
/** Text per language; at least one language must be present. */
const localized = z
  .object({ en: z.string().min(1), 'zh-Hant': z.string().min(1), 'zh-Hans': z.string().min(1) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give the text in at least one of en, zh-Hant, zh-Hans');
const isoDate = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write dates as YYYY-MM-DD')])
  .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10)));
const isIso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebabId = z.string().regex(KEBAB, 'use lowercase letters, digits and hyphens');
const hkexCode = z.string().regex(/^[AB]\d{1,2}(?:\.\d{1,2})?$|^D\d{2}$|^MDR\d{2}$/, 'write HKEX codes like A1, A1.1, D19 or MDR13');

/** First path segments of the site's own pages under /{locale}/: no issuer may take them as its id. */
export const RESERVED_ISSUER_IDS = ['hkex', 'search', 'years', 'issuers'] as const;
const issuerId = kebabId.refine((v) => !(RESERVED_ISSUER_IDS as readonly string[]).includes(v), {
  message: `this id is a page of the site (/{locale}/<id>/); choose another issuer id than ${RESERVED_ISSUER_IDS.join(', ')}`,
});

export const issuerSchema = z.object({
  id: issuerId,
  stockCode: z.string().regex(/^\d{5}$/, 'the HKEX stock code has five digits, e.g. "00241"'),
  name: localized,
  shortName: localized,
  website: z.url().optional(),
});

const complyEntry = z.object({
  code: hkexCode,
  status: z.enum(['not-applicable', 'not-reported', 'explained']),
  explanation: localized.optional(),
});

export const reportSchema = z
  .object({
    issuer: issuerId,
    year: z.string().regex(/^\d{4}(?:-\d{2})?$/, 'the year label is a string like "2018" or "2023-24"'),
    yearLabel: localized,
    title: localized,
    period: z.object({ start: isoDate, end: isoDate }),
    languages: z.array(contentLang).min(1),
    hkexEdition: z.enum(['hkex-2015', 'hkex-2020', 'hkex-2025']),
    chapters: z.array(z.object({ id: kebabId, title: localized })).default([]),
    comply: z.array(complyEntry).default([]),
    sources: z
      .array(z.object({ lang: contentLang, file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/).optional() }))
      .default([]),
    indexLost: z.boolean().default(false),
  })
  .refine((r) => !isIso(r.period.start) || !isIso(r.period.end) || r.period.start <= r.period.end, { message: 'period.start must not be after period.end', path: ['period'] });

export const sectionSchema = z.object({
  id: kebabId,
  title: z.string().min(1),
  number: z.string().optional(),
  order: z.number().int().nonnegative(),
  chapter: kebabId.optional(),
  pages: z.object({ from: z.number().int().positive(), to: z.number().int().positive() }).optional(),
  frameworks: z
    // hkexDerived: tags the importer derived from aspect-titled sections of a report that prints no index
    .object({ hkex: z.array(hkexCode).default([]), hkexDerived: z.array(hkexCode).optional() })
    .catchall(z.array(z.string()))
    .default({ hkex: [] }),
  description: z.string().optional(),
});

/** One entry of `content/reports/<issuer>/<year>/redirects.yaml`: an old section id and where its URL goes. */
export const redirectSchema = z
  .object({
    from: kebabId,
    to: z.union([z.literal(REPORT_HOME), z.string().regex(KEBAB, `give a section id of this report (lowercase letters, digits, hyphens), or ${REPORT_HOME} for the report home`)]),
    lang: contentLang.optional(),
  })
  .strict();

/** The whole file: a YAML list (an empty file is an empty list). */
export const redirectsFileSchema = z.preprocess((v) => v ?? [], z.array(redirectSchema));

/** An entry of the `redirects` collection: one redirect with the report it belongs to. */
export const redirectEntrySchema = redirectSchema.extend({ issuer: kebabId, year: z.string() });
