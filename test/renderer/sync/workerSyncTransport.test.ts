import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import type { SyncProgress } from '../../../core/sync/syncGitSource';
import type { SyncWorkerRequest } from '../../../renderer/sync/syncMessages';
import { createWorkerSyncTransport, type SyncWorkerPort } from '../../../renderer/sync/workerSyncTransport';

let databases = 0;

/** A worker as the page sees it: it records what it is asked and answers whatever the test sends back. */
function fakeWorker() {
  const asked: SyncWorkerRequest[] = [];
  const port: SyncWorkerPort = {
    postMessage: (message) => asked.push(structuredClone(message)),
    onmessage: null,
    onerror: null,
  };
  return {
    port,
    asked,
    answer: (data: unknown) => port.onmessage?.({ data } as MessageEvent<unknown>),
    fail: (message: string) => port.onerror?.({ message } as ErrorEvent),
  };
}

function transport(options: { storage?: boolean; token?: boolean } = {}) {
  const worker = fakeWorker();
  let started = 0;
  const db = new RunbookDatabase(`worker-transport-${++databases}`);
  const sync = createWorkerSyncTransport({
    db,
    startWorker: () => (started++, worker.port),
    readToken: async () => (options.token ? { token: { value: 'ghp_x', origin: 'https://git.example.com' } } : undefined),
    hasWorkerStorage: async () => options.storage ?? true,
  });
  return { sync, worker, db, started: () => started };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('the worker sync transport', () => {
  it('asks the worker to sync with the saved token, passes progress on and resolves with the outcome', async () => {
    const { sync, worker } = transport({ token: true });
    const progress: SyncProgress[] = [];
    const outcome = sync.sync('ops', (p) => progress.push(p));
    await until(() => worker.asked.length > 0);
    expect(worker.asked).toEqual([{ type: 'sync', sourceId: 'ops', token: { value: 'ghp_x', origin: 'https://git.example.com' } }]);
    worker.answer({ type: 'progress', sourceId: 'ops', progress: { phase: 'fetching', percent: 10 } });
    worker.answer({ type: 'progress', sourceId: 'other', progress: { phase: 'reading' } });
    worker.answer({ type: 'done', sourceId: 'ops', outcome: { ok: false, error: { code: 'offline', message: 'Offline.' } } });
    expect(await outcome).toEqual({ ok: false, error: { code: 'offline', message: 'Offline.' } });
    expect(progress).toEqual([{ phase: 'fetching', percent: 10 }]);
  });

  it('prepared, starts the worker once and before any sync, and the sync after uses that worker', async () => {
    const { sync, worker, started } = transport();
    sync.prepare();
    sync.prepare();
    expect(started()).toBe(1);
    expect(worker.asked).toEqual([]);
    const outcome = sync.sync('ops', () => {});
    await until(() => worker.asked.length > 0);
    expect(started()).toBe(1);
    worker.answer({ type: 'done', sourceId: 'ops', outcome: { ok: false, error: { code: 'offline', message: 'Offline.' } } });
    expect(await outcome).toEqual({ ok: false, error: { code: 'offline', message: 'Offline.' } });
  });

  it('an answer that does not fit its schema ends the waiting calls with a reason naming the field', async () => {
    const { sync, worker } = transport();
    const outcome = sync.sync('ops', () => {});
    await until(() => worker.asked.length > 0);
    worker.answer({ type: 'done', sourceId: 'ops', outcome: { ok: true, applied: { added: 1 } } });
    expect(await outcome).toEqual({
      ok: false,
      error: {
        code: 'unknown',
        message: expect.stringMatching(/^The sync worker sent a message this page does not understand \(outcome\.stats: /),
      },
    });
  });

  it('a message of a type the page does not know is not understood either', async () => {
    const { sync, worker } = transport();
    const deletion = sync.deleteStore('ops');
    worker.answer({ type: 'gremlins', sourceId: 'ops' });
    expect(await deletion).toEqual({ deleted: false, reason: expect.stringContaining('(type: ') });
  });

  it('the worker refusing a message ends the waiting calls with its reason', async () => {
    const { sync, worker } = transport();
    const deletion = sync.deleteStore('ops');
    worker.answer({ type: 'refused', reason: 'The sync worker refused a message from the page: sourceId: is missing' });
    expect(await deletion).toEqual({ deleted: false, reason: 'The sync worker refused a message from the page: sourceId: is missing' });
  });

  it('a failed worker ends every waiting call and is started again on the next need', async () => {
    const { sync, worker, started } = transport();
    const outcome = sync.sync('ops', () => {});
    await until(() => worker.asked.length > 0);
    const prune = sync.pruneStores(['ops']);
    await until(() => worker.asked.length > 1);
    worker.fail('out of memory');
    expect(await outcome).toEqual({ ok: false, error: { code: 'unknown', message: 'The sync worker failed: out of memory' } });
    expect(await prune).toEqual({ removed: 0, failed: 0 });
    const deletion = sync.deleteStore('ops');
    expect(started()).toBe(2);
    worker.answer({ type: 'store-deleted', sourceId: 'ops', deleted: true });
    expect(await deletion).toEqual({ deleted: true });
  });

  it('cancel goes to a running worker only; pruning starts no worker when the worker never stored anything', async () => {
    const { sync, worker, started } = transport({ storage: false });
    sync.cancel('ops');
    expect(await sync.pruneStores([])).toEqual({ removed: 0, failed: 0 });
    expect(started()).toBe(0);
    expect(worker.asked).toEqual([]);
  });

  it('pruning asks the worker with the kept ids and resolves with its counts', async () => {
    const { sync, worker } = transport();
    const prune = sync.pruneStores(['ops', 'team']);
    await until(() => worker.asked.length > 0);
    expect(worker.asked).toEqual([{ type: 'prune-stores', keepSourceIds: ['ops', 'team'] }]);
    worker.answer({ type: 'stores-pruned', removed: 2, failed: 1 });
    expect(await prune).toEqual({ removed: 2, failed: 1 });
  });
});
