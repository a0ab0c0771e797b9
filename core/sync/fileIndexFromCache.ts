import type { RunbookDatabase, RunbookKey } from '../cache/runbookDatabase';
import type { CachedFileIndex } from './cachedFileIndex';

/**
 * The cache's path → blob id index of one source, read from the Dexie tables that hold source content
 * (runbooks, skipped files, images). `count` and `lookup` use keys and a few rows only, so an
 * incremental sync of a large source does not load every runbook.
 */
export function fileIndexFromCache(db: RunbookDatabase, sourceId: string): CachedFileIndex {
  const tables = () => [db.runbooks, db.skipped, db.assets] as const;
  return {
    async count() {
      let total = 0;
      for (const table of tables()) total += await table.where('sourceId').equals(sourceId).count();
      return total;
    },
    async lookup(paths) {
      const found = new Map<string, string>();
      if (paths.length === 0) return found;
      const keys: RunbookKey[] = paths.map((path) => [sourceId, path]);
      for (const table of tables()) {
        const rows = await table.bulkGet(keys);
        for (const row of rows) if (row) found.set(row.path, row.oid);
      }
      return found;
    },
    async all() {
      const files = new Map<string, string>();
      for (const table of tables()) {
        await table.where('sourceId').equals(sourceId).each((row) => {
          files.set(row.path, row.oid);
        });
      }
      return files;
    },
  };
}
