import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Records one figure of the hardening tests (requests tried, faults injected, mismatches) in
 * .data/test-results/security.txt; scripts/test.sh prints the file at the end of the run,
 * and docs/SECURITY.md quotes it.
 */
export function reportSecurityFigure(line: string): void {
  const dir = join(process.cwd(), '.data', 'test-results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'security.txt'), `${line}\n`);
  console.log(line);
}
