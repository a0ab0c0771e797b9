import type { RunbookDatabase } from './runbookDatabase';

/**
 * Forgets a source the user removed: its cached runbooks, bodies, skips and images go in one
 * transaction, with its sync history and the copies kept for "What changed". The user's bookmarks, checklists and history stay (they belong to the user); links to
 * the removed runbooks then say they are not available.
 */
export async function removeSource(db: RunbookDatabase, sourceId: string): Promise<void> {
  const tables = [db.runbooks, db.bodies, db.skipped, db.assets, db.readCopies, db.syncHistory];
  await db.transaction('rw', [db.sources, ...tables], async () => {
    for (const table of tables) {
      await table.where('sourceId').equals(sourceId).delete();
    }
    await db.sources.delete(sourceId);
  });
}
