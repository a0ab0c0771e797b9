import { afterEach, beforeEach } from 'vitest';
import type { RunbookDatabase } from '../../../../core/cache/runbookDatabase';
import type { BundledFile } from '../../../../core/sources/bundledChangeSet';
import { openTestDatabase } from '../../cache/testDatabase';

/**
 * Gives each test its own empty cache, deleted after it. `onOpened` receives the cache and is where a
 * file resets what it counts per test (such as its ingest spy).
 */
export function useFreshCachePerTest(onOpened: (db: RunbookDatabase) => void): void {
  let db: RunbookDatabase | undefined;
  beforeEach(() => {
    db = openTestDatabase();
    onOpened(db);
  });
  afterEach(async () => {
    await db?.delete();
  });
}

/** A file of the shipped runbooks folder, as the build hands it over. */
export const bundledFile = (path: string, text: string): BundledFile => ({ path, bytes: new TextEncoder().encode(text) });
