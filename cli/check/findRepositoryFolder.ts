import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The path of `dir` inside the Git repository that holds it (`docs`), or undefined when `dir` is the
 * repository's root or in no repository. Found by looking for `.git` in `dir` and the folders above it.
 */
export function findRepositoryFolder(dir: string): string | undefined {
  const start = resolve(dir);
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) {
      const inside = relative(folder, start);
      return inside === '' ? undefined : inside.split(sep).join('/');
    }
    if (dirname(folder) === folder) return undefined;
  }
}
