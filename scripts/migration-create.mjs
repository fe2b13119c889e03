#!/usr/bin/env node
// npm run migration:create --name=AddSomething [--timestamp=1790000021000]
// Writes an empty migration with TypeORM's own generator and lists it in migrations/index.ts, so
// that it runs; its SQL is written by hand (there are no entities to generate it from).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = 'libs/platform/src/database/migrations';
const name = process.env.npm_config_name ?? process.argv[2];
const timestamp = process.env.npm_config_timestamp ?? process.argv[3];
if (!name || name === 'true' || !/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) {
  console.error('Usage: npm run migration:create --name=AddSomething [--timestamp=<ms>]');
  process.exit(1);
}
const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const bin = (tool) => join('node_modules', '.bin', tool);

const before = new Set(readdirSync(DIR));
execFileSync(bin('typeorm'), ['migration:create', join(DIR, kebab), ...(timestamp ? ['-t', timestamp] : [])], {
  stdio: 'inherit',
});
const file = readdirSync(DIR).find((f) => !before.has(f));
const className = /export class (\w+)/.exec(readFileSync(join(DIR, file), 'utf8'))[1];

const indexPath = join(DIR, 'index.ts');
const index = readFileSync(indexPath, 'utf8')
  .replace(/\n\n\/\*\*/, `\nimport { ${className} } from './${file.replace(/\.ts$/, '')}';\n\n/**`)
  .replace(/\n\];\s*$/, `\n  ${className},\n];\n`);
writeFileSync(indexPath, index);
execFileSync(bin('prettier'), ['--write', join(DIR, file), indexPath], { stdio: 'inherit' });
console.log(`Listed ${className} in ${indexPath}; write its up() and down().`);
