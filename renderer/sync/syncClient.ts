import { useSyncExternalStore } from 'react';
import type { DeleteSyncStoreResult, DesktopBridge, PruneSyncStoresResult } from '../../core/desktop/ipcContract';
import type { GitSyncEngine, GitSyncOutcome } from '../../core/sync/runGitSync';
import type { SyncProgress } from '../../core/sync/syncGitSource';
import { readSettings } from '../../core/userdata/settings';
import { db } from '../app/database';
import { notifySearchIndexChanged } from '../search/searchClient';
import { WORKER_FS_NAME, type SyncWorkerReply, type SyncWorkerRequest } from './syncMessages';
import { readWebToken } from './webTokenStore';

export interface SourceSyncState {
  running: boolean;
  progress?: SyncProgress;
  /** The outcome of the last sync this session started. */
  last?: GitSyncOutcome;
}

type Listener = () => void;

/**
 * Runs syncs off the UI thread and tells the screens how they are going. One sync per source at a time.
 * In the browser the whole sync runs in a worker; on desktop the main process fetches and parses, and
 * this page applies the change set (the cache lives here).
 */
class SyncClient {
  private worker: Worker | undefined;
  private desktopEngine: GitSyncEngine | undefined;
  private states = new Map<string, SourceSyncState>();
  private waiting = new Map<string, (outcome: GitSyncOutcome) => void>();
  /** Desktop: the cancel switch of each running sync (in the browser the worker keeps its own). */
  private desktopControllers = new Map<string, AbortController>();
  private storeDeletions = new Map<string, (result: DeleteSyncStoreResult) => void>();
  private prunes: ((result: PruneSyncStoresResult) => void)[] = [];
  private pruned: Promise<PruneSyncStoresResult> | undefined;
  private listeners = new Set<Listener>();
  private snapshot: ReadonlyMap<string, SourceSyncState> = new Map();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReadonlyMap<string, SourceSyncState> => this.snapshot;

  /** Syncs one Git source; resolves with what happened (never rejects). A second call joins the first. */
  async sync(sourceId: string): Promise<GitSyncOutcome> {
    const running = this.states.get(sourceId);
    if (running?.running) return new Promise((resolve) => this.chain(sourceId, resolve));
    this.set(sourceId, { running: true, progress: { phase: 'connecting' } });
    const outcome = await this.run(sourceId).catch((error: unknown): GitSyncOutcome => ({
      ok: false,
      error: { code: 'unknown', message: error instanceof Error ? error.message : String(error) },
    }));
    this.set(sourceId, { running: false, last: outcome });
    if (outcome.ok) notifySearchIndexChanged(sourceId);
    return outcome;
  }

  /** Stops the source's running sync; it then ends as `cancelled` and changes nothing. */
  cancel(sourceId: string): void {
    if (window.runbookReader) this.desktopControllers.get(sourceId)?.abort();
    else this.worker?.postMessage({ type: 'cancel', sourceId } satisfies SyncWorkerRequest);
  }

  /**
   * Deletes a removed source's object store (the downloaded Git data: a folder of the app's data folder on
   * desktop, part of the worker's IndexedDB file system in the browser), stopping its sync first. Never rejects.
   */
  async deleteObjectStore(sourceId: string): Promise<DeleteSyncStoreResult> {
    try {
      const bridge = window.runbookReader;
      if (bridge) return await bridge.deleteSyncStore(sourceId);
      return await new Promise<DeleteSyncStoreResult>((resolve) => {
        const previous = this.storeDeletions.get(sourceId);
        this.storeDeletions.set(sourceId, (result) => {
          previous?.(result);
          resolve(result);
        });
        this.ensureWorker().postMessage({ type: 'delete-store', sourceId } satisfies SyncWorkerRequest);
      });
    } catch (error) {
      return { deleted: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Once per session: deletes the object stores no Git source in the cache owns any more (a removal whose
   * deletion failed, or one from before removals deleted them), so their downloaded data does not stay
   * forever. Stores of running syncs are kept. Never rejects.
   */
  pruneLeftoverStores(): Promise<PruneSyncStoresResult> {
    this.pruned ??= this.prune().catch(() => ({ removed: 0, failed: 0 }));
    return this.pruned;
  }

  private async prune(): Promise<PruneSyncStoresResult> {
    const keep = (await db.sources.toArray()).filter((source) => source.kind === 'git').map((source) => source.id);
    const bridge = window.runbookReader;
    if (bridge) return bridge.pruneSyncStores(keep);
    // Without the worker's database there is nothing to prune, and no reason to start the worker.
    const databases = await indexedDB.databases?.();
    if (databases && !databases.some((d) => d.name === WORKER_FS_NAME)) return { removed: 0, failed: 0 };
    return new Promise<PruneSyncStoresResult>((resolve) => {
      this.prunes.push(resolve);
      this.ensureWorker().postMessage({ type: 'prune-stores', keepSourceIds: keep } satisfies SyncWorkerRequest);
    });
  }

  /** Syncs every Git source one after the other (the start-up, `online` and periodic syncs). */
  async syncAll(): Promise<void> {
    const sources = await db.sources.where('id').notEqual('bundled').toArray();
    for (const source of sources) if (source.kind === 'git') await this.sync(source.id);
  }

  private chain(sourceId: string, resolve: (outcome: GitSyncOutcome) => void): void {
    const previous = this.waiting.get(sourceId);
    this.waiting.set(sourceId, (outcome) => {
      previous?.(outcome);
      resolve(outcome);
    });
  }

  private async run(sourceId: string): Promise<GitSyncOutcome> {
    const bridge = window.runbookReader;
    if (bridge) {
      return new Promise((resolve) => {
        this.chain(sourceId, resolve);
        void this.runWithDesktopEngine(sourceId, bridge).then((outcome) => this.settle(sourceId, outcome));
      });
    }
    const settings = await readSettings(db);
    const saved = await readWebToken(sourceId);
    const request: Extract<SyncWorkerRequest, { type: 'sync' }> = { type: 'sync', sourceId };
    if (saved) request.token = saved.token;
    if (settings.corsProxy) {
      request.corsProxy = settings.corsProxy;
      // Trust was given to one proxy address; a proxy set later does not inherit it.
      if (saved?.trustedProxy === settings.corsProxy) request.corsProxyTrusted = true;
    }
    return new Promise((resolve) => {
      this.chain(sourceId, resolve);
      this.ensureWorker().postMessage(request);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./syncWorker.ts', import.meta.url), { type: 'module', name: 'runbook-sync' });
    worker.onmessage = (event: MessageEvent<SyncWorkerReply>) => {
      const message = event.data;
      if (message.type === 'progress') {
        this.set(message.sourceId, { running: true, progress: message.progress });
        return;
      }
      if (message.type === 'stores-pruned') {
        this.prunes.shift()?.({ removed: message.removed, failed: message.failed });
        return;
      }
      if (message.type === 'store-deleted') {
        const done = this.storeDeletions.get(message.sourceId);
        this.storeDeletions.delete(message.sourceId);
        done?.(message.reason === undefined ? { deleted: message.deleted } : { deleted: message.deleted, reason: message.reason });
        return;
      }
      this.settle(message.sourceId, message.outcome);
    };
    worker.onerror = (event) => {
      const message = `The sync worker failed: ${event.message}`;
      for (const done of this.waiting.values()) done({ ok: false, error: { code: 'unknown', message } });
      this.waiting.clear();
      for (const done of this.storeDeletions.values()) done({ deleted: false, reason: message });
      this.storeDeletions.clear();
      for (const done of this.prunes.splice(0)) done({ removed: 0, failed: 0 });
      this.worker = undefined;
    };
    this.worker = worker;
    return worker;
  }

  /** Never rejects: the outcome says what happened. */
  private async runWithDesktopEngine(sourceId: string, bridge: DesktopBridge): Promise<GitSyncOutcome> {
    const controller = new AbortController();
    this.desktopControllers.set(sourceId, controller);
    try {
      const source = await db.sources.get(sourceId);
      if (!source) return { ok: false, error: { code: 'invalid-source', message: 'This source no longer exists.' } };
      // Loaded on desktop only: the browser build's page never carries the engine (its worker does).
      const [{ runGitSync }, { createDesktopSyncEngine }] = await Promise.all([
        import('../../core/sync/runGitSync'),
        import('./desktopSyncEngine'),
      ]);
      this.desktopEngine ??= createDesktopSyncEngine(bridge);
      return await runGitSync(db, source, {
        engine: this.desktopEngine,
        signal: controller.signal,
        onProgress: (progress) => this.set(sourceId, { running: true, progress }),
      });
    } catch (error) {
      return { ok: false, error: { code: 'unknown', message: error instanceof Error ? error.message : String(error) } };
    } finally {
      this.desktopControllers.delete(sourceId);
    }
  }

  /** Hands a finished sync's outcome to its caller and to every call that joined it. */
  private settle(sourceId: string, outcome: GitSyncOutcome): void {
    const done = this.waiting.get(sourceId);
    this.waiting.delete(sourceId);
    done?.(outcome);
  }

  private set(sourceId: string, state: SourceSyncState): void {
    const previous = this.states.get(sourceId);
    const next: SourceSyncState = { ...state };
    if (!state.last && previous?.last) next.last = previous.last;
    this.states.set(sourceId, next);
    this.snapshot = new Map(this.states);
    this.listeners.forEach((l) => l());
  }
}

export const syncClient = new SyncClient();

export function useSyncStates(): ReadonlyMap<string, SourceSyncState> {
  return useSyncExternalStore(syncClient.subscribe, syncClient.getSnapshot, syncClient.getSnapshot);
}
