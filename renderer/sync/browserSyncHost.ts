import type { HttpClient } from 'isomorphic-git';
import { checkMessage } from '../../core/messages/checkMessage';
import type { RunbookDatabase } from '../../core/cache/runbookDatabase';
import { fullHistoryFetcher } from '../../core/offlineCopy/fetchFullHistory';
import { inspectBundleForSources } from '../../core/offlineCopy/inspectBundle';
import { importOfflineCopyInHost, saveOfflineCopyInHost } from '../../core/offlineCopy/offlineCopyInHost';
import { wipeObjectStore } from '../../core/sync/objectStore';
import type { ObjectStoreFs } from '../../core/sync/objectStoreFs';
import { runGitSync, type GitSyncOutcome } from '../../core/sync/runGitSync';
import { SyncError } from '../../core/sync/syncError';
import { syncGitSource } from '../../core/sync/syncGitSource';
import { createSyncHost, type ExclusiveAcrossRealms, type SyncStoreAdapter } from '../../core/sync/syncHost';
import { syncLockName } from './syncLockName';
import { syncWorkerRequestSchema, type SyncWorkerReply, type SyncWorkerRequest } from './syncMessages';
import { thinProgress } from './thinProgress';

/** The browser build's platform parts, as the sync worker creates them (tests pass their own). */
export interface BrowserSyncHostDeps {
  db: RunbookDatabase;
  /** The worker's LightningFS: one IndexedDB-backed file system holding every source's object store. */
  fs: ObjectStoreFs;
  http: HttpClient;
  /**
   * Saves what `fs` keeps in memory (LightningFS's file list) and rejects when that failed, now or in a save
   * it made on its own; run before a sync's results reach the cache, so a full quota is reported as such.
   */
  flushStore?: (() => Promise<void>) | undefined;
  isOnline?: (() => boolean) | undefined;
  /**
   * `navigator.locks`: one lock per source across every tab and window of this site, so two never fetch
   * into the one object store (shared by all tabs) at once. Absent where the browser has none.
   */
  locks?: Pick<LockManager, 'request'> | undefined;
  reply(message: SyncWorkerReply): void;
}

/** The answer a tab gets while another tab or window of the app syncs the source. */
export const SYNCING_ELSEWHERE = 'This source is syncing in another window; its result will show there and here when it finishes.';

/** The folder that holds one object store per source inside the worker's LightningFS. */
const STORES_ROOT = '/sources';

/** The folder of a source's object store (a bare repository) inside the worker's LightningFS. */
export function browserObjectStoreDir(sourceId: string): string {
  return `${STORES_ROOT}/${encodeURIComponent(sourceId)}`;
}

/** The sync host's store adapter over the worker's LightningFS. */
export function browserSyncStores(fs: ObjectStoreFs): SyncStoreAdapter {
  return {
    fs,
    dirOf: browserObjectStoreDir,
    async listStores() {
      try {
        return (await fs.promises.readdir(STORES_ROOT)).map((name) => `${STORES_ROOT}/${name}`);
      } catch {
        return []; // no stores folder yet: nothing was ever synced
      }
    },
    removeStore: (dir) => wipeObjectStore(fs, dir),
    deleteFailure: (error) =>
      `The source's downloaded Git data could not be deleted from this browser's storage (${error instanceof Error ? error.message : String(error)}).`,
  };
}

/**
 * Web Locks as the host's cross-realm lock: `ifAvailable`, so a sync another window runs is not waited for
 * (that would fetch the same thing twice); only what asks to wait (a save) queues for it.
 */
function webLocks(locks: Pick<LockManager, 'request'>): ExclusiveAcrossRealms {
  return async <T>(sourceId: string, work: () => Promise<T>, wait?: boolean): Promise<T> => {
    let result: { value: T } | undefined;
    await locks.request(syncLockName(sourceId), { ifAvailable: wait !== true }, async (lock) => {
      if (lock) result = { value: await work() };
    });
    if (!result) throw new SyncError('already-running', SYNCING_ELSEWHERE);
    return result.value;
  };
}

/**
 * What the sync worker does with each message from the page (see `SyncWorkerRequest`): the shared sync
 * host (`core/sync/syncHost.ts`) over the worker's LightningFS, with `runGitSync` applying each change set
 * to this origin's cache.
 */
export interface BrowserSyncHost {
  /** Does what a checked request asks. */
  handle(request: SyncWorkerRequest): Promise<void>;
  /** A message as it arrives from the page: checked against its schema, answered `refused` (naming the field) when it does not fit. */
  receive(raw: unknown): Promise<void>;
}

export function createBrowserSyncHost(deps: BrowserSyncHostDeps): BrowserSyncHost {
  const { db, http } = deps;
  const stores = browserSyncStores(deps.fs);
  const host = createSyncHost({ store: stores, exclusiveAcrossRealms: deps.locks ? webLocks(deps.locks) : undefined });

  async function sync({ sourceId, token, corsProxy, corsProxyTrusted }: Extract<SyncWorkerRequest, { type: 'sync' }>): Promise<void> {
    let outcome: GitSyncOutcome;
    try {
      outcome = await host.run(sourceId, async ({ fs, gitdir, cache, signal }): Promise<GitSyncOutcome> => {
        const source = await db.sources.get(sourceId);
        if (!source) return { ok: false, error: { code: 'invalid-source', message: 'This source no longer exists.' } };
        const flushStore = deps.flushStore;
        return runGitSync(db, source, {
          // The object store is saved before the change set is applied: a failed save leaves the cache as it was.
          engine: async (request) => {
            const result = await syncGitSource(request, { fs, http, gitdir, cache });
            await flushStore?.();
            return result;
          },
          signal,
          token,
          corsProxy: corsProxy || undefined,
          corsProxyTrusted,
          isOnline: deps.isOnline,
          onProgress: thinProgress((progress) => deps.reply({ type: 'progress', sourceId, progress })),
        });
      });
    } catch (error) {
      // The host refused to start it (already running here or elsewhere, or the source is being removed).
      const { code, message } = error instanceof SyncError ? error : new SyncError('unknown', String(error));
      outcome = { ok: false, error: { code, message } };
    }
    deps.reply({ type: 'done', sourceId, outcome });
  }

  async function handle(request: SyncWorkerRequest): Promise<void> {
    switch (request.type) {
      case 'sync':
        return sync(request);
      case 'cancel':
        host.cancel(request.sourceId);
        return;
      case 'delete-store': {
        const { deleted, reason } = await host.deleteStore(request.sourceId);
        deps.reply({ type: 'store-deleted', sourceId: request.sourceId, deleted, reason });
        return;
      }
      case 'prune-stores':
        deps.reply({ type: 'stores-pruned', ...(await host.pruneStores(request.keepSourceIds)) });
        return;
      case 'import-offline-copy': {
        const outcome = await importOfflineCopyInHost(host, db, request.request);
        deps.reply({ type: 'offline-copy-imported', sourceId: request.request.sourceId, outcome });
        return;
      }
      case 'inspect-offline-copy': {
        // Read only and outside the sources' slots: a sync running meanwhile at worst hides a match.
        const match = await inspectBundleForSources(request.bytes, request.sources, stores);
        deps.reply({ type: 'offline-copy-inspected', inspectId: request.inspectId, match });
        return;
      }
      case 'save-offline-copy': {
        const stored = await db.sources.get(request.source.id);
        const fetchHistory = stored?.location
          ? fullHistoryFetcher({
              url: stored.location,
              branch: stored.branch,
              token: request.token,
              corsProxy: request.corsProxy,
              corsProxyTrusted: request.corsProxyTrusted,
              http,
              isOnline: deps.isOnline,
            })
          : undefined;
        deps.reply({
          type: 'offline-copy-saved',
          sourceId: request.source.id,
          outcome: await saveOfflineCopyInHost(host, request.source, fetchHistory),
        });
        return;
      }
    }
  }

  return {
    handle,
    async receive(raw) {
      const checked = checkMessage(syncWorkerRequestSchema, raw);
      if (!checked.ok) {
        deps.reply({ type: 'refused', reason: `The sync worker refused a message from the page: ${checked.reason}` });
        return;
      }
      await handle(checked.value);
    },
  };
}
