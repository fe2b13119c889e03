// scripts/web-size.mjs (npm run size:web): the JavaScript a browser loads for the first page of the
// built client: the entry script of dist/web/index.html and every module it preloads, gzipped.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist/web';
const html = readFileSync(`${dir}/index.html`, 'utf8');
const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gzipped = 0;
for (const file of files) {
  const bytes = readFileSync(`${dir}${file}`);
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`first page: ${files.length} JavaScript files, ${kB(raw)} raw, ${kB(gzipped)} gzipped (budget 300 kB)`);
if (gzipped > 300 * 1024) process.exit(1);
