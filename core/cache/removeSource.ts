import type { RunbookDatabase } from './runbookDatabase';

/**
 * Forgets a source the user removed: its cached runbooks, bodies, skips and images go in one
 * transaction. The user's bookmarks, checklists and history stay (they belong to the user); links to
 * the removed runbooks then say they are not available.
 */
export async function removeSource(db: RunbookDatabase, sourceId: string): Promise<void> {
  await db.transaction('rw', [db.sources, db.runbooks, db.bodies, db.skipped, db.assets], async () => {
    for (const table of [db.runbooks, db.bodies, db.skipped, db.assets]) {
      await table.where('sourceId').equals(sourceId).delete();
    }
    await db.sources.delete(sourceId);
  });
}
