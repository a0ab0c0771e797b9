import type { DeleteSyncStoreResult, PruneSyncStoresResult } from '../../core/desktop/ipcContract';
import type { GitSyncOutcome } from '../../core/sync/runGitSync';
import type { SyncProgress } from '../../core/sync/syncGitSource';

/**
 * How the page reaches the sync engine; one is chosen when the page starts (`chooseSyncTransport`):
 * IPC to the Electron main process on desktop, the sync worker in a browser. Every method resolves with
 * what happened and never rejects.
 */
export interface SyncTransport {
  readonly kind: 'ipc' | 'worker';
  /** Syncs one Git source into the page's cache. The caller makes sure one source syncs once at a time. */
  sync(sourceId: string, onProgress: (progress: SyncProgress) => void): Promise<GitSyncOutcome>;
  /** Stops the source's running sync; it then ends as `cancelled` and changes nothing. */
  cancel(sourceId: string): void;
  /** Stops the source's sync and deletes its object store (its downloaded Git data). */
  deleteStore(sourceId: string): Promise<DeleteSyncStoreResult>;
  /** Deletes the object stores of every source but `keepSourceIds` (and those syncing). */
  pruneStores(keepSourceIds: string[]): Promise<PruneSyncStoresResult>;
  /** Starts what a sync runs in (the browser's worker) ahead of the first sync, which then starts at once. */
  prepare(): void;
}

/** An outcome for a sync that could not even be asked for. */
export function failedOutcome(error: unknown): GitSyncOutcome {
  return { ok: false, error: { code: 'unknown', message: error instanceof Error ? error.message : String(error) } };
}
