import { forgetFetchedObjects } from './fetchedObjects';
import { rollbackFetch } from './objectStore';
import type { ObjectStoreFs } from './objectStoreFs';
import { SyncError } from './syncError';

/**
 * Where a platform keeps its object stores (one bare repository per source): a folder of the app's data
 * folder on desktop, the worker's LightningFS in the browser. The host decides when; the adapter says where.
 */
export interface SyncStoreAdapter {
  fs: ObjectStoreFs;
  /** The folder of a source's object store. Source ids come from the page, so nothing of them may name another path. */
  dirOf(sourceId: string): string;
  /** Every object store folder present now (full paths, as `dirOf` gives them); [] when none was ever made. */
  listStores(): Promise<string[]>;
  /** Deletes one store folder and all it holds; no error when it is already gone. */
  removeStore(dir: string): Promise<void>;
  /** Why a store could not be deleted, in words a person can act on (`error` is what `removeStore` threw). */
  deleteFailure(error: unknown): string;
}

/**
 * A lock that spans more than this host (the browser's Web Locks, one per source across every tab and
 * window). Runs `work` holding it, or throws `SyncError('already-running')` without waiting when another
 * holder has it, unless `wait` asks to wait for it to be let go.
 */
export type ExclusiveAcrossRealms = <T>(sourceId: string, work: () => Promise<T>, wait?: boolean) => Promise<T>;

export interface RunOptions {
  /**
   * Wait for a running sync of the source to finish instead of refusing: for what a person asked for once
   * (saving an offline copy), which a background sync that happened to start first must not turn down.
   */
  waitForTurn?: boolean;
}

/** What a sync gets from the host: its store, its cancel switch, and the source's in-memory object cache. */
export interface SyncSlot {
  fs: ObjectStoreFs;
  gitdir: string;
  signal: AbortSignal;
  /** isomorphic-git's object cache for the source: pack indexes stay in memory between its syncs. */
  cache: object;
}

export interface DeleteStoreResult {
  deleted: boolean;
  /** Why it was not deleted, in words a person can act on. */
  reason?: string | undefined;
}

export interface PruneStoresResult {
  removed: number;
  failed: number;
}

export interface SyncHost {
  /**
   * Runs `work` as the only sync of the source in this host, with its slot. Throws
   * `SyncError('already-running')` at once while one runs (or another realm holds the source), and
   * `SyncError('invalid-source')` while the source's store is being deleted.
   */
  run<T>(sourceId: string, work: (slot: SyncSlot) => Promise<T>, options?: RunOptions): Promise<T>;
  /** Stops the source's running sync (its work sees the signal abort); false when none was running. */
  cancel(sourceId: string): boolean;
  /** Stops the source's sync, waits for it to let go of the store, then deletes the store. Never rejects. */
  deleteStore(sourceId: string): Promise<DeleteStoreResult>;
  /**
   * Deletes every store but those of `keepSourceIds`, of running syncs and of deletions under way; first
   * rolls back the half-done fetch a killed sync left in a kept store. Never rejects.
   */
  pruneStores(keepSourceIds: readonly string[]): Promise<PruneStoresResult>;
}

export interface SyncHostOptions {
  store: SyncStoreAdapter;
  /** Absent where this host is the only one that can touch its stores (the Electron main process). */
  exclusiveAcrossRealms?: ExclusiveAcrossRealms | undefined;
}

interface RunningSync {
  controller: AbortController;
  /** Settles when the sync has stopped touching the object store. */
  finished: Promise<void>;
}

export const SOURCE_BEING_REMOVED = 'This source is being removed.';

/**
 * The per-source sync host every platform runs: one sync per source at a time, a cancel switch per running
 * sync, deletion of a removed source's store (after its sync stopped), and pruning of stores no source owns.
 * The Electron main process and the browser's sync worker each make one over their own store adapter.
 */
export function createSyncHost({ store, exclusiveAcrossRealms }: SyncHostOptions): SyncHost {
  const objectCaches = new Map<string, object>();
  const running = new Map<string, RunningSync>();
  const deleting = new Set<string>();
  /** Prunes rolling back a kept store's interrupted fetch; a sync of that source waits for it. */
  const recovering = new Map<string, Promise<void>>();

  /**
   * What a run must wait for before it may start: the running sync of the source here, or nothing. Without
   * `wait` a running sync refuses the run instead. Synchronous when the source is free, so that the check and
   * the claim that follows it happen in one turn and two runs can never both pass.
   */
  function turnOf(sourceId: string, wait: boolean): Promise<void> | undefined {
    const sync = running.get(sourceId);
    if (sync && !wait) throw alreadyRunning();
    if (!sync && deleting.has(sourceId)) throw new SyncError('invalid-source', SOURCE_BEING_REMOVED);
    return sync?.finished;
  }

  async function runHere<T>(sourceId: string, work: (slot: SyncSlot) => Promise<T>, wait: boolean): Promise<T> {
    // Checked again: another call may have started while this one waited for the cross-realm lock.
    for (let turn = turnOf(sourceId, wait); turn; turn = turnOf(sourceId, wait)) await turn;
    const controller = new AbortController();
    let settle!: () => void;
    running.set(sourceId, { controller, finished: new Promise<void>((resolve) => (settle = resolve)) });
    let cache = objectCaches.get(sourceId);
    if (!cache) objectCaches.set(sourceId, (cache = {}));
    try {
      return await work({ fs: store.fs, gitdir: store.dirOf(sourceId), signal: controller.signal, cache });
    } finally {
      forgetFetchedObjects(cache);
      running.delete(sourceId);
      settle();
    }
  }

  const run: SyncHost['run'] = async (sourceId, work, options) => {
    const wait = options?.waitForTurn === true;
    const recovery = recovering.get(sourceId);
    if (recovery) await recovery;
    if (deleting.has(sourceId)) throw new SyncError('invalid-source', SOURCE_BEING_REMOVED);
    for (let turn = turnOf(sourceId, wait); turn; turn = turnOf(sourceId, wait)) await turn;
    return exclusiveAcrossRealms
      ? exclusiveAcrossRealms(sourceId, () => runHere(sourceId, work, wait), wait)
      : runHere(sourceId, work, wait);
  };

  const cancel: SyncHost['cancel'] = (sourceId) => {
    const sync = running.get(sourceId);
    sync?.controller.abort();
    return sync !== undefined;
  };

  const deleteStore: SyncHost['deleteStore'] = async (sourceId) => {
    // No sync of the source may start (and write into the store) until it is gone.
    deleting.add(sourceId);
    try {
      const recovery = recovering.get(sourceId);
      if (recovery) await recovery;
      const sync = running.get(sourceId);
      if (sync) {
        sync.controller.abort();
        await sync.finished;
      }
      objectCaches.delete(sourceId);
      await store.removeStore(store.dirOf(sourceId));
      return { deleted: true };
    } catch (error) {
      return { deleted: false, reason: store.deleteFailure(error) };
    } finally {
      deleting.delete(sourceId);
    }
  };

  const pruneStores: SyncHost['pruneStores'] = async (keepSourceIds) => {
    const busy = (sourceId: string) => running.has(sourceId) || deleting.has(sourceId);
    // A sync killed mid-download (the app or tab closed, a crash) left its partial pack in a kept store;
    // it goes now, at start, rather than whenever that source next syncs.
    for (const sourceId of keepSourceIds) {
      if (busy(sourceId) || recovering.has(sourceId)) continue;
      const rollback = rollbackFetch(store.fs, store.dirOf(sourceId)).catch(() => undefined);
      recovering.set(sourceId, rollback);
      await rollback;
      recovering.delete(sourceId);
    }
    const keep = new Set([...keepSourceIds, ...running.keys(), ...deleting].map((id) => store.dirOf(id)));
    const result: PruneStoresResult = { removed: 0, failed: 0 };
    let dirs: string[];
    try {
      dirs = await store.listStores();
    } catch {
      return result;
    }
    for (const dir of dirs) {
      if (keep.has(dir)) continue;
      try {
        await store.removeStore(dir);
        result.removed++;
      } catch {
        result.failed++;
      }
    }
    return result;
  };

  return { run, cancel, deleteStore, pruneStores };
}

function alreadyRunning(): SyncError {
  return new SyncError('already-running', 'This source is already being synced; its result will show when it finishes.');
}
