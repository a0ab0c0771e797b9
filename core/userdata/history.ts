import type { HistoryEntry, RunbookDatabase } from '../cache/runbookDatabase';

export type { HistoryEntry };

export const HISTORY_LIMIT = 20;

/** Records that a runbook was opened; the list keeps each runbook once, newest first, at most 20. */
export async function recordOpened(db: RunbookDatabase, entry: Omit<HistoryEntry, 'id' | 'openedAt'>, now = new Date()): Promise<void> {
  await db.transaction('rw', db.history, async () => {
    await db.history.where('[sourceId+path]').equals([entry.sourceId, entry.path]).delete();
    await db.history.add({ ...entry, openedAt: now.toISOString() });
    const count = await db.history.count();
    if (count > HISTORY_LIMIT) {
      const oldest = await db.history
        .orderBy('openedAt')
        .limit(count - HISTORY_LIMIT)
        .primaryKeys();
      await db.history.bulkDelete(oldest);
    }
  });
}

export async function recentlyOpened(db: RunbookDatabase): Promise<HistoryEntry[]> {
  return db.history.orderBy('openedAt').reverse().limit(HISTORY_LIMIT).toArray();
}
