import type { HttpClient } from 'isomorphic-git';
import type { RunbookDatabase } from '../../core/cache/runbookDatabase';
import { rollbackFetch, wipeObjectStore } from '../../core/sync/objectStore';
import type { ObjectStoreFs } from '../../core/sync/objectStoreFs';
import { runGitSync } from '../../core/sync/runGitSync';
import type { SyncWorkerReply, SyncWorkerRequest } from './syncMessages';

/** The browser build's platform parts, as the sync worker creates them (tests pass their own). */
export interface BrowserSyncHostDeps {
  db: RunbookDatabase;
  /** The worker's LightningFS: one IndexedDB-backed file system holding every source's object store. */
  fs: ObjectStoreFs;
  http: HttpClient;
  isOnline?: () => boolean;
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

interface RunningSync {
  controller: AbortController;
  /** Settles when the sync has stopped touching the object store. */
  finished: Promise<void>;
}

/**
 * What the sync worker does with each message from the page (see `SyncWorkerRequest`): the same engine
 * as on desktop, with a cancel switch per running sync, the deletion of a removed source's object store,
 * and the deletion of stores no source owns any more.
 */
export function createBrowserSyncHost(deps: BrowserSyncHostDeps): { handle(request: SyncWorkerRequest): Promise<void> } {
  const { db, fs, http } = deps;
  // isomorphic-git's object cache per source: pack indexes stay in memory between syncs.
  const objectCaches = new Map<string, object>();
  const running = new Map<string, RunningSync>();
  const deleting = new Set<string>();

  async function sync(request: Extract<SyncWorkerRequest, { type: 'sync' }>): Promise<void> {
    const { sourceId } = request;
    if (deleting.has(sourceId)) {
      deps.reply({
        type: 'done',
        sourceId,
        outcome: { ok: false, error: { code: 'invalid-source', message: 'This source is being removed.' } },
      });
      return;
    }
    if (running.has(sourceId)) {
      // The page never asks twice (it joins the running sync); answer like runGitSync's lock would.
      deps.reply({
        type: 'done',
        sourceId,
        outcome: {
          ok: false,
          error: { code: 'already-running', message: 'This source is already being synced; its result will show when it finishes.' },
        },
      });
      return;
    }
    if (!deps.locks) return syncHoldingLock(request);
    // `ifAvailable`: a sync another window runs is not waited for (that would fetch the same thing twice).
    await deps.locks.request(`runbook-reader-sync:${sourceId}`, { ifAvailable: true }, async (lock) => {
      if (lock) return syncHoldingLock(request);
      deps.reply({ type: 'done', sourceId, outcome: { ok: false, error: { code: 'already-running', message: SYNCING_ELSEWHERE } } });
    });
  }

  async function syncHoldingLock(request: Extract<SyncWorkerRequest, { type: 'sync' }>): Promise<void> {
    const { sourceId, token, corsProxy } = request;
    const controller = new AbortController();
    let settle!: () => void;
    running.set(sourceId, { controller, finished: new Promise<void>((resolve) => (settle = resolve)) });
    try {
      const source = await db.sources.get(sourceId);
      if (!source) {
        deps.reply({
          type: 'done',
          sourceId,
          outcome: { ok: false, error: { code: 'invalid-source', message: 'This source no longer exists.' } },
        });
        return;
      }
      let objectCache = objectCaches.get(sourceId);
      if (!objectCache) objectCaches.set(sourceId, (objectCache = {}));
      const outcome = await runGitSync(db, source, {
        fs,
        http,
        gitdir: browserObjectStoreDir(sourceId),
        cache: objectCache,
        signal: controller.signal,
        ...(token ? { token } : {}),
        ...(corsProxy ? { corsProxy } : {}),
        ...(request.corsProxyTrusted ? { corsProxyTrusted: true } : {}),
        ...(deps.isOnline ? { isOnline: deps.isOnline } : {}),
        onProgress: (progress) => deps.reply({ type: 'progress', sourceId, progress }),
      });
      deps.reply({ type: 'done', sourceId, outcome });
    } finally {
      running.delete(sourceId);
      settle();
    }
  }

  async function deleteStore(sourceId: string): Promise<void> {
    // No sync of the source may start (and write into the store) until it is gone.
    deleting.add(sourceId);
    try {
      const active = running.get(sourceId);
      if (active) {
        active.controller.abort();
        await active.finished;
      }
      objectCaches.delete(sourceId);
      await wipeObjectStore(fs, browserObjectStoreDir(sourceId));
      deps.reply({ type: 'store-deleted', sourceId, deleted: true });
    } catch (error) {
      const reason = `The source's downloaded Git data could not be deleted from this browser's storage (${error instanceof Error ? error.message : String(error)}).`;
      deps.reply({ type: 'store-deleted', sourceId, deleted: false, reason });
    } finally {
      deleting.delete(sourceId);
    }
  }

  async function pruneStores(keepSourceIds: readonly string[]): Promise<void> {
    // A sync killed mid-download (the tab closed) left its partial pack in a kept store: removed at start.
    for (const sourceId of keepSourceIds) {
      if (running.has(sourceId) || deleting.has(sourceId)) continue;
      await rollbackFetch(fs, browserObjectStoreDir(sourceId)).catch(() => undefined);
    }
    const keep = new Set([...keepSourceIds, ...running.keys(), ...deleting].map(browserObjectStoreDir));
    const result = { removed: 0, failed: 0 };
    let names: string[] = [];
    try {
      names = await fs.promises.readdir(STORES_ROOT);
    } catch {
      // No stores folder yet: nothing was ever synced.
    }
    for (const name of names) {
      const dir = `${STORES_ROOT}/${name}`;
      if (keep.has(dir)) continue;
      try {
        await wipeObjectStore(fs, dir);
        result.removed++;
      } catch {
        result.failed++;
      }
    }
    deps.reply({ type: 'stores-pruned', ...result });
  }

  return {
    async handle(request) {
      switch (request.type) {
        case 'sync':
          return sync(request);
        case 'cancel':
          running.get(request.sourceId)?.controller.abort();
          return;
        case 'delete-store':
          return deleteStore(request.sourceId);
        case 'prune-stores':
          return pruneStores(request.keepSourceIds);
      }
    },
  };
}
