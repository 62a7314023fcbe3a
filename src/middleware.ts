/**
 * Script conversion at render time: a page that shows Chinese text in the other script sets
 * `Astro.locals.scriptConversion` (whole page) or marks elements with `data-convert`; once it
 * has rendered, its HTML text nodes and readable attributes are converted with opencc-js (never
 * the MDX source).
 */
import { defineMiddleware } from 'astro:middleware';
import { convertMarked, convertPage, scriptOfPath } from './lib/page-conversion.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const plan = context.locals.scriptConversion;
  const script = scriptOfPath(context.url.pathname);
  if (!plan && !script) return response;
  const html = await response.text();
  const converted = convertMarked(plan ? convertPage(html, plan) : html, plan?.to ?? script!);
  return new Response(converted, { status: response.status, headers: response.headers });
});
