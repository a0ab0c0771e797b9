import type { RunbookDatabase, SyncHistoryEntry } from './runbookDatabase';

/** How many syncs each source's history keeps. */
export const SYNC_HISTORY_LENGTH = 20;

/** Adds one sync to its source's history and drops the oldest beyond the last 20. */
export async function recordSyncHistory(db: RunbookDatabase, entry: Omit<SyncHistoryEntry, 'id'>): Promise<void> {
  await db.syncHistory.add(entry);
  const keys = await db.syncHistory
    .where('[sourceId+at]')
    .between([entry.sourceId, ''], [entry.sourceId, '\uffff'])
    .reverse()
    .primaryKeys();
  if (keys.length > SYNC_HISTORY_LENGTH) await db.syncHistory.bulkDelete(keys.slice(SYNC_HISTORY_LENGTH));
}

/** A source's recent syncs, newest first. */
export async function readSyncHistory(db: RunbookDatabase, sourceId: string): Promise<SyncHistoryEntry[]> {
  return db.syncHistory.where('[sourceId+at]').between([sourceId, ''], [sourceId, '\uffff']).reverse().toArray();
}
