/**
 * Git sync on desktop, in the main process: Node's fs for the object store in the app's data folder and
 * Node's http (no CORS). The page keeps the cache, so it sends what the cache holds and gets back a
 * change set to apply in one transaction; the token never leaves this process.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import http from 'isomorphic-git/http/node';
import { EVENT_CHANNELS, type SyncRunRequest, type SyncRunResponse } from '../core/desktop/ipcContract';
import { fileIndexFromMap } from '../core/sync/cachedFileIndex';
import { classifySyncError, scrub } from '../core/sync/classifySyncError';
import { withSourceLock } from '../core/sync/sourceLock';
import { SyncError } from '../core/sync/syncError';
import { syncGitSource } from '../core/sync/syncGitSource';
import { sendToRenderer, type EventTarget as RendererTarget } from './rendererEvents';

/** Folder of the app's data folder that holds one object store (bare repository) per source. */
export const GIT_STORES_FOLDER = 'git';

export interface DesktopGitSyncOptions {
  /** The app's data folder (`app.getPath('userData')`). */
  userDataPath: string;
  /** The token store's `readToken`; called once per sync, the token stays in this process. */
  readToken(sourceId: string): Promise<string | undefined>;
  /** `net.isOnline()`: a known-offline machine fails fast with `offline`. */
  isOnline?: () => boolean;
}

/** Runs one sync for the page `target`, sending it `sync:progress` events. Never rejects. */
export type DesktopGitSync = (request: SyncRunRequest, target: RendererTarget) => Promise<SyncRunResponse>;

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
  // isomorphic-git's object cache per source: pack indexes stay in memory between syncs.
  const objectCaches = new Map<string, object>();

  return async (request, target) => {
    const { sourceId } = request;
    let token: string | undefined;
    try {
      // Main's own lock: the page also locks, but another window or a reloaded page must not fetch
      // into the same object store while a sync runs.
      return await withSourceLock(sourceId, async (): Promise<SyncRunResponse> => {
        token = await options.readToken(sourceId);
        const gitdir = path.join(storesRoot, objectStoreFolderName(sourceId));
        // Created here because the engine's own folder maker splits on `/` only (Windows paths use `\`).
        await fs.promises.mkdir(gitdir, { recursive: true });
        let cache = objectCaches.get(sourceId);
        if (!cache) objectCaches.set(sourceId, (cache = {}));
        const { changeSet, stats } = await syncGitSource(
          {
            sourceId,
            url: request.url,
            ...(request.branch !== undefined ? { branch: request.branch } : {}),
            ...(request.subdir !== undefined ? { subdir: request.subdir } : {}),
            ...(token ? { token } : {}),
            ...(request.previousCommit !== undefined ? { previousCommit: request.previousCommit } : {}),
            cached: fileIndexFromMap(new Map(Object.entries(request.cached))),
            ...(request.maxFileBytes !== undefined ? { maxFileBytes: request.maxFileBytes } : {}),
            ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
            ...(options.isOnline ? { isOnline: options.isOnline } : {}),
            onProgress: (progress) => sendToRenderer(target, EVENT_CHANNELS.syncProgress, { sourceId, progress: { ...progress } }),
          },
          { fs, http, gitdir, cache },
        );
        return { ok: true, changeSet, stats };
      });
    } catch (error) {
      const secrets = token ? [token, encodeURIComponent(token)] : [];
      const failure =
        error instanceof SyncError
          ? error
          : classifySyncError(error, { url: request.url, tokenSent: Boolean(token), packStarted: false, secrets });
      // Engine messages are built without the token; scrubbing again costs nothing and keeps it that way.
      return { ok: false, error: { code: failure.code, message: scrub(failure.message, secrets) } };
    }
  };
}
