import type { GitSyncOutcome } from '../../core/sync/runGitSync';
import type { SyncProgress } from '../../core/sync/syncGitSource';
import type { SourceToken } from '../../core/sync/tokenBinding';

/**
 * What the page asks the sync worker. The token travels only in the `sync` message, never in a URL.
 * - `sync`: sync one source; answered with `progress` messages and one `done`.
 * - `cancel`: stop that source's running sync (its `done` then says `cancelled`); nothing when none runs.
 * - `delete-store`: the source was removed: stop its sync and delete its object store; answered with `store-deleted`.
 * - `prune-stores`: delete the object stores of every source but these (and those syncing); answered with `stores-pruned`.
 */
export type SyncWorkerRequest =
  | { type: 'sync'; sourceId: string; token?: SourceToken; corsProxy?: string; corsProxyTrusted?: boolean }
  | { type: 'cancel'; sourceId: string }
  | { type: 'delete-store'; sourceId: string }
  | { type: 'prune-stores'; keepSourceIds: string[] };

export type SyncWorkerReply =
  | { type: 'progress'; sourceId: string; progress: SyncProgress }
  | { type: 'done'; sourceId: string; outcome: GitSyncOutcome }
  | { type: 'store-deleted'; sourceId: string; deleted: boolean; reason?: string | undefined }
  | { type: 'stores-pruned'; removed: number; failed: number };

/** Name of the worker's LightningFS, which is also the name of the IndexedDB database it lives in. */
export const WORKER_FS_NAME = 'runbook-reader-git';
