/// <reference lib="webworker" />
import '../platform/installBufferGlobal';
import http from 'isomorphic-git/http/web';
import { DATABASE_NAME, RunbookDatabase } from '../../core/cache/runbookDatabase';
import { createBrowserSyncHost } from './browserSyncHost';
import { WORKER_FS_NAME } from './syncMessages';
import { openWorkerObjectStore } from './workerObjectStore';

// The browser build's sync: the same engine as on desktop, with an IndexedDB-backed object store
// and the browser's fetch, off the UI thread so reading never waits for it.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const objectStore = openWorkerObjectStore(WORKER_FS_NAME);
const host = createBrowserSyncHost({
  // Relaxed: a change set's transaction is reported done without waiting for the disk to flush. It is still
  // applied whole or not at all; an operating-system crash right after a sync can only lose that sync.
  db: new RunbookDatabase(DATABASE_NAME, { chromeTransactionDurability: 'relaxed' }),
  fs: objectStore.fs,
  flushStore: objectStore.flush,
  http,
  isOnline: () => navigator.onLine,
  locks: navigator.locks,
  reply: (message) => scope.postMessage(message),
});

// Every message is checked against its schema before anything is done with it.
scope.onmessage = (event: MessageEvent<unknown>) => {
  void host.receive(event.data);
};
