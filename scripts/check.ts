/** npm run check: validates content/ and prints `file:line: message` for every problem. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/lib/content-check.ts';
import { readCatalogueCodes, readContentFiles } from './lib/content-files.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = readContentFiles(root);
const problems = checkContent(files, readCatalogueCodes(root));
for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in content/. Fix them and run npm run check again.`);
  process.exit(1);
}
console.log(`content ok: ${files.length} files checked`);
