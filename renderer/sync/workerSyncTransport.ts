import type { RunbookDatabase } from '../../core/cache/runbookDatabase';
import type { DeleteSyncStoreResult, PruneSyncStoresResult } from '../../core/desktop/ipcContract';
import { checkMessage } from '../../core/messages/checkMessage';
import type { GitSyncOutcome } from '../../core/sync/runGitSync';
import type { SyncProgress } from '../../core/sync/syncGitSource';
import { readSettings } from '../../core/userdata/settings';
import {
  syncWorkerReplySchema,
  WORKER_FS_NAME,
  type OfflineCopyWorkerReply,
  type OfflineCopyWorkerRequest,
  type SyncWorkerRequest,
} from './syncMessages';
import type { SyncTransport } from './syncTransport';
import { readWebToken, type WebToken } from './webTokenStore';

/** The part of a `Worker` the transport uses (tests pass a fake). */
export interface SyncWorkerPort {
  postMessage(message: SyncWorkerRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface WorkerSyncTransportDeps {
  db: RunbookDatabase;
  /** Starts the sync worker; called on first need, and again after the worker failed. */
  startWorker?: (() => SyncWorkerPort) | undefined;
  /** The source's saved token (this site's storage). */
  readToken?: ((sourceId: string) => Promise<WebToken | undefined>) | undefined;
  /** Whether the worker's file system exists at all (no worker is started just to prune nothing). */
  hasWorkerStorage?: (() => Promise<boolean>) | undefined;
}

function startSyncWorker(): SyncWorkerPort {
  return new Worker(new URL('./syncWorker.ts', import.meta.url), { type: 'module', name: 'runbook-sync' });
}

async function workerStorageExists(): Promise<boolean> {
  const databases = await indexedDB.databases?.();
  return !databases || databases.some((d) => d.name === WORKER_FS_NAME);
}

interface PendingSync {
  onProgress: (progress: SyncProgress) => void;
  done: (outcome: GitSyncOutcome) => void;
}

/**
 * The browser transport: the whole sync runs in a Web Worker (IndexedDB-backed object store, the browser's
 * fetch, optional CORS proxy), which writes the change set to this origin's cache itself. Messages both
 * ways are checked against their schemas (`syncMessages.ts`).
 */
/** The worker transport, which also runs offline-copy imports and saves (the worker owns the object stores). */
export interface WorkerSyncTransport extends SyncTransport {
  askAboutOfflineCopy(request: OfflineCopyWorkerRequest): Promise<OfflineCopyWorkerReply>;
}

export function createWorkerSyncTransport(deps: WorkerSyncTransportDeps): WorkerSyncTransport {
  const startWorker = deps.startWorker ?? startSyncWorker;
  const readToken = deps.readToken ?? readWebToken;
  const hasWorkerStorage = deps.hasWorkerStorage ?? workerStorageExists;
  let worker: SyncWorkerPort | undefined;
  const syncs = new Map<string, PendingSync>();
  const storeDeletions = new Map<string, (result: DeleteSyncStoreResult) => void>();
  const prunes: ((result: PruneSyncStoresResult) => void)[] = [];
  const offlineCopyReplies = new Map<string, (reply: OfflineCopyWorkerReply) => void>();

  /** What the worker may fetch with for a source: its token and the CORS proxy (trusted with the token or not). */
  async function fetchAuthority(
    sourceId: string,
  ): Promise<Pick<Extract<SyncWorkerRequest, { type: 'sync' }>, 'token' | 'corsProxy' | 'corsProxyTrusted'>> {
    // Read side by side: each is a round trip to IndexedDB between the click and the worker starting.
    const [settings, saved] = await Promise.all([readSettings(deps.db), readToken(sourceId)]);
    const authority: Awaited<ReturnType<typeof fetchAuthority>> = {};
    if (saved) authority.token = saved.token;
    if (settings.corsProxy) {
      authority.corsProxy = settings.corsProxy;
      // Trust was given to one proxy address; a proxy set later does not inherit it.
      if (saved?.trustedProxy === settings.corsProxy) authority.corsProxyTrusted = true;
    }
    return authority;
  }

  /** Ends every call waiting for the worker: it failed, or it said something this page cannot read. */
  function failAll(message: string): void {
    for (const sync of syncs.values()) sync.done({ ok: false, error: { code: 'unknown', message } });
    syncs.clear();
    for (const done of storeDeletions.values()) done({ deleted: false, reason: message });
    storeDeletions.clear();
    for (const done of prunes.splice(0)) done({ removed: 0, failed: 0 });
    for (const [sourceId, done] of offlineCopyReplies)
      done({ type: 'offline-copy-imported', sourceId, outcome: { ok: false, error: { code: 'unknown', message } } });
    offlineCopyReplies.clear();
  }

  function receive(raw: unknown): void {
    const checked = checkMessage(syncWorkerReplySchema, raw);
    if (!checked.ok) {
      failAll(`The sync worker sent a message this page does not understand (${checked.reason}).`);
      return;
    }
    const message = checked.value;
    switch (message.type) {
      case 'progress':
        syncs.get(message.sourceId)?.onProgress(message.progress);
        return;
      case 'done': {
        const sync = syncs.get(message.sourceId);
        syncs.delete(message.sourceId);
        sync?.done(message.outcome);
        return;
      }
      case 'store-deleted': {
        const done = storeDeletions.get(message.sourceId);
        storeDeletions.delete(message.sourceId);
        done?.({ deleted: message.deleted, reason: message.reason });
        return;
      }
      case 'stores-pruned':
        prunes.shift()?.({ removed: message.removed, failed: message.failed });
        return;
      case 'refused':
        failAll(message.reason);
        return;
      case 'offline-copy-imported':
      case 'offline-copy-saved':
      case 'offline-copy-inspected': {
        const key = message.type === 'offline-copy-inspected' ? message.inspectId : message.sourceId;
        const done = offlineCopyReplies.get(key);
        offlineCopyReplies.delete(key);
        done?.(message);
        return;
      }
    }
  }

  function ensureWorker(): SyncWorkerPort {
    if (worker) return worker;
    const started = startWorker();
    started.onmessage = (event) => receive(event.data);
    started.onerror = (event) => {
      failAll(`The sync worker failed: ${event.message}`);
      worker = undefined;
    };
    worker = started;
    return started;
  }

  return {
    kind: 'worker',
    async askAboutOfflineCopy(request) {
      // Replies are matched by source, or for an inspection (which names no source) by its own id.
      const key =
        request.type === 'import-offline-copy'
          ? request.request.sourceId
          : request.type === 'inspect-offline-copy'
            ? request.inspectId
            : request.source.id;
      // Saving may fetch the history the store lacks, with the same token and proxy rules as a sync.
      const message = request.type === 'save-offline-copy' ? { ...request, ...(await fetchAuthority(key)) } : request;
      return new Promise((resolve) => {
        offlineCopyReplies.set(key, resolve);
        const bytes =
          request.type === 'import-offline-copy'
            ? request.request.bytes
            : request.type === 'inspect-offline-copy'
              ? request.bytes
              : undefined;
        const transfer = bytes ? [bytes.buffer as ArrayBuffer] : [];
        ensureWorker().postMessage(message, transfer);
      });
    },
    async sync(sourceId, onProgress) {
      const request: Extract<SyncWorkerRequest, { type: 'sync' }> = { type: 'sync', sourceId, ...(await fetchAuthority(sourceId)) };
      return new Promise<GitSyncOutcome>((resolve) => {
        const previous = syncs.get(sourceId);
        syncs.set(sourceId, {
          onProgress,
          done: (outcome) => {
            previous?.done(outcome);
            resolve(outcome);
          },
        });
        ensureWorker().postMessage(request);
      });
    },
    cancel(sourceId) {
      worker?.postMessage({ type: 'cancel', sourceId });
    },
    prepare() {
      ensureWorker();
    },
    deleteStore(sourceId) {
      return new Promise<DeleteSyncStoreResult>((resolve) => {
        const previous = storeDeletions.get(sourceId);
        storeDeletions.set(sourceId, (result) => {
          previous?.(result);
          resolve(result);
        });
        ensureWorker().postMessage({ type: 'delete-store', sourceId });
      });
    },
    async pruneStores(keepSourceIds) {
      // Without the worker's database there is nothing to prune, and no reason to start the worker.
      if (!(await hasWorkerStorage())) return { removed: 0, failed: 0 };
      return new Promise<PruneSyncStoresResult>((resolve) => {
        prunes.push(resolve);
        ensureWorker().postMessage({ type: 'prune-stores', keepSourceIds });
      });
    },
  };
}
