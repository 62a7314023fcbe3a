/** The public origin: canonical URLs, hreflang and the sitemap are absolute against it (`SITE_URL`). */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  return env.SITE_URL ?? 'https://esg-reports.example.org';
}
