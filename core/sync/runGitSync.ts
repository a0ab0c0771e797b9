import { applyChangeSet, type AppliedChangeSummary } from '../cache/applyChangeSet';
import type { RunbookDatabase } from '../cache/runbookDatabase';
import type { SourceRecord } from '../model';
import { classifySyncError } from './classifySyncError';
import { fileIndexFromCache } from './fileIndexFromCache';
import { cachedStateOf, gitSyncRequest, syncSettingsOf } from './gitSyncRequest';
import { withSourceLock } from './sourceLock';
import type { TransferLimits } from './guardHttp';
import { SyncError, syncCancelled, type SyncErrorCode } from './syncError';
import type { SourceToken } from './tokenBinding';
import {
  syncGitSource,
  type GitSyncDeps,
  type GitSyncRequest,
  type GitSyncResult,
  type GitSyncStats,
  type SyncProgress,
} from './syncGitSource';

/**
 * Computes a change set for a request: `syncGitSource` by default, or another realm's engine (the desktop
 * page hands the request to the Electron main process, which does the network and parsing).
 */
export type GitSyncEngine = (request: GitSyncRequest) => Promise<GitSyncResult>;

/**
 * Platform parts and per-run settings; see `GitSyncDeps` and `GitSyncRequest` for each field.
 * `fs`, `http` and `gitdir` are required unless `engine` is given.
 */
export interface RunGitSyncDeps extends Partial<GitSyncDeps> {
  /** Runs the sync somewhere else; when absent, `syncGitSource` runs here with `fs`, `http` and `gitdir`. */
  engine?: GitSyncEngine | undefined;
  /** The source's access token and the origin it was saved for, read from the platform's secret store just for this run. */
  token?: SourceToken | undefined;
  username?: string | undefined;
  corsProxy?: string | undefined;
  corsProxyTrusted?: boolean | undefined;
  maxFileBytes?: number | undefined;
  timeoutMs?: number | undefined;
  limits?: TransferLimits | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: SyncProgress) => void) | undefined;
  isOnline?: (() => boolean) | undefined;
  now?: (() => Date) | undefined;
}

/** Plain data (no class instances), so it crosses IPC and `postMessage` unchanged. */
export type GitSyncOutcome =
  | { ok: true; stats: GitSyncStats; applied: AppliedChangeSummary; at: string }
  | { ok: false; error: { code: SyncErrorCode; message: string } };

/** Outcomes that say nothing about the source, so they are not recorded as its last error. */
const NOT_RECORDED: ReadonlySet<SyncErrorCode> = new Set(['already-running', 'cancelled']);

/**
 * Syncs one Git source into the cache; this is what "Sync now", the start-up sync, the `online` event
 * and the periodic timer call. It takes the source's lock (a second call while one runs resolves at once
 * with `already-running`), runs the engine against what the cache holds, and applies the change set
 * with `applyChangeSet` in one transaction.
 *
 * On failure the cache is exactly as it was, except that the source record's `lastError` is set (with
 * `update`, so no other field is touched); a later successful sync clears it. Never rejects: the
 * outcome says what happened.
 */
export async function runGitSync(db: RunbookDatabase, source: SourceRecord, deps: RunGitSyncDeps): Promise<GitSyncOutcome> {
  const now = deps.now ?? (() => new Date());
  try {
    return await withSourceLock(source.id, async () => {
      const current = (await db.sources.get(source.id)) ?? source;
      if (current.kind !== 'git' || !current.location) {
        throw new SyncError('invalid-source', 'This source has no Git repository address.');
      }
      const engine = deps.engine ?? localEngine(deps);
      const { changeSet, stats } = await engine(
        gitSyncRequest(syncSettingsOf(current), {
          ...cachedStateOf(current),
          cached: fileIndexFromCache(db, current.id),
          token: deps.token,
          username: deps.username,
          corsProxy: deps.corsProxy,
          corsProxyTrusted: deps.corsProxyTrusted,
          maxFileBytes: deps.maxFileBytes,
          timeoutMs: deps.timeoutMs,
          limits: deps.limits,
          signal: deps.signal,
          onProgress: deps.onProgress,
          isOnline: deps.isOnline,
        }),
      );
      const at = now();
      let applied: AppliedChangeSummary;
      try {
        applied = await applyChangeSet(db, changeSet, at);
      } catch (error) {
        throw classifySyncError(error, {
          url: current.location,
          tokenSent: Boolean(deps.token),
          packStarted: false,
          secrets: deps.token ? [deps.token.value] : [],
        });
      }
      if (current.lastError) await db.sources.update(current.id, { lastError: undefined });
      return { ok: true as const, stats, applied, at: at.toISOString() };
    });
  } catch (error) {
    // Cancelled is cancelled, whatever the abort broke on its way out (it is never the source's last error).
    const failure = deps.signal?.aborted
      ? syncCancelled()
      : error instanceof SyncError
        ? error
        : classifySyncError(error, {
            url: source.location ?? '',
            tokenSent: Boolean(deps.token),
            packStarted: false,
            secrets: deps.token ? [deps.token.value] : [],
          });
    if (!NOT_RECORDED.has(failure.code)) {
      try {
        await db.sources.update(source.id, { lastError: { at: now().toISOString(), message: failure.message, code: failure.code } });
      } catch {
        // The cache itself is failing; the outcome below still reports the sync's own error.
      }
    }
    return { ok: false, error: { code: failure.code, message: failure.message } };
  }
}

/** `syncGitSource` in this realm, with the platform parts the caller injected. */
function localEngine(deps: RunGitSyncDeps): GitSyncEngine {
  const { fs, http, gitdir, cache } = deps;
  if (!fs || !http || !gitdir) {
    throw new SyncError(
      'unknown',
      'The sync is not set up on this device: it needs either an engine, or a file system, an HTTP client and an object store folder.',
    );
  }
  return (request) => syncGitSource(request, { fs, http, gitdir, cache });
}
