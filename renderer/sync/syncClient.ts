import type { RunbookDatabase } from '../../core/cache/runbookDatabase';
import type { DeleteSyncStoreResult, PruneSyncStoresResult } from '../../core/desktop/ipcContract';
import type { GitSyncOutcome } from '../../core/sync/runGitSync';
import type { SyncProgress } from '../../core/sync/syncGitSource';
import { db as pageDatabase } from '../app/database';
import { detectPlatform } from '../app/platform';
import { notifySearchIndexChanged } from '../search/searchClient';
import { chooseSyncTransport } from './chooseSyncTransport';
import type { OfflineCopyWorkerReply, OfflineCopyWorkerRequest } from './syncMessages';
import { failedOutcome, type SyncTransport } from './syncTransport';
import type { WorkerSyncTransport } from './workerSyncTransport';

export interface SourceSyncState {
  running: boolean;
  progress?: SyncProgress | undefined;
  /** The outcome of the last sync this session started. */
  last?: GitSyncOutcome | undefined;
}

type Listener = () => void;

export interface SyncClientDeps {
  transport: SyncTransport;
  db: RunbookDatabase;
  /** Tells the search index a source's runbooks changed (after a successful sync). */
  onSynced?: ((sourceId: string) => void) | undefined;
}

/**
 * Runs syncs through the page's transport and tells the screens how they are going: one sync per source
 * at a time (a call during one queues one more after it), the state of each for `useSyncStates`, the start-up
 * prune of left-over object stores once per session.
 */
export class SyncClient {
  private readonly transport: SyncTransport;
  private readonly db: RunbookDatabase;
  private readonly onSynced: (sourceId: string) => void;
  private states = new Map<string, SourceSyncState>();
  private running = new Map<string, Promise<GitSyncOutcome>>();
  /** The one sync queued after a running one, per source. */
  private again = new Map<string, Promise<GitSyncOutcome>>();
  private pruned: Promise<PruneSyncStoresResult> | undefined;
  private listeners = new Set<Listener>();
  private snapshot: ReadonlyMap<string, SourceSyncState> = new Map();

  constructor({ transport, db, onSynced }: SyncClientDeps) {
    this.transport = transport;
    this.db = db;
    this.onSynced = onSynced ?? (() => {});
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReadonlyMap<string, SourceSyncState> => this.snapshot;

  /**
   * Syncs one Git source; resolves with what happened (never rejects). A call while a sync of the source runs
   * is answered by one more sync after it, shared by every such call: what prompted it (the connection back,
   * a push announced) may have come after the running sync asked the host, or while it was failing offline.
   * A cancelled sync is not run again.
   */
  sync(sourceId: string): Promise<GitSyncOutcome> {
    const running = this.running.get(sourceId);
    if (!running) return this.start(sourceId);
    let again = this.again.get(sourceId);
    if (!again) {
      again = running.then((outcome) => {
        this.again.delete(sourceId);
        return !outcome.ok && outcome.error.code === 'cancelled' ? outcome : this.sync(sourceId);
      });
      this.again.set(sourceId, again);
    }
    return again;
  }

  private start(sourceId: string): Promise<GitSyncOutcome> {
    const run = this.run(sourceId).finally(() => this.running.delete(sourceId));
    this.running.set(sourceId, run);
    return run;
  }

  private async run(sourceId: string): Promise<GitSyncOutcome> {
    this.set(sourceId, { running: true, progress: { phase: 'connecting' } });
    const outcome = await this.transport.sync(sourceId, (progress) => this.set(sourceId, { running: true, progress })).catch(failedOutcome);
    this.set(sourceId, { running: false, last: outcome });
    if (outcome.ok) this.onSynced(sourceId);
    return outcome;
  }

  /**
   * Starts the sync worker before a sync is asked for (its script is about a megabyte: 300–450 ms between
   * "Add and sync" and the first request on a two-core machine), while the reader fills in the form.
   */
  prepare(): void {
    this.transport.prepare();
  }

  /** Stops the source's running sync; it then ends as `cancelled` and changes nothing. */
  cancel(sourceId: string): void {
    this.transport.cancel(sourceId);
  }

  /**
   * Deletes a removed source's object store (the downloaded Git data: a folder of the app's data folder on
   * desktop, part of the worker's IndexedDB file system in the browser), stopping its sync first. Never rejects.
   */
  async deleteObjectStore(sourceId: string): Promise<DeleteSyncStoreResult> {
    try {
      return await this.transport.deleteStore(sourceId);
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
    const keep = (await this.db.sources.toArray()).filter((source) => source.kind === 'git').map((source) => source.id);
    return this.transport.pruneStores(keep);
  }

  /** Browser: hands an offline-copy import or save to the sync worker, which owns the object stores. */
  askWorkerAboutOfflineCopy(request: OfflineCopyWorkerRequest): Promise<OfflineCopyWorkerReply> {
    const transport = this.transport;
    if (!('askAboutOfflineCopy' in transport))
      return Promise.reject(new Error('Offline copies run in the sync worker, which this platform does not use.'));
    return (transport as WorkerSyncTransport).askAboutOfflineCopy(request);
  }

  /**
   * Syncs every Git source one after the other (the start-up, `online` and periodic syncs). With
   * `untriedOnly` (the start-up sync), a source whose sync already ran this session is left alone: the
   * reader synced it, or cancelled a sync of it, after the page opened, which is newer than the reason
   * to sync at start.
   */
  async syncAll({ untriedOnly = false }: { untriedOnly?: boolean } = {}): Promise<void> {
    const sources = await this.db.sources.where('id').notEqual('bundled').toArray();
    for (const source of sources) {
      // A source made from an offline copy (a bundle) has no address to sync from until one is given.
      if (source.kind !== 'git' || !source.location) continue;
      if (untriedOnly && this.states.has(source.id)) continue;
      await this.sync(source.id);
    }
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

/**
 * The page's own client: its transport chosen once, from the platform, when the page starts. `appServices()`
 * hands this one out; components ask `useServices().sync`.
 */
export const syncClient = new SyncClient({
  transport: chooseSyncTransport(detectPlatform(), pageDatabase),
  db: pageDatabase,
  onSynced: notifySearchIndexChanged,
});
