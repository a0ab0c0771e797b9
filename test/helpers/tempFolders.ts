import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempFolders {
  /** A new empty folder under the system's temporary folder, named `prefix` and a random end. */
  make: () => string;
  /** Removes every folder `make` gave, with what they hold. */
  removeAll: () => void;
}

export function tempFolders(prefix: string): TempFolders {
  const made: string[] = [];
  return {
    make: () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll: () => {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    },
  };
}
