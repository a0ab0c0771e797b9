import type { GitSyncOutcome } from '../../core/sync/runGitSync';
import type { SyncProgress } from '../../core/sync/syncGitSource';

/** What the page asks the sync worker. The token travels only in this message, never in a URL. */
export interface SyncWorkerRequest {
  type: 'sync';
  sourceId: string;
  token?: string;
  corsProxy?: string;
}

export type SyncWorkerReply =
  | { type: 'progress'; sourceId: string; progress: SyncProgress }
  | { type: 'done'; sourceId: string; outcome: GitSyncOutcome };
