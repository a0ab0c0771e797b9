import type { RunbookDatabase, RunbookKey } from '../cache/runbookDatabase';
import type { CachedFileIndex } from './cachedFileIndex';

/**
 * The cache's path → blob id index of one source, read from the Dexie tables that hold source content
 * (runbooks, skipped files, images). `count` and `lookup` use index counts and a few rows, so an
 * incremental sync of a large source does not load every runbook.
 *
 * A runbook kept after it left its source (`removedFromSource`, because it is bookmarked) is not part of
 * the source any more: it is left out, so the file coming back is read again (and the kept copy replaced).
 */
export function fileIndexFromCache(db: RunbookDatabase, sourceId: string): CachedFileIndex {
  const tables = () => [db.runbooks, db.skipped, db.assets] as const;
  return {
    // The reads are independent, so they are issued together: each awaited one was a round trip to the
    // database (in the browser, a few milliseconds each on every one-file sync).
    async count() {
      const [counts, kept] = await Promise.all([
        Promise.all(tables().map((table) => table.where('sourceId').equals(sourceId).count())),
        keptAfterRemoval(db, sourceId),
      ]);
      return counts.reduce((total, n) => total + n, 0) - kept;
    },
    async lookup(paths) {
      const found = new Map<string, string>();
      if (paths.length === 0) return found;
      const keys: RunbookKey[] = paths.map((path) => [sourceId, path]);
      const [runbooks, skipped, assets] = await Promise.all([db.runbooks.bulkGet(keys), db.skipped.bulkGet(keys), db.assets.bulkGet(keys)]);
      for (const row of runbooks) if (row && !row.removedFromSource) found.set(row.path, row.oid);
      for (const row of skipped) if (row) found.set(row.path, row.oid);
      for (const row of assets) if (row) found.set(row.path, row.oid);
      return found;
    },
    async all() {
      const files = new Map<string, string>();
      await db.runbooks
        .where('sourceId')
        .equals(sourceId)
        .each((row) => {
          if (!row.removedFromSource) files.set(row.path, row.oid);
        });
      await db.skipped
        .where('sourceId')
        .equals(sourceId)
        .each((row) => files.set(row.path, row.oid));
      await db.assets
        .where('sourceId')
        .equals(sourceId)
        .each((row) => files.set(row.path, row.oid));
      return files;
    },
  };
}

/**
 * Runbooks of the source kept after removal. `applyChangeSet` keeps one only for a bookmarked path, so
 * they are found through the (few) bookmarks rather than by reading every runbook; a kept copy whose
 * bookmark was deleted later still counts as cached (it only makes the `unchanged` figure one higher).
 */
async function keptAfterRemoval(db: RunbookDatabase, sourceId: string): Promise<number> {
  const bookmarked = await db.bookmarks.where('[sourceId+path]').between([sourceId, ''], [sourceId, '\uffff']).toArray();
  const paths = [...new Set(bookmarked.map((b) => b.path))];
  if (paths.length === 0) return 0;
  const rows = await db.runbooks.bulkGet(paths.map((path): RunbookKey => [sourceId, path]));
  return rows.filter((row) => row?.removedFromSource !== undefined).length;
}
