/**
 * Numbers of two language editions of one section, compared: a figure printed in one edition and
 * missing from the other is what a reviewer flags (4,917 complaints in both, or not?). Pure.
 */
export interface NumberMention {
  /** Normalised value: thousands separators removed, `%` kept (`4917`, `45.5%`). */
  value: string;
  /** 1-based line in the file. */
  line: number;
}

/** Numbers worth comparing: four or more digits, a decimal, or a percentage (small counts and list numbers are noise). */
const NUMBER = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s?%)?/g;

export function extractNumbers(body: string, firstLine = 1): NumberMention[] {
  const out: NumberMention[] = [];
  body.split('\n').forEach((text, i) => {
    // Frontmatter-free body; skip link targets and footnote labels.
    const clean = text.replace(/\]\([^)]*\)/g, ']').replace(/\[\^\d+\]/g, '');
    for (const m of clean.matchAll(NUMBER)) {
      const integer = m[1]!.replaceAll(',', '');
      const decimal = m[2] ?? '';
      const percent = m[3] ? '%' : '';
      if (integer.length < 4 && !decimal && !percent) continue;
      out.push({ value: `${integer}${decimal}${percent}`, line: firstLine + i });
    }
  });
  return out;
}

/** Values in `a` (with their first line) that `b` never prints, and the other way round. */
export function numberDifferences(a: NumberMention[], b: NumberMention[]): { onlyA: NumberMention[]; onlyB: NumberMention[] } {
  const inB = new Set(b.map((n) => n.value));
  const inA = new Set(a.map((n) => n.value));
  const firstOf = (list: NumberMention[], other: Set<string>) => {
    const seen = new Set<string>();
    return list.filter((n) => !other.has(n.value) && !seen.has(n.value) && seen.add(n.value));
  };
  return { onlyA: firstOf(a, inB), onlyB: firstOf(b, inA) };
}
