import { describe, expect, it } from 'vitest';
import { fetchedObjectsLeft } from '../../../core/sync/fetchedObjects';
import type { ObjectStoreFs } from '../../../core/sync/objectStoreFs';
import { SyncError } from '../../../core/sync/syncError';
import { createSyncHost, SOURCE_BEING_REMOVED, type ExclusiveAcrossRealms, type SyncSlot } from '../../../core/sync/syncHost';

/** A promise settled from outside, to hold a sync or a file read where a test wants it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const missing = () => Object.assign(new Error('no such file'), { code: 'ENOENT' });

/**
 * The store adapter over an in-memory set of store folders. Only `readFile` of the file system is used
 * (a prune looks for an interrupted fetch's marker); `readMarker` lets a test hold that read.
 */
function fakeStores(initial: string[] = []) {
  const stores = new Set(initial.map((id) => `/stores/${id}`));
  const removed: string[] = [];
  const failing = new Set<string>();
  let readMarker: (path: string) => Promise<Uint8Array> = async () => Promise.reject(missing());
  const fs = {
    promises: { readFile: (path: string) => readMarker(path) },
  } as unknown as ObjectStoreFs;
  return {
    stores,
    removed,
    failing,
    holdMarkerReads(read: (path: string) => Promise<Uint8Array>) {
      readMarker = read;
    },
    adapter: {
      fs,
      dirOf: (sourceId: string) => `/stores/${sourceId}`,
      listStores: async () => [...stores],
      async removeStore(dir: string) {
        if (failing.has(dir)) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
        stores.delete(dir);
        removed.push(dir);
      },
      deleteFailure: (error: unknown) => `could not delete (${(error as { code: string }).code})`,
    },
  };
}

/** Starts a sync that runs until `release` is called; `slot` resolves once the work has started. */
function holdSync(host: ReturnType<typeof createSyncHost>, sourceId: string) {
  const slot = deferred<SyncSlot>();
  const release = deferred();
  const done = host.run(sourceId, async (given) => {
    slot.resolve(given);
    await release.promise;
    return given.signal.aborted ? 'stopped' : 'finished';
  });
  return { slot: slot.promise, release: () => release.resolve(), done };
}

describe('the sync host', () => {
  it('gives each run its source’s store folder, a fresh cancel switch and the same object cache as the last run', async () => {
    const { adapter } = fakeStores();
    const host = createSyncHost({ store: adapter });
    const first = await host.run('ops', async (slot) => slot);
    const second = await host.run('ops', async (slot) => slot);
    const other = await host.run('team', async (slot) => slot);
    expect(first.gitdir).toBe('/stores/ops');
    expect(first.fs).toBe(adapter.fs);
    expect(second.cache).toBe(first.cache);
    expect(second.signal).not.toBe(first.signal);
    expect(other.cache).not.toBe(first.cache);
  });

  it('runs one sync per source: a second one is refused at once with already-running, another source runs beside it', async () => {
    const host = createSyncHost({ store: fakeStores().adapter });
    const running = holdSync(host, 'ops');
    await running.slot;
    await expect(host.run('ops', async () => 'second')).rejects.toMatchObject({ code: 'already-running' });
    expect(await host.run('team', async () => 'beside')).toBe('beside');
    running.release();
    expect(await running.done).toBe('finished');
    expect(await host.run('ops', async () => 'after')).toBe('after');
  });

  it('a run that waits for its turn starts when the running sync finishes, after it, and one after a failed sync too', async () => {
    const host = createSyncHost({ store: fakeStores().adapter });
    const order: string[] = [];
    const running = holdSync(host, 'ops');
    await running.slot;
    const save = host.run('ops', async () => (order.push('save'), 'saved'), { waitForTurn: true });
    await Promise.resolve();
    expect(order).toEqual([]);
    order.push('sync done');
    running.release();
    expect(await save).toBe('saved');
    expect(order).toEqual(['sync done', 'save']);

    const failing = host.run('ops', async () => Promise.reject(new Error('network')));
    const after = host.run('ops', async () => 'after a failure', { waitForTurn: true });
    await expect(failing).rejects.toThrow('network');
    expect(await after).toBe('after a failure');
  });

  it('a run waiting for its turn is refused when the source is removed meanwhile', async () => {
    const stores = fakeStores(['ops']);
    const host = createSyncHost({ store: stores.adapter });
    const running = holdSync(host, 'ops');
    await running.slot;
    let ran = false;
    const save = host.run('ops', async () => (ran = true), { waitForTurn: true });
    const deletion = host.deleteStore('ops');
    running.release();
    await expect(save).rejects.toMatchObject({ code: 'invalid-source', message: SOURCE_BEING_REMOVED });
    expect(await deletion).toEqual({ deleted: true });
    expect(ran).toBe(false);
  });

  it('drops what a run’s fetch inflated and the run did not read when it ends, whether it succeeded or failed', async () => {
    const host = createSyncHost({ store: fakeStores().adapter });
    // What the patched isomorphic-git leaves in the cache after a fetch (see fetchedObjects.ts).
    const leaveFetched = (slot: SyncSlot) => {
      (slot.cache as Record<symbol, unknown>)[Symbol.for('isomorphic-git.fetchedObjects')] = new Map([['a1', {}]]);
      expect(fetchedObjectsLeft(slot.cache)).toBe(1);
      return slot.cache;
    };
    const cache = await host.run('ops', async (slot) => leaveFetched(slot));
    expect(fetchedObjectsLeft(cache)).toBe(0);
    let failed: object | undefined;
    await expect(
      host.run('ops', async (slot) => {
        failed = leaveFetched(slot);
        throw new Error('network');
      }),
    ).rejects.toThrow('network');
    expect(failed).toBe(cache);
    expect(fetchedObjectsLeft(cache)).toBe(0);
  });

  it('a work that fails frees the source for the next run', async () => {
    const host = createSyncHost({ store: fakeStores().adapter });
    await expect(host.run('ops', async () => Promise.reject(new Error('network')))).rejects.toThrow('network');
    expect(await host.run('ops', async () => 'again')).toBe('again');
  });

  it('cancel aborts the running sync’s signal and says whether one was running', async () => {
    const host = createSyncHost({ store: fakeStores().adapter });
    expect(host.cancel('ops')).toBe(false);
    const running = holdSync(host, 'ops');
    const slot = await running.slot;
    expect(host.cancel('team')).toBe(false);
    expect(slot.signal.aborted).toBe(false);
    expect(host.cancel('ops')).toBe(true);
    expect(slot.signal.aborted).toBe(true);
    running.release();
    expect(await running.done).toBe('stopped');
  });

  it('deleting a store stops the source’s sync, waits for it to let go, then deletes; no sync starts meanwhile', async () => {
    const stores = fakeStores(['ops', 'team']);
    const host = createSyncHost({ store: stores.adapter });
    const running = holdSync(host, 'ops');
    const slot = await running.slot;

    const deletion = host.deleteStore('ops');
    expect(slot.signal.aborted).toBe(true);
    await expect(host.run('ops', async () => 'during')).rejects.toEqual(new SyncError('invalid-source', SOURCE_BEING_REMOVED));
    await Promise.resolve();
    expect(stores.removed).toEqual([]); // the sync has not finished yet
    running.release();
    expect(await deletion).toEqual({ deleted: true });
    expect(await running.done).toBe('stopped');
    expect(stores.removed).toEqual(['/stores/ops']);
    expect(await host.run('ops', async () => 'afterwards')).toBe('afterwards');
  });

  it('a deletion that fails says why in the adapter’s words, and the source can sync again', async () => {
    const stores = fakeStores(['ops']);
    stores.failing.add('/stores/ops');
    const host = createSyncHost({ store: stores.adapter });
    expect(await host.deleteStore('ops')).toEqual({ deleted: false, reason: 'could not delete (EBUSY)' });
    expect(await host.run('ops', async () => 'again')).toBe('again');
  });

  it('pruning deletes the stores of sources not kept, never a kept, syncing or being-deleted one, and counts failures', async () => {
    const stores = fakeStores(['kept', 'syncing', 'gone', 'stuck', 'removing']);
    stores.failing.add('/stores/stuck');
    const host = createSyncHost({ store: stores.adapter });
    const running = holdSync(host, 'syncing');
    await running.slot;
    const removing = holdSync(host, 'removing');
    await removing.slot;
    const deletion = host.deleteStore('removing');

    expect(await host.pruneStores(['kept'])).toEqual({ removed: 1, failed: 1 });
    expect([...stores.stores].sort()).toEqual(['/stores/kept', '/stores/removing', '/stores/stuck', '/stores/syncing']);
    running.release();
    removing.release();
    await Promise.all([running.done, removing.done, deletion]);
  });

  it('pruning with no stores folder at all finds nothing to delete', async () => {
    const stores = fakeStores();
    stores.adapter.listStores = async () => Promise.reject(missing());
    expect(await createSyncHost({ store: stores.adapter }).pruneStores([])).toEqual({ removed: 0, failed: 0 });
  });

  it('a sync asked for while a prune rolls back its kept store waits for the rollback, then runs', async () => {
    const stores = fakeStores(['ops']);
    const read = deferred<Uint8Array>();
    stores.holdMarkerReads(() => read.promise);
    const host = createSyncHost({ store: stores.adapter });
    const prune = host.pruneStores(['ops']);
    let ran = false;
    const sync = host.run('ops', async () => (ran = true));
    await Promise.resolve();
    expect(ran).toBe(false);
    read.reject(missing()); // no interrupted fetch: nothing to roll back
    expect(await sync).toBe(true);
    expect(await prune).toEqual({ removed: 0, failed: 0 });
  });

  it('a lock held in another realm refuses the run without running it; a free one runs it inside the lock', async () => {
    const calls: string[] = [];
    const heldElsewhere: ExclusiveAcrossRealms = async (sourceId) => {
      calls.push(sourceId);
      throw new SyncError('already-running', 'syncing in another window');
    };
    let ran = false;
    const refused = createSyncHost({ store: fakeStores().adapter, exclusiveAcrossRealms: heldElsewhere });
    await expect(refused.run('ops', async () => (ran = true))).rejects.toMatchObject({ code: 'already-running' });
    expect(ran).toBe(false);
    expect(calls).toEqual(['ops']);

    const order: string[] = [];
    const free: ExclusiveAcrossRealms = async (_sourceId, work) => {
      order.push('lock');
      try {
        return await work();
      } finally {
        order.push('unlock');
      }
    };
    const host = createSyncHost({ store: fakeStores().adapter, exclusiveAcrossRealms: free });
    expect(await host.run('ops', async () => (order.push('work'), 'done'))).toBe('done');
    expect(order).toEqual(['lock', 'work', 'unlock']);
  });

  it('asks the other realms’ lock to wait only for a run that waits for its turn', async () => {
    const asked: (boolean | undefined)[] = [];
    const lock: ExclusiveAcrossRealms = async (_sourceId, work, wait) => {
      asked.push(wait);
      return work();
    };
    const host = createSyncHost({ store: fakeStores().adapter, exclusiveAcrossRealms: lock });
    await host.run('ops', async () => 'sync');
    await host.run('ops', async () => 'save', { waitForTurn: true });
    expect(asked).toEqual([false, true]);
  });
});
