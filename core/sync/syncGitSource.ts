import git, { type HttpClient } from 'isomorphic-git';
import type { ChangeSet } from '../model';
import type { CachedFileIndex } from './cachedFileIndex';
import type { CommitSignatureMark } from '../model';
import { checkStoredCommitSignature } from './checkStoredCommitSignature';
import { changeSetFromTrees, type SyncCounts, type TreeChangeSet } from './changeSetFromTrees';
import { checkRepositoryUrl, normaliseSubdir } from './checkSourceSettings';
import { classifySyncError } from './classifySyncError';
import { treeAt, type TreeReader } from './compareTrees';
import { fetchCommit } from './fetchCommit';
import type { TransferLimits } from './guardHttp';
import { forgetFetchedObjects } from './fetchedObjects';
import { memoizeStoreReads } from './memoizeStoreReads';
import { asGitFs, prepareObjectStore, wipeObjectStore } from './objectStore';
import type { ObjectStoreFs } from './objectStoreFs';
import type { PathWarning, SkippedPath } from './readChangedFiles';
import { SyncError, syncCancelled } from './syncError';
import type { SourceToken } from './tokenBinding';

export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

/**
 * Where a sync is, for a progress bar:
 * `connecting` (asking the server for its branches), `fetching` (downloading and indexing the pack;
 * `percent` when the server reports it), `reading` (comparing the old and new trees), `parsing` (reading
 * and ingesting the changed files; `percent` of them done), `done`.
 */
export type SyncPhase = 'connecting' | 'fetching' | 'reading' | 'parsing' | 'done';

export interface SyncProgress {
  phase: SyncPhase;
  percent?: number | undefined;
}

/** One source to sync, and what the cache already holds of it. */
export interface GitSyncRequest {
  /** The source's id in the cache (`SourceRecord.id`); every record of the change set carries it. */
  sourceId: string;
  /** http(s) address of the repository, with no credentials in it. */
  url: string;
  /** Branch to follow; the remote's default branch (its HEAD) when absent. */
  branch?: string | undefined;
  /** Folder of the repository that holds the runbooks; cache paths are relative to it. */
  subdir?: string | undefined;
  /**
   * Access token and the origin it was saved for; sent only when the server asks (HTTP 401), as Basic auth
   * per `authForHost`, and only to that origin (see `decideTokenUse`).
   */
  token?: SourceToken | undefined;
  /** User name to send with the token instead of the host's convention. */
  username?: string | undefined;
  /** Browser only: a CORS proxy URL prefix (isomorphic-git's `corsProxy`). */
  corsProxy?: string | undefined;
  /** The person trusts `corsProxy` with the token; without it the token is not sent through the proxy. */
  corsProxyTrusted?: boolean | undefined;
  /**
   * The commit the cache holds for this same url/branch/subdir (`SourceRecord.version`). When it is in the
   * object store, only the trees are compared; otherwise the new tree is compared with `cached`.
   * Pass nothing when the source's settings changed.
   */
  previousCommit?: string | undefined;
  /** Path → blob id of what the cache holds for the source. */
  cached: CachedFileIndex;
  /**
   * OpenSSH public keys the fetched commit must be signed with (`SourceRecord.pinnedSigningKeys`); a commit
   * signed otherwise is refused with `signature-refused` and nothing is kept. Absent: nothing is refused.
   */
  pinnedSigningKeys?: string | undefined;
  /** With pinned keys: refuse an unsigned commit instead of applying it marked unsigned. */
  requireSignedCommits?: boolean | undefined;
  /**
   * Read and ingest every file again, unchanged ones too: the cache was written by an older ingest
   * (`SourceRecord.ingestVersion`). Unchanged files still count as `unchanged`; `parsed` includes them.
   */
  rereadAll?: boolean | undefined;
  /** Files larger than this are skipped (default 2 MiB, like ingest). */
  maxFileBytes?: number | undefined;
  /** Longest silence from the server before the sync gives up (default 60 s). */
  timeoutMs?: number | undefined;
  /** Overall deadline and minimum rate of the download (defaults in `DEFAULT_TRANSFER_LIMITS`). */
  limits?: TransferLimits | undefined;
  /** Cancels the sync; it then rejects with `SyncError('cancelled')` and nothing is changed. */
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: SyncProgress) => void) | undefined;
  /** `() => navigator.onLine` in the browser: a known-offline device fails fast with `offline`. */
  isOnline?: (() => boolean) | undefined;
}

/** The platform parts, injected so the same engine runs in Electron's main process, a Web Worker and Node. */
export interface GitSyncDeps {
  /** Node's `fs` or a `LightningFS` instance. */
  fs: ObjectStoreFs;
  /** `isomorphic-git/http/node` or `isomorphic-git/http/web`. */
  http: HttpClient;
  /** Folder of this source's object store (a bare repository), kept between syncs. */
  gitdir: string;
  /**
   * isomorphic-git's object cache. One is made per sync when absent; passing the same object to every sync
   * of a source keeps pack indexes and packs in memory between syncs (faster, holds the memory).
   */
  cache?: object | undefined;
}

export type { SyncCounts } from './changeSetFromTrees';

export interface GitSyncStats {
  commit: string;
  branch: string;
  previousCommit?: string;
  /** `trees`: old and new commit compared in the store; `cache`: new tree compared with the cache's blob ids. */
  comparedBy: TreeChangeSet['comparedBy'];
  counts: SyncCounts;
  skipped: SkippedPath[];
  /** Ingest warnings of the runbooks parsed in this sync. */
  warnings: PathWarning[];
  /** Markdown files that were ingested in this sync. */
  parsed: number;
  timings: { fetchMs: number; compareMs: number; readMs: number; parseMs: number; totalMs: number };
}

export interface GitSyncResult {
  /** Hand to `applyChangeSet`; the engine itself never writes the cache. */
  changeSet: ChangeSet;
  stats: GitSyncStats;
}

/**
 * Brings one Git source up to date: a shallow single-branch fetch into the object store, then the
 * change set from the commit the cache holds to the fetched one. Only files whose blob ids changed are
 * read and parsed; renames are recognised by blob id.
 *
 * All-or-nothing: the engine never touches the cache (the caller applies `changeSet` with
 * `applyChangeSet`, one transaction), and a failed or interrupted fetch is rolled back in the object
 * store. Every failure is a `SyncError` whose message names no token.
 *
 * Not locked: callers that may overlap go through `withSourceLock` (as `runGitSync` does).
 */
export async function syncGitSource(request: GitSyncRequest, deps: GitSyncDeps): Promise<GitSyncResult> {
  const started = performance.now();
  checkRepositoryUrl(request.url);
  const subdir = normaliseSubdir(request.subdir);
  if (request.signal?.aborted) throw syncCancelled();
  const online = request.isOnline?.();
  if (online === false) {
    throw new SyncError('offline', 'This device is offline. The runbooks already saved stay readable; sync again when connected.');
  }
  const progress = request.onProgress ?? (() => {});
  progress({ phase: 'connecting' });

  const store = { ...deps, fs: memoizeStoreReads(deps.fs) };
  const cache = deps.cache ?? {};
  try {
    return await attempt(request, store, subdir, online, cache, false, started);
  } catch (error) {
    if (!(error instanceof StoreUnreadable)) throw error;
    // The fetch worked but the store could not be read back (damaged outside the engine's control):
    // start the store over once; the cache's blob ids keep the change set exact.
    await wipeObjectStore(store.fs, deps.gitdir);
    try {
      return await attempt(request, store, subdir, online, {}, true, started);
    } catch (again) {
      if (again instanceof StoreUnreadable) throw classifySyncError(again.cause, failureContext(request, online));
      throw again;
    }
  } finally {
    // A cache kept between syncs keeps no file contents: what the fetch inflated and the sync did not read
    // (files outside the sub-folder, or all of them when the sync failed) goes now.
    forgetFetchedObjects(cache);
  }
}

/** A read from the store failed after a complete fetch. */
class StoreUnreadable extends Error {
  constructor(override readonly cause: unknown) {
    super('The object store could not be read.');
  }
}

async function attempt(
  request: GitSyncRequest,
  deps: GitSyncDeps,
  subdir: string,
  online: boolean | undefined,
  cache: object,
  fresh: boolean,
  started: number,
): Promise<GitSyncResult> {
  const { fs, gitdir } = deps;
  const progress = request.onProgress ?? (() => {});
  const reader: TreeReader = { fs, gitdir, cache };
  try {
    await prepareObjectStore(fs, gitdir);
  } catch (error) {
    throw classifySyncError(error, failureContext(request, online));
  }
  const have = !fresh && request.previousCommit && (await hasCommit(reader, request.previousCommit)) ? request.previousCommit : undefined;

  const fetchStart = performance.now();
  progress({ phase: 'fetching' });
  let signature: CommitSignatureMark | undefined;
  const fetched = await fetchCommit({
    fs,
    http: deps.http,
    gitdir,
    cache,
    url: request.url,
    branch: request.branch || undefined,
    token: request.token,
    username: request.username || undefined,
    corsProxy: request.corsProxy || undefined,
    corsProxyTrusted: request.corsProxyTrusted,
    have,
    timeoutMs: request.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS,
    limits: request.limits,
    signal: request.signal,
    online,
    onPercent: (percent) => progress(percent === undefined ? { phase: 'fetching' } : { phase: 'fetching', percent }),
    acceptCommit: async (commit) => {
      const verdict = await checkStoredCommitSignature(reader, commit, {
        pinnedKeys: request.pinnedSigningKeys,
        requireSigned: request.requireSignedCommits,
      });
      if (!verdict.accepted) throw new SyncError('signature-refused', verdict.message, verdict.refusal);
      signature = verdict.mark;
    },
  });
  const fetchMs = performance.now() - fetchStart;
  if (request.signal?.aborted) throw syncCancelled();

  progress({ phase: 'reading' });
  let changes: TreeChangeSet;
  try {
    const newTree = await treeAt(reader, fetched.commit, subdir);
    if (newTree === undefined) {
      // Only a sub-folder can be missing (treeAt throws for anything else).
      throw new SyncError(
        'subdir-missing',
        `The folder "${subdir}" does not exist on branch "${fetched.branch}" (commit ${fetched.commit.slice(0, 7)}). Check the sub-folder setting.`,
      );
    }
    changes = await changeSetFromTrees(reader, {
      sourceId: request.sourceId,
      commit: fetched.commit,
      newTree,
      have,
      subdir,
      cached: request.cached,
      rereadAll: request.rereadAll,
      maxFileBytes: request.maxFileBytes,
      signal: request.signal,
      onParsePercent: (percent) => progress({ phase: 'parsing', percent }),
    });
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw new StoreUnreadable(error);
  }

  const { changeSet, comparedBy, counts, skipped, warnings, parsed } = changes;
  changeSet.signature = signature;
  const stats: GitSyncStats = {
    commit: fetched.commit,
    branch: fetched.branch,
    comparedBy,
    counts,
    skipped,
    warnings,
    parsed,
    timings: {
      fetchMs: Math.round(fetchMs),
      compareMs: Math.round(changes.compareMs),
      readMs: Math.round(changes.readMs),
      parseMs: Math.round(changes.parseMs),
      totalMs: Math.round(performance.now() - started),
    },
  };
  if (request.previousCommit) stats.previousCommit = request.previousCommit;
  progress({ phase: 'done', percent: 100 });
  return { changeSet, stats };
}

async function hasCommit(reader: TreeReader, oid: string): Promise<boolean> {
  try {
    await git.readCommit({ fs: asGitFs(reader.fs), gitdir: reader.gitdir, oid, cache: reader.cache });
    return true;
  } catch {
    return false;
  }
}

function failureContext(request: GitSyncRequest, online: boolean | undefined) {
  return {
    url: request.url,
    branch: request.branch || undefined,
    tokenSent: Boolean(request.token),
    packStarted: false,
    online,
    secrets: request.token ? [request.token.value] : [],
  };
}
