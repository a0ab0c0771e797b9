/**
 * Git sync on desktop, in the main process: Node's fs for the object store in the app's data folder and
 * Chromium's network stack through `net.fetch` (no CORS, the system's proxy settings). The page keeps the
 * cache, so it sends what the cache holds and gets back a change set to apply in one transaction; the
 * token never leaves this process.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HttpClient } from 'isomorphic-git';
import {
  EVENT_CHANNELS,
  type DeleteSyncStoreResult,
  type PruneSyncStoresResult,
  type SourceSettings,
  type SyncRunRequest,
  type SyncRunResponse,
} from '../core/desktop/ipcContract';
import { fileIndexFromMap } from '../core/sync/cachedFileIndex';
import { classifySyncError, scrub } from '../core/sync/classifySyncError';
import { rollbackFetch } from '../core/sync/objectStore';
import { withSourceLock } from '../core/sync/sourceLock';
import { SyncError } from '../core/sync/syncError';
import { syncGitSource } from '../core/sync/syncGitSource';
import type { SourceToken } from '../core/sync/tokenBinding';
import { netHttpClient } from './netHttpClient';
import { sendToRenderer, type EventTarget as RendererTarget } from './rendererEvents';

/** Folder of the app's data folder that holds one object store (bare repository) per source. */
export const GIT_STORES_FOLDER = 'git';

export interface DesktopGitSyncOptions {
  /** The app's data folder (`app.getPath('userData')`). */
  userDataPath: string;
  /** Where the source syncs from, as saved through `source:save`; the request itself names only the source. */
  readSettings(sourceId: string): Promise<SourceSettings | undefined>;
  /** The token store's `readToken`; called once per sync, the token stays in this process and goes only to its origin. */
  readToken(sourceId: string): Promise<SourceToken | undefined>;
  /** `net.isOnline()`: a known-offline machine fails fast with `offline`. */
  isOnline?: () => boolean;
  /** The HTTP client; `net.fetch` (Chromium's network stack, so the system proxy) unless a test passes another. */
  http?: HttpClient;
}

export interface DesktopGitSync {
  /** Runs one sync for the page `target`, sending it `sync:progress` events. Never rejects. */
  run(request: SyncRunRequest, target: RendererTarget): Promise<SyncRunResponse>;
  /** Stops the source's running sync, which then answers `cancelled`; false when none was running. */
  cancel(sourceId: string): boolean;
  /** Deletes the source's object store (stopping its sync first) and forgets its in-memory object cache. */
  deleteStore(sourceId: string): Promise<DeleteSyncStoreResult>;
  /** Deletes every object store but those of `keepSourceIds` and of running syncs. */
  pruneStores(keepSourceIds: readonly string[]): Promise<PruneSyncStoresResult>;
}

interface RunningSync {
  controller: AbortController;
  /** Settles when the sync has stopped touching the object store and released the source's lock. */
  finished: Promise<void>;
}

/** Names `objectStoreFolderName` gives; nothing else in the stores folder is ever deleted by a prune. */
const STORE_FOLDER = /-[0-9a-f]{16}$/;

/**
 * The object store folder of a source: readable, and unique per id even where two ids sanitise alike or a
 * file system ignores case (hence the hash). Ids come from the page, so nothing of them can name a path.
 */
export function objectStoreFolderName(sourceId: string): string {
  const readable = sourceId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const hash = createHash('sha256').update(sourceId, 'utf8').digest('hex').slice(0, 16);
  return `${readable}-${hash}`;
}

export function createDesktopGitSync(options: DesktopGitSyncOptions): DesktopGitSync {
  const storesRoot = path.join(options.userDataPath, GIT_STORES_FOLDER);
  const http = options.http ?? netHttpClient;
  // isomorphic-git's object cache per source: pack indexes stay in memory between syncs.
  const objectCaches = new Map<string, object>();
  const running = new Map<string, RunningSync>();
  const storeOf = (sourceId: string) => path.join(storesRoot, objectStoreFolderName(sourceId));

  const run: DesktopGitSync['run'] = async (request, target) => {
    const { sourceId } = request;
    let token: SourceToken | undefined;
    let url = '';
    let settle: (() => void) | undefined;
    try {
      // Main's own lock: the page also locks, but another window or a reloaded page must not fetch
      // into the same object store while a sync runs.
      return await withSourceLock(sourceId, async (): Promise<SyncRunResponse> => {
        const controller = new AbortController();
        running.set(sourceId, { controller, finished: new Promise<void>((resolve) => (settle = resolve)) });
        try {
          return await syncInStore(request, target, controller.signal, (read, from) => ((token = read), (url = from)));
        } finally {
          running.delete(sourceId);
        }
      });
    } catch (error) {
      const secrets = token ? [token.value, encodeURIComponent(token.value)] : [];
      const failure =
        error instanceof SyncError ? error : classifySyncError(error, { url, tokenSent: Boolean(token), packStarted: false, secrets });
      // Engine messages are built without the token; scrubbing again costs nothing and keeps it that way.
      return { ok: false, error: { code: failure.code, message: scrub(failure.message, secrets) } };
    } finally {
      // Only now is the source's lock released, so whoever waits on `finished` can take it.
      settle?.();
    }
  };

  /** The sync itself, inside the source's lock; `keepToken` lets the caller scrub the token from failures. */
  async function syncInStore(
    request: SyncRunRequest,
    target: RendererTarget,
    signal: AbortSignal,
    keepToken: (token: SourceToken | undefined, url: string) => void,
  ): Promise<SyncRunResponse> {
    const { sourceId } = request;
    const settings = await options.readSettings(sourceId);
    if (!settings) {
      throw new SyncError('invalid-source', 'The app has no saved address for this source. Remove the source and add it again.');
    }
    const token = await options.readToken(sourceId);
    keepToken(token, settings.url);
    const gitdir = storeOf(sourceId);
    // Created here because the engine's own folder maker splits on `/` only (Windows paths use `\`).
    await fs.promises.mkdir(gitdir, { recursive: true });
    let cache = objectCaches.get(sourceId);
    if (!cache) objectCaches.set(sourceId, (cache = {}));
    const { changeSet, stats } = await syncGitSource(
      {
        sourceId,
        url: settings.url,
        ...(settings.branch !== undefined ? { branch: settings.branch } : {}),
        ...(settings.subdir !== undefined ? { subdir: settings.subdir } : {}),
        ...(token ? { token } : {}),
        ...(request.previousCommit !== undefined ? { previousCommit: request.previousCommit } : {}),
        cached: fileIndexFromMap(new Map(Object.entries(request.cached))),
        ...(request.rereadAll ? { rereadAll: true } : {}),
        ...(request.maxFileBytes !== undefined ? { maxFileBytes: request.maxFileBytes } : {}),
        ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
        limits: { deadlineMs: request.deadlineMs, minBytesPerSecond: request.minBytesPerSecond },
        signal,
        ...(options.isOnline ? { isOnline: options.isOnline } : {}),
        onProgress: (progress) => sendToRenderer(target, EVENT_CHANNELS.syncProgress, { sourceId, progress: { ...progress } }),
      },
      { fs, http, gitdir, cache },
    );
    return { ok: true, changeSet, stats };
  }

  const cancel: DesktopGitSync['cancel'] = (sourceId) => {
    const sync = running.get(sourceId);
    sync?.controller.abort();
    return sync !== undefined;
  };

  const deleteStore: DesktopGitSync['deleteStore'] = async (sourceId) => {
    const sync = running.get(sourceId);
    if (sync) {
      sync.controller.abort();
      await sync.finished;
    }
    try {
      // Under the source's lock, so no sync can write into the folder while it is deleted.
      await withSourceLock(sourceId, async () => {
        objectCaches.delete(sourceId);
        await fs.promises.rm(storeOf(sourceId), { recursive: true, force: true });
      });
      return { deleted: true };
    } catch (error) {
      if (error instanceof SyncError && error.code === 'already-running') {
        return {
          deleted: false,
          reason: 'A new sync of this source started while it was being removed; its downloaded data is deleted at the next start.',
        };
      }
      const code = (error as { code?: unknown } | undefined)?.code;
      return {
        deleted: false,
        reason: `The source's downloaded Git data could not be deleted from the app's data folder (${typeof code === 'string' ? code : 'unknown error'}).`,
      };
    }
  };

  const pruneStores: DesktopGitSync['pruneStores'] = async (keepSourceIds) => {
    // A sync killed mid-download (the app closed, a crash) left its partial pack in a kept store; it goes
    // now, at start, rather than whenever that source next syncs.
    for (const sourceId of keepSourceIds) {
      if (running.has(sourceId)) continue;
      await withSourceLock(sourceId, () => rollbackFetch(fs, storeOf(sourceId))).catch(() => undefined);
    }
    const keep = new Set([...keepSourceIds, ...running.keys()].map(objectStoreFolderName));
    let names: string[];
    try {
      names = await fs.promises.readdir(storesRoot);
    } catch {
      return { removed: 0, failed: 0 }; // no stores folder yet: nothing was ever synced
    }
    const result: PruneSyncStoresResult = { removed: 0, failed: 0 };
    for (const name of names) {
      if (keep.has(name) || !STORE_FOLDER.test(name)) continue;
      try {
        await fs.promises.rm(path.join(storesRoot, name), { recursive: true, force: true });
        result.removed++;
      } catch {
        result.failed++;
      }
    }
    return result;
  };

  return { run, cancel, deleteStore, pruneStores };
}
