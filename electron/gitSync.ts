/**
 * Git sync on desktop, in the main process: Node's fs for the object store in the app's data folder and
 * Chromium's network stack through `net.fetch` (no CORS, the system's proxy settings). The page keeps the
 * cache, so it sends what the cache holds and gets back a change set to apply in one transaction; the
 * token never leaves this process.
 */
import fs from 'node:fs';
import type { HttpClient } from 'isomorphic-git';
import {
  EVENT_CHANNELS,
  type DeleteSyncStoreResult,
  type OfflineCopyImportWireRequest,
  type OfflineCopyImportWireResponse,
  type OfflineCopyInspectRequest,
  type OfflineCopyInspectResult,
  type PruneSyncStoresResult,
  type SourceSettings,
  type SyncRunRequest,
  type SyncRunResponse,
} from '../core/desktop/ipcContract';
import { runOptionsOfSyncRun } from '../core/desktop/syncRunWire';
import { inspectBundleForSources } from '../core/offlineCopy/inspectBundle';
import { localOfflineCopyEngine } from '../core/offlineCopy/offlineCopyEngine';
import { fullHistoryFetcher } from '../core/offlineCopy/fetchFullHistory';
import { saveOfflineCopyInHost, type OfflineCopySaveOutcome } from '../core/offlineCopy/offlineCopyInHost';
import { describeImportFailure } from '../core/offlineCopy/runOfflineCopyImport';
import { fileIndexFromMap } from '../core/sync/cachedFileIndex';
import { classifySyncError, scrub } from '../core/sync/classifySyncError';
import { gitSyncRequest } from '../core/sync/gitSyncRequest';
import { SyncError } from '../core/sync/syncError';
import { syncGitSource } from '../core/sync/syncGitSource';
import { createSyncHost, type SyncSlot } from '../core/sync/syncHost';
import type { SourceToken } from '../core/sync/tokenBinding';
import { desktopSyncStores } from './gitSyncStores';
import { netHttpClient } from './netHttpClient';
import { sendToRenderer, type EventTarget as RendererTarget } from './rendererEvents';

export { GIT_STORES_FOLDER, objectStoreFolderName } from './gitSyncStores';

export interface DesktopGitSyncOptions {
  /** The app's data folder (`app.getPath('userData')`). */
  userDataPath: string;
  /** Where the source syncs from, as saved through `source:save`; the request itself names only the source. */
  readSettings(sourceId: string): Promise<SourceSettings | undefined>;
  /** The token store's `readToken`; called once per sync, the token stays in this process and goes only to its origin. */
  readToken(sourceId: string): Promise<SourceToken | undefined>;
  /** `net.isOnline()`: a known-offline machine fails fast with `offline`. */
  isOnline?: (() => boolean) | undefined;
  /** The HTTP client; `net.fetch` (Chromium's network stack, so the system proxy) unless a test passes another. */
  http?: HttpClient | undefined;
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
  /** An offline copy's change set, computed in the source's object store under its lock. Never rejects. */
  importOfflineCopy(request: OfflineCopyImportWireRequest): Promise<OfflineCopyImportWireResponse>;
  /** A bundle of the source's commit from its object store, under its lock. Never rejects. */
  writeOfflineCopy(source: { id: string; name: string; version: string; branch?: string | undefined }): Promise<OfflineCopySaveOutcome>;
  /** Which Git source a picked bundle updates: read only, outside the sources' locks. Never rejects. */
  inspectOfflineCopy(request: OfflineCopyInspectRequest): Promise<OfflineCopyInspectResult>;
}

export function createDesktopGitSync(options: DesktopGitSyncOptions): DesktopGitSync {
  const http = options.http ?? netHttpClient;
  const stores = desktopSyncStores(options.userDataPath);
  const host = createSyncHost({ store: stores });

  const run: DesktopGitSync['run'] = async (request, target) => {
    let token: SourceToken | undefined;
    let url = '';
    try {
      // Main's own lock: the page also locks, but another window or a reloaded page must not fetch
      // into the same object store while a sync runs.
      return await host.run(request.sourceId, (slot) => syncInStore(request, target, slot, (read, from) => ((token = read), (url = from))));
    } catch (error) {
      const secrets = token ? [token.value, encodeURIComponent(token.value)] : [];
      const failure =
        error instanceof SyncError ? error : classifySyncError(error, { url, tokenSent: Boolean(token), packStarted: false, secrets });
      // Engine messages are built without the token; scrubbing again costs nothing and keeps it that way.
      return { ok: false, error: { code: failure.code, message: scrub(failure.message, secrets) } };
    }
  };

  /** The sync itself, holding the source's slot; `keepToken` lets the caller scrub the token from failures. */
  async function syncInStore(
    request: SyncRunRequest,
    target: RendererTarget,
    slot: SyncSlot,
    keepToken: (token: SourceToken | undefined, url: string) => void,
  ): Promise<SyncRunResponse> {
    const { sourceId } = request;
    const settings = await options.readSettings(sourceId);
    if (!settings) {
      throw new SyncError('invalid-source', 'The app has no saved address for this source. Remove the source and add it again.');
    }
    const token = await options.readToken(sourceId);
    keepToken(token, settings.url);
    // Created here because the engine's own folder maker splits on `/` only (Windows paths use `\`).
    await fs.promises.mkdir(slot.gitdir, { recursive: true });
    const run = runOptionsOfSyncRun(request, {
      token,
      signal: slot.signal,
      isOnline: options.isOnline,
      onProgress: (progress) => sendToRenderer(target, EVENT_CHANNELS.syncProgress, { sourceId, progress: { ...progress } }),
    });
    const { changeSet, stats } = await syncGitSource(gitSyncRequest(settings, run), { fs, http, gitdir: slot.gitdir, cache: slot.cache });
    return { ok: true, changeSet, stats };
  }

  const importOfflineCopy: DesktopGitSync['importOfflineCopy'] = async (request) => {
    try {
      return await host.run(request.sourceId, async (slot) => {
        await fs.promises.mkdir(slot.gitdir, { recursive: true });
        const { changeSet, provenance } = await localOfflineCopyEngine(slot)({
          ...request,
          cached: fileIndexFromMap(new Map(Object.entries(request.cached))),
          signal: slot.signal,
        });
        return { ok: true as const, changeSet, provenance };
      });
    } catch (error) {
      return { ok: false, error: describeImportFailure(error) };
    }
  };

  return {
    run,
    importOfflineCopy,
    writeOfflineCopy: (source) =>
      saveOfflineCopyInHost(host, source, async (slot, commit) => {
        // Where the source syncs from and its token, as for a sync: the page names the source only.
        const settings = await options.readSettings(source.id);
        if (!settings) throw new SyncError('invalid-source', 'the app has no saved address for this source');
        const token = await options.readToken(source.id);
        await fullHistoryFetcher({ url: settings.url, branch: settings.branch, token, http, isOnline: options.isOnline })(slot, commit);
      }),
    inspectOfflineCopy: async ({ bytes, sources }) => ({ match: await inspectBundleForSources(bytes, sources, stores) }),
    cancel: (sourceId) => host.cancel(sourceId),
    deleteStore: (sourceId) => host.deleteStore(sourceId),
    pruneStores: (keepSourceIds) => host.pruneStores(keepSourceIds),
  };
}
