import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { issuerSchema, reportSchema, sectionSchema } from './lib/schemas.ts';

const issuers = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/issuers' }),
  schema: issuerSchema,
});

const reports = defineCollection({
  loader: glob({ pattern: '*/*/report.yaml', base: './content/reports' }),
  schema: reportSchema,
});

const sections = defineCollection({
  loader: glob({ pattern: '*/*/*/*.mdx', base: './content/reports' }),
  schema: sectionSchema,
});

export const collections = { issuers, reports, sections };
