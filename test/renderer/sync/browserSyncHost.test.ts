import 'fake-indexeddb/auto';
import LightningFS from '@isomorphic-git/lightning-fs';
import webHttp from 'isomorphic-git/http/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import type { SourceRecord } from '../../../core/model';
import type { ObjectStoreFs } from '../../../core/sync/objectStoreFs';
import IdbBackend from '@isomorphic-git/lightning-fs/src/IdbBackend.js';
import { browserObjectStoreDir, createBrowserSyncHost } from '../../../renderer/sync/browserSyncHost';
import { openWorkerObjectStore, type LightningFsStore } from '../../../renderer/sync/workerObjectStore';
import type { SyncWorkerReply } from '../../../renderer/sync/syncMessages';
import type { SharedGitServer } from '../../helpers/sharedGitServer';
import { RunbookRepo, runbookPath } from '../../helpers/makeRunbookRepo';
import { cleanUp, dumpCache, openCache, serveGeneratedRepo, shimNavigator } from '../../core/sync/syncFixture';

/**
 * The browser sync worker's message handling, in Node: LightningFS on fake-indexeddb as the object store
 * file system, isomorphic-git's fetch-based web transport, the loopback Git server.
 */
let server: SharedGitServer;
let repo: RunbookRepo;

beforeAll(async () => {
  shimNavigator();
  ({ server, repo } = serveGeneratedRepo('team.git', 8));
});
afterAll(cleanUp);

let stores = 0;

interface Worker {
  db: RunbookDatabase;
  fs: ObjectStoreFs;
  replies: SyncWorkerReply[];
  host: ReturnType<typeof createBrowserSyncHost>;
}

/** A worker as the browser runs it, over a fresh cache holding the given sources. */
async function startWorker(...sources: SourceRecord[]): Promise<Worker> {
  const db = await openCache(sources[0]!);
  for (const source of sources.slice(1)) await db.sources.put(source);
  // LightningFS's promise API has the shape the engine needs; its typings name different option types.
  const fs = new LightningFS(`sync-host-${++stores}`, { wipe: true }) as unknown as ObjectStoreFs;
  const replies: SyncWorkerReply[] = [];
  const host = createBrowserSyncHost({ db, fs, http: webHttp, reply: (message) => replies.push(structuredClone(message)) });
  return { db, fs, replies, host };
}

const source = (id: string, url = server.url('team.git')): SourceRecord => ({ id, kind: 'git', name: `Source ${id}`, location: url });

function doneOf(worker: Worker, sourceId: string) {
  return worker.replies
    .filter((r): r is Extract<SyncWorkerReply, { type: 'done' }> => r.type === 'done' && r.sourceId === sourceId)
    .map((r) => r.outcome);
}

async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; !(await done()); waited += 10) {
    if (waited > 10_000) throw new Error(`${what} never happened`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Starts a sync that stalls mid-download and resolves, once the server is sending its pack, with the
 * sync's own promise (wrapped: an async function returning a promise would wait for it).
 */
async function startStalledSync(worker: Worker, sourceId: string): Promise<{ running: Promise<void> }> {
  repo.write(runbookPath(1), `# Changed upstream\n\n${'words '.repeat(300)}\n`).commit();
  const stalled = server.url('team.git', { kind: 'stall', afterBytes: 20 });
  await worker.db.sources.update(sourceId, { location: stalled });
  const from = (await server.requestLog()).length;
  const running = worker.host.handle({ type: 'sync', sourceId });
  const path = new URL(stalled).pathname;
  await until(
    async () => (await server.requestLog()).slice(from).some((r) => r.method === 'POST' && r.url.startsWith(path)),
    'the pack request',
  );
  return { running };
}

/** The store's methods bound to it, so that one can be replaced in a copy. */
function bindAll(store: LightningFsStore): LightningFsStore {
  return {
    saveSuperblock: (superblock) => store.saveSuperblock(superblock),
    loadSuperblock: () => store.loadSuperblock(),
    readFile: (inode) => store.readFile(inode),
    writeFile: (inode, data) => store.writeFile(inode, data),
    unlink: (inode) => store.unlink(inode),
    wipe: () => store.wipe(),
    close: () => store.close(),
  };
}

async function listStores(fs: ObjectStoreFs): Promise<string[]> {
  return (await fs.promises.readdir('/sources')).sort();
}

describe('the browser sync worker', () => {
  it('syncs a source: progress, then one outcome; its object store is its own folder', async () => {
    const worker = await startWorker(source('team'));
    await worker.host.handle({ type: 'sync', sourceId: 'team' });
    expect(doneOf(worker, 'team')).toMatchObject([{ ok: true, applied: { added: 8 } }]);
    expect(worker.replies.some((r) => r.type === 'progress' && r.progress.phase === 'fetching')).toBe(true);
    expect(await worker.db.runbooks.where('sourceId').equals('team').count()).toBe(8);
    expect(await listStores(worker.fs)).toEqual([browserObjectStoreDir('team').slice('/sources/'.length)]);
  });

  it('cancel stops a running download at once: the cache is as it was and no error is recorded', async () => {
    const worker = await startWorker(source('team'));
    await worker.host.handle({ type: 'sync', sourceId: 'team' });
    const { running } = await startStalledSync(worker, 'team');
    const before = await dumpCache(worker.db);

    await worker.host.handle({ type: 'cancel', sourceId: 'team' });
    await running;
    expect(doneOf(worker, 'team').at(-1)).toEqual({
      ok: false,
      error: { code: 'cancelled', message: expect.stringContaining('Nothing was changed') },
    });
    expect(await dumpCache(worker.db)).toBe(before);

    await worker.db.sources.update('team', { location: server.url('team.git') });
    await worker.host.handle({ type: 'sync', sourceId: 'team' });
    expect(doneOf(worker, 'team').at(-1)).toMatchObject({ ok: true, stats: { comparedBy: 'trees', parsed: 1 } });
  });

  it('cancel of a source that is not syncing does nothing', async () => {
    const worker = await startWorker(source('team'));
    await worker.host.handle({ type: 'cancel', sourceId: 'team' });
    expect(worker.replies).toEqual([]);
  });

  it('delete-store deletes only the removed source’s object store', async () => {
    const worker = await startWorker(source('team'), source('other/with slash'));
    await worker.host.handle({ type: 'sync', sourceId: 'team' });
    await worker.host.handle({ type: 'sync', sourceId: 'other/with slash' });
    expect(await listStores(worker.fs)).toEqual(['other%2Fwith%20slash', 'team']);

    await worker.host.handle({ type: 'delete-store', sourceId: 'other/with slash' });
    expect(worker.replies.at(-1)).toEqual({ type: 'store-deleted', sourceId: 'other/with slash', deleted: true });
    expect(await listStores(worker.fs)).toEqual(['team']);
    await worker.host.handle({ type: 'delete-store', sourceId: 'never-synced' });
    expect(worker.replies.at(-1)).toEqual({ type: 'store-deleted', sourceId: 'never-synced', deleted: true });

    // The remaining source still syncs incrementally from its own store.
    repo.write(runbookPath(2), '# Changed after the removal\n').commit();
    await worker.host.handle({ type: 'sync', sourceId: 'team' });
    expect(doneOf(worker, 'team').at(-1)).toMatchObject({ ok: true, stats: { comparedBy: 'trees', parsed: 1 } });
  });

  it('delete-store of a source that is syncing cancels the sync first, then deletes the store', async () => {
    const worker = await startWorker(source('team'));
    await worker.host.handle({ type: 'sync', sourceId: 'team' });
    const { running } = await startStalledSync(worker, 'team');

    await worker.host.handle({ type: 'delete-store', sourceId: 'team' });
    await running;
    const order = worker.replies
      .filter((r) => r.type !== 'progress')
      .map((r) => (r.type === 'done' ? `done:${r.outcome.ok ? 'ok' : r.outcome.error.code}` : r.type));
    expect(order).toEqual(['done:ok', 'done:cancelled', 'store-deleted']);
    expect(worker.replies.at(-1)).toEqual({ type: 'store-deleted', sourceId: 'team', deleted: true });
    expect(await listStores(worker.fs)).toEqual([]);
  });

  it('prune-stores deletes the stores of sources not kept, but never a kept or a syncing one', async () => {
    const worker = await startWorker(source('team'), source('left over'), source('syncing'));
    for (const id of ['team', 'left over', 'syncing']) await worker.host.handle({ type: 'sync', sourceId: id });
    expect(await listStores(worker.fs)).toEqual(['left%20over', 'syncing', 'team']);
    const { running } = await startStalledSync(worker, 'syncing');

    await worker.host.handle({ type: 'prune-stores', keepSourceIds: ['team'] });
    expect(worker.replies.at(-1)).toEqual({ type: 'stores-pruned', removed: 1, failed: 0 });
    expect(await listStores(worker.fs)).toEqual(['syncing', 'team']);
    await worker.host.handle({ type: 'cancel', sourceId: 'syncing' });
    await running;

    // The kept source syncs on from its own store.
    repo.write(runbookPath(3), '# Changed after the prune\n').commit();
    await worker.host.handle({ type: 'sync', sourceId: 'team' });
    expect(doneOf(worker, 'team').at(-1)).toMatchObject({ ok: true, stats: { comparedBy: 'trees' } });
  });

  it('prune-stores on a worker that never synced finds nothing to delete', async () => {
    const worker = await startWorker(source('team'));
    await worker.host.handle({ type: 'prune-stores', keepSourceIds: [] });
    expect(worker.replies).toEqual([{ type: 'stores-pruned', removed: 0, failed: 0 }]);
  });

  it('prune-stores at the next start removes what a sync killed mid-download left in a kept store', async () => {
    const worker = await startWorker(source('team'));
    await worker.host.handle({ type: 'sync', sourceId: 'team' });
    const store = browserObjectStoreDir('team');
    const packs = (await worker.fs.promises.readdir(`${store}/objects/pack`)).sort();
    // What a killed fetch leaves: its marker (listing the packs before it), a half-written pack, a new shallow line.
    const write = (path: string, text: string) => worker.fs.promises.writeFile(`${store}/${path}`, new TextEncoder().encode(text));
    await write('runbook-reader-fetch.json', JSON.stringify({ shallow: null, packs }));
    await write(`objects/pack/pack-${'0'.repeat(40)}.pack`, 'PACK partial');
    await write('shallow', `${'f'.repeat(40)}\n`);

    await worker.host.handle({ type: 'prune-stores', keepSourceIds: ['team'] });
    expect((await worker.fs.promises.readdir(`${store}/objects/pack`)).sort()).toEqual(packs);
    expect(await worker.fs.promises.readdir(store)).not.toContain('runbook-reader-fetch.json');
    expect(await worker.fs.promises.readdir(store)).not.toContain('shallow');
  });

  it('a sync whose object store cannot be saved (quota full) says storage is full and leaves the cache as it was', async () => {
    const db = await openCache(source('team'));
    const quota = { full: false };
    const name = `sync-host-${++stores}`;
    const idb = new IdbBackend(name, `${name}_files`);
    await idb.wipe();
    const objectStore = openWorkerObjectStore(name, {
      ...bindAll(idb),
      async saveSuperblock(superblock) {
        if (quota.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        await idb.saveSuperblock(superblock);
      },
    });
    const replies: SyncWorkerReply[] = [];
    const host = createBrowserSyncHost({
      db,
      fs: objectStore.fs,
      flushStore: objectStore.flush,
      http: webHttp,
      reply: (message) => replies.push(structuredClone(message)),
    });
    const worker: Worker = { db, fs: objectStore.fs, replies, host };
    await host.handle({ type: 'sync', sourceId: 'team' });
    expect(doneOf(worker, 'team')).toMatchObject([{ ok: true }]);

    repo.write(runbookPath(4), '# Changed while storage is full\n').commit();
    const before = await dumpCache(db);
    quota.full = true;
    await host.handle({ type: 'sync', sourceId: 'team' });
    expect(doneOf(worker, 'team').at(-1)).toEqual({
      ok: false,
      error: { code: 'storage-full', message: expect.stringContaining('not enough storage space') },
    });
    const after = await db.sources.get('team');
    expect(after?.lastError?.code).toBe('storage-full');
    await db.sources.update('team', { lastError: undefined });
    expect(await dumpCache(db)).toBe(before);

    quota.full = false;
    await host.handle({ type: 'sync', sourceId: 'team' });
    expect(doneOf(worker, 'team').at(-1)).toMatchObject({ ok: true });
  });

  it('a source removed from the cache is not synced', async () => {
    const worker = await startWorker(source('team'));
    await worker.host.handle({ type: 'sync', sourceId: 'gone' });
    expect(doneOf(worker, 'gone')).toEqual([{ ok: false, error: { code: 'invalid-source', message: 'This source no longer exists.' } }]);
  });
});

describe('two tabs or windows of the app', () => {
  it('never sync one source at once: the second is told it is syncing in another window, and changes nothing', async () => {
    const db = await openCache(source('tabs'));
    const fs = new LightningFS(`sync-host-${++stores}`, { wipe: true }) as unknown as ObjectStoreFs;
    const replies: SyncWorkerReply[] = [];
    const asked: string[] = [];
    // Another window holds every lock: `ifAvailable` then hands the callback null.
    const heldElsewhere = {
      request: (async (name: string, _options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>) => {
        asked.push(name);
        return callback(null);
      }) as unknown as LockManager['request'],
    };
    const host = createBrowserSyncHost({
      db,
      fs,
      http: webHttp,
      locks: heldElsewhere,
      reply: (message) => replies.push(structuredClone(message)),
    });
    const before = await dumpCache(db);
    await host.handle({ type: 'sync', sourceId: 'tabs' });
    expect(asked).toEqual(['runbook-reader-sync:tabs']);
    expect(replies).toEqual([
      {
        type: 'done',
        sourceId: 'tabs',
        outcome: { ok: false, error: { code: 'already-running', message: expect.stringContaining('syncing in another window') } },
      },
    ]);
    expect(await dumpCache(db)).toBe(before);

    // With the lock free, the same tab syncs.
    const free = {
      request: (async (_name: string, _options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>) =>
        callback({ name: 'x', mode: 'exclusive' })) as unknown as LockManager['request'],
    };
    const replies2: SyncWorkerReply[] = [];
    const host2 = createBrowserSyncHost({
      db,
      fs,
      http: webHttp,
      locks: free,
      reply: (message) => replies2.push(structuredClone(message)),
    });
    await host2.handle({ type: 'sync', sourceId: 'tabs' });
    expect(replies2.at(-1)).toMatchObject({ type: 'done', outcome: { ok: true } });
  });

  it('a sync does not wait for another window’s, but saving an offline copy queues for it rather than being refused', async () => {
    const db = await openCache(source('queue'));
    const fs = new LightningFS(`sync-host-${++stores}`, { wipe: true }) as unknown as ObjectStoreFs;
    const replies: SyncWorkerReply[] = [];
    const onlyIfFree: boolean[] = [];
    const locks = {
      request: (async (_name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>) => {
        onlyIfFree.push(options.ifAvailable === true);
        return callback({ name: 'x', mode: 'exclusive' });
      }) as unknown as LockManager['request'],
    };
    const host = createBrowserSyncHost({ db, fs, http: webHttp, locks, reply: (message) => replies.push(structuredClone(message)) });
    await host.handle({ type: 'sync', sourceId: 'queue' });
    const synced = await db.sources.get('queue');
    await host.handle({ type: 'save-offline-copy', source: { id: 'queue', name: 'Queue', version: synced?.version } });
    expect(onlyIfFree).toEqual([true, false]);
    expect(replies.at(-1)).toMatchObject({ type: 'offline-copy-saved', outcome: { ok: true } });
  });
});

describe('messages the worker cannot take', () => {
  it('are refused with a reason naming the field, and nothing is done', async () => {
    const worker = await startWorker(source('team'));
    const before = await dumpCache(worker.db);
    await worker.host.receive({ type: 'sync', sourceId: 'team', token: 'ghp_plain' });
    await worker.host.receive({ type: 'delete-store' });
    expect(worker.replies).toEqual([
      { type: 'refused', reason: 'The sync worker refused a message from the page: token: must be Object' },
      { type: 'refused', reason: 'The sync worker refused a message from the page: sourceId: is missing' },
    ]);
    expect(JSON.stringify(worker.replies)).not.toContain('ghp_plain');
    expect(await dumpCache(worker.db)).toBe(before);
  });

  it('a message that fits is done as asked', async () => {
    const worker = await startWorker(source('team'));
    await worker.host.receive({ type: 'prune-stores', keepSourceIds: ['team'] });
    expect(worker.replies).toEqual([{ type: 'stores-pruned', removed: 0, failed: 0 }]);
  });
});
