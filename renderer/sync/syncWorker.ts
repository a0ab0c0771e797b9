/// <reference lib="webworker" />
import '../platform/installBufferGlobal';
import LightningFS from '@isomorphic-git/lightning-fs';
import http from 'isomorphic-git/http/web';
import { RunbookDatabase } from '../../core/cache/runbookDatabase';
import { runGitSync } from '../../core/sync/runGitSync';
import type { SyncWorkerReply, SyncWorkerRequest } from './syncMessages';

// The browser build's sync: the same engine as on desktop, with an IndexedDB-backed object store
// and the browser's fetch, off the UI thread so reading never waits for it.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = new RunbookDatabase();
const fs = new LightningFS('runbook-reader-git');
const cache = new Map<string, object>();

function reply(message: SyncWorkerReply): void {
  scope.postMessage(message);
}

scope.onmessage = async (event: MessageEvent<SyncWorkerRequest>) => {
  const request = event.data;
  if (request.type !== 'sync') return;
  const source = await db.sources.get(request.sourceId);
  if (!source) {
    reply({ type: 'done', sourceId: request.sourceId, outcome: { ok: false, error: { code: 'invalid-source', message: 'This source no longer exists.' } } });
    return;
  }
  let objectCache = cache.get(source.id);
  if (!objectCache) cache.set(source.id, (objectCache = {}));
  const outcome = await runGitSync(db, source, {
    fs,
    http,
    gitdir: `/sources/${encodeURIComponent(source.id)}`,
    cache: objectCache,
    ...(request.token ? { token: request.token } : {}),
    ...(request.corsProxy ? { corsProxy: request.corsProxy } : {}),
    isOnline: () => navigator.onLine,
    onProgress: (progress) => reply({ type: 'progress', sourceId: source.id, progress }),
  });
  reply({ type: 'done', sourceId: source.id, outcome });
};
