import { SyncError } from './syncError';

const running = new Set<string>();

/**
 * Runs `work` as the only sync of `sourceId` in this JavaScript realm (the Electron main process, or the
 * browser's sync worker). A second call while one runs does not wait and does not join: it rejects at
 * once with `SyncError('already-running')`, so "Sync now" pressed twice, or a timer firing during a manual
 * sync, never fetches twice into one object store or applies two change sets computed from the same base.
 * The UI can tell this apart from a failure by its code and simply keep showing the running sync.
 */
export async function withSourceLock<T>(sourceId: string, work: () => Promise<T>): Promise<T> {
  if (running.has(sourceId)) {
    throw new SyncError('already-running', 'This source is already being synced; its result will show when it finishes.');
  }
  running.add(sourceId);
  try {
    return await work();
  } finally {
    running.delete(sourceId);
  }
}

/** Whether a sync of the source holds the lock right now (for disabling "Sync now"). */
export function isSyncRunning(sourceId: string): boolean {
  return running.has(sourceId);
}
