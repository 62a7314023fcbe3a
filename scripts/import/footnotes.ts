/**
 * Stage: footnotes. A paragraph `n text` (n = 1–9) whose digit is also glued to a word, title or
 * year earlier in the same chapter (`消耗量1`, `當量2。`, `FY20181`, `emissions2.`) becomes a GFM
 * footnote: the glued digit becomes a reference `[^n]`, the paragraph its definition.
 * Returns the blocks; references are written as the placeholder FN(n) until to-mdast.
 */
import type { Block, Repair } from './types.ts';

export const FN = (n: number) => `\u0000FN${n}\u0000`;

function glued(n: number): RegExp {
  return new RegExp(String.raw`(?:(?<=[\p{L})）])|(?<=(?:19|20)\d\d))${n}(?=[。，,；;、）)」』]|\.(?!\d)|\s|$)`, 'u');
}

/** `repairs`: each glued digit made a reference is recorded (line 0: blocks carry no line). */
export function extractFootnotes(blocks: Block[], warnings: string[], repairs?: Omit<Repair, 'line'>[]): Block[] {
  const out: Block[] = [];
  const textOf = (b: Block): string | undefined =>
    b.kind === 'para' || b.kind === 'quote' ? b.text : b.kind === 'table' ? b.caption : b.kind === 'heading' ? b.text : undefined;
  const setText = (b: Block, s: string) => {
    if (b.kind === 'para' || b.kind === 'quote' || b.kind === 'heading') b.text = s;
    else if (b.kind === 'table') b.caption = s;
  };
  let lastFn: Extract<Block, { kind: 'footnote' }> | null = null;
  for (const b of blocks) {
    const m = b.kind === 'para' ? /^([1-9]) (\S.*)$/su.exec(b.text) : null;
    if (m) {
      const n = Number(m[1]);
      const re = glued(n);
      // nearest earlier block with the glued digit
      let hit = -1;
      for (let k = out.length - 1; k >= 0; k--) {
        const t = textOf(out[k]);
        if (t && re.test(t) && !t.includes(FN(n))) { hit = k; break; }
      }
      if (hit >= 0) {
        const t = textOf(out[hit])!;
        const at = t.search(re);
        const word = /\S*$/.exec(t.slice(0, at))![0];
        repairs?.push({ kind: 'footnote', before: `${word}${n}`, after: `${word}[^${n}]`, proof: `definition "${n} ${m[2].slice(0, 30)}" follows in the unit` });
        setText(out[hit], t.replace(re, FN(n)));
        lastFn = { kind: 'footnote', n, text: m[2], page: b.page };
        out.push(lastFn);
        continue;
      }
    }
    // (a paragraph that is itself an unreferenced definition `n text` does not go on the one before)
    if (lastFn && b.kind === 'para' && b.page === lastFn.page && out[out.length - 1] === lastFn && !/^[1-9]\d? \S/.test(b.text)) {
      lastFn.text += b.text; // the definition went on without a blank line
      continue;
    }
    lastFn = null;
    out.push(b);
  }
  const refs = out.filter((b) => b.kind === 'footnote').length;
  if (refs) warnings.length; // footnotes are reported by the caller
  return out;
}
