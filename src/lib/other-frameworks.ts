/**
 * Frameworks other than the HKEX Code that reports cross-reference in their printed indexes (GRI,
 * SASB, SDGs, TCFD). The archive stores their codes as section tags (`frameworks.gri: [305-1]`);
 * we hold no verified titles for them, so each code links out to the framework's own site.
 */
export interface OtherFramework {
  key: string;
  name: string;
  /** How a code is shown, e.g. `GRI 305-1`, `GRI 201: 3-3`. */
  label: (code: string) => string;
  /** Where a reader can look the code up. */
  href: (code: string) => string;
}

const FRAMEWORKS: Record<string, OtherFramework> = {
  gri: {
    key: 'gri',
    name: 'GRI Standards',
    label: (code) => {
      const topic = /^(\d{3})\/(3-3)$/.exec(code);
      return topic ? `GRI ${topic[1]}: ${topic[2]}` : `GRI ${code}`;
    },
    href: (code) => `https://www.globalreporting.org/search/?query=${encodeURIComponent(`GRI ${code.replace('/', ' ')}`)}`,
  },
  sasb: {
    key: 'sasb',
    name: 'SASB Standards',
    label: (code) => `SASB ${code}`,
    href: (code) => `https://sasb.ifrs.org/?s=${encodeURIComponent(code)}`,
  },
  sdg: {
    key: 'sdg',
    name: 'UN Sustainable Development Goals',
    label: (code) => `SDG ${code}`,
    href: (code) => `https://sdgs.un.org/goals/goal${encodeURIComponent(code.split('.')[0] ?? code)}`,
  },
  tcfd: {
    key: 'tcfd',
    name: 'TCFD Recommendations',
    label: (code) => `TCFD ${code}`,
    href: () => 'https://www.fsb-tcfd.org/recommendations/',
  },
};

/** The framework of a tag key; unknown keys are shown by name with no link. */
export function otherFramework(key: string): OtherFramework {
  return (
    FRAMEWORKS[key] ?? { key, name: key.toUpperCase(), label: (code: string) => `${key.toUpperCase()} ${code}`, href: () => '' }
  );
}

/** Codes in a natural order: `2-1` < `2-10` < `201-1` < `201/3-3`. */
export function compareOtherCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Tag keys of the HKEX Code itself (printed and derived), not other frameworks. */
const HKEX_KEYS = new Set(['hkex', 'hkexDerived']);
export const isOtherFramework = (key: string): boolean => !HKEX_KEYS.has(key);

/** The other-framework tags of a section, by framework key (HKEX excluded), sorted. */
export function otherTags(frameworks: Record<string, readonly string[] | undefined>): { framework: OtherFramework; codes: string[] }[] {
  return Object.entries(frameworks)
    .flatMap(([key, codes]) => (codes && isOtherFramework(key) && codes.length > 0 ? [[key, codes] as const] : []))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, codes]) => ({ framework: otherFramework(key), codes: [...new Set(codes)].sort(compareOtherCodes) }));
}
