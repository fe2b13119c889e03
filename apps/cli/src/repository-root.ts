import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Whether `dir` holds this project's package.json. */
function isRepositoryRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'wgcollab';
  } catch {
    return false;
  }
}

/**
 * The repository's root directory, found by walking up from this file (src/ or dist/, whatever
 * the working directory) and then from the working directory; null when neither is inside it.
 */
export function repositoryRoot(): string | null {
  // Jest runs these sources as ES modules, where __dirname does not exist.
  const starts = [typeof __dirname === 'string' ? __dirname : null, process.cwd()].filter((d): d is string => d !== null);
  for (const start of starts) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (isRepositoryRoot(dir)) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return null;
}

/** A file of the read-only `shared` folder cloned beside the repository (e.g. data/u4ssc-kpis.json). */
export function sharedFile(...parts: string[]): string {
  const root = repositoryRoot();
  if (!root)
    throw new Error('Cannot find the repository root (a package.json named wgcollab) above this file or the working directory');
  return join(root, '..', 'shared', ...parts);
}
