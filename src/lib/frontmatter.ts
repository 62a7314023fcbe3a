/** A section file's YAML frontmatter between `---` lines, its body, and the file line the body starts on. */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return undefined;
  return { yaml: match[1]!, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}
