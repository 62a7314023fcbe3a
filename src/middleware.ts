/**
 * Script conversion at render time: a page that shows Chinese text in the other script sets
 * `Astro.locals.scriptConversion`; once it has rendered, its HTML text nodes and readable
 * attributes are converted with opencc-js (never the MDX source).
 */
import { defineMiddleware } from 'astro:middleware';
import { convertPage } from './lib/page-conversion.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const plan = context.locals.scriptConversion;
  if (!plan) return response;
  const html = await response.text();
  return new Response(convertPage(html, plan), { status: response.status, headers: response.headers });
});
