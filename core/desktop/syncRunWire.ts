import { fileIndexFromMap } from '../sync/cachedFileIndex';
import type { SyncRunOptions } from '../sync/gitSyncRequest';
import type { GitSyncRequest } from '../sync/syncGitSource';
import type { SyncRunRequest } from './ipcContract';

/**
 * A sync request as it crosses to the Electron main process (`sync:run`): the source's id and what the
 * page's cache holds, nothing about where the source syncs from (main reads that, and the token, itself).
 */
export async function syncRunRequestOf(request: GitSyncRequest): Promise<SyncRunRequest> {
  return {
    sourceId: request.sourceId,
    previousCommit: request.previousCommit || undefined,
    cached: Object.fromEntries(await request.cached.all()),
    rereadAll: request.rereadAll || undefined,
    maxFileBytes: request.maxFileBytes,
    timeoutMs: request.timeoutMs,
    deadlineMs: request.limits?.deadlineMs,
    minBytesPerSecond: request.limits?.minBytesPerSecond,
  };
}

/** The run options main syncs with: the page's cache state and limits from `sync:run`, the rest from main. */
export function runOptionsOfSyncRun(
  request: SyncRunRequest,
  local: Pick<SyncRunOptions, 'token' | 'signal' | 'isOnline' | 'onProgress'>,
): SyncRunOptions {
  return {
    ...local,
    previousCommit: request.previousCommit,
    cached: fileIndexFromMap(new Map(Object.entries(request.cached))),
    rereadAll: request.rereadAll,
    maxFileBytes: request.maxFileBytes,
    timeoutMs: request.timeoutMs,
    limits: { deadlineMs: request.deadlineMs, minBytesPerSecond: request.minBytesPerSecond },
  };
}
