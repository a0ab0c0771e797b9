import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import type { DesktopBridge } from '../../../core/desktop/ipcContract';
import type { GitSyncOutcome } from '../../../core/sync/runGitSync';
import type { SyncProgress } from '../../../core/sync/syncGitSource';
import { chooseSyncTransport } from '../../../renderer/sync/chooseSyncTransport';
import { SyncClient } from '../../../renderer/sync/syncClient';
import type { SyncTransport } from '../../../renderer/sync/syncTransport';

let databases = 0;
const OK: GitSyncOutcome = {
  ok: true,
  stats: {} as never,
  applied: { added: 1, updated: 0, removed: 0, renamed: 0, skipped: 0 },
  at: '2026-05-04T10:00:00.000Z',
};

/** A transport whose syncs end when the test says so. */
function fakeTransport() {
  const syncs = new Map<string, { onProgress: (p: SyncProgress) => void; end: (outcome: GitSyncOutcome) => void }>();
  const transport: SyncTransport & { calls: string[] } = {
    kind: 'worker',
    calls: [],
    sync(sourceId, onProgress) {
      transport.calls.push(`sync ${sourceId}`);
      return new Promise((resolve) => syncs.set(sourceId, { onProgress, end: resolve }));
    },
    cancel: (sourceId) => void transport.calls.push(`cancel ${sourceId}`),
    deleteStore: async (sourceId) => (transport.calls.push(`delete ${sourceId}`), Promise.reject(new Error('the worker is gone'))),
    pruneStores: async (keep) => (transport.calls.push(`prune ${keep.join(',')}`), { removed: 1, failed: 0 }),
    prepare: () => void transport.calls.push('prepare'),
  };
  return { transport, syncs };
}

async function client() {
  const db = new RunbookDatabase(`sync-client-${++databases}`);
  await db.sources.bulkPut([
    { id: 'bundled', kind: 'bundled', name: 'Bundled' },
    { id: 'ops', kind: 'git', name: 'Ops', location: 'https://git.example.com/ops.git' },
    { id: 'team', kind: 'git', name: 'Team', location: 'https://git.example.com/team.git' },
  ]);
  const { transport, syncs } = fakeTransport();
  const synced: string[] = [];
  return { sync: new SyncClient({ transport, db, onSynced: (id) => synced.push(id) }), transport, syncs, synced, db };
}

describe('the sync client', () => {
  it('runs one sync per source at a time: calls during one share a single sync after it, which sees what came since', async () => {
    const { sync, transport, syncs, synced } = await client();
    const first = sync.sync('ops');
    const second = sync.sync('ops');
    const third = sync.sync('ops');
    expect(third).toBe(second);
    expect(transport.calls).toEqual(['sync ops']);
    const offline: GitSyncOutcome = { ok: false, error: { code: 'offline', message: 'You are offline.' } };
    syncs.get('ops')!.end(offline);
    expect(await first).toBe(offline);
    await vi.waitFor(() => expect(transport.calls).toEqual(['sync ops', 'sync ops']));
    syncs.get('ops')!.end(OK);
    expect(await second).toBe(OK);
    expect(synced).toEqual(['ops']);
    void sync.sync('ops');
    expect(transport.calls).toEqual(['sync ops', 'sync ops', 'sync ops']);
  });

  it('does not run a sync again after it was cancelled, even when asked for meanwhile', async () => {
    const { sync, transport, syncs } = await client();
    const first = sync.sync('ops');
    const asked = sync.sync('ops');
    const cancelled: GitSyncOutcome = { ok: false, error: { code: 'cancelled', message: 'Sync cancelled.' } };
    syncs.get('ops')!.end(cancelled);
    expect(await first).toBe(cancelled);
    expect(await asked).toBe(cancelled);
    expect(transport.calls).toEqual(['sync ops']);
  });

  it('tells subscribers how each source is going and what its last sync came to', async () => {
    const { sync, syncs, synced } = await client();
    const listener = vi.fn();
    sync.subscribe(listener);
    const running = sync.sync('ops');
    expect(sync.getSnapshot().get('ops')).toEqual({ running: true, progress: { phase: 'connecting' } });
    syncs.get('ops')!.onProgress({ phase: 'fetching', percent: 30 });
    expect(sync.getSnapshot().get('ops')).toEqual({ running: true, progress: { phase: 'fetching', percent: 30 } });
    const failed: GitSyncOutcome = { ok: false, error: { code: 'offline', message: 'Offline.' } };
    syncs.get('ops')!.end(failed);
    await running;
    expect(sync.getSnapshot().get('ops')).toEqual({ running: false, last: failed });
    expect(listener).toHaveBeenCalledTimes(3);
    expect(synced).toEqual([]);
  });

  it('syncs every Git source one after the other, never the bundled set', async () => {
    const { sync, transport, syncs } = await client();
    const all = sync.syncAll();
    await vi.waitFor(() => expect(transport.calls).toEqual(['sync ops']));
    syncs.get('ops')!.end(OK);
    await vi.waitFor(() => expect(transport.calls).toEqual(['sync ops', 'sync team']));
    syncs.get('team')!.end(OK);
    await all;
  });

  it('leaves out a Git source imported from a bundle without an address (there is nothing to sync from)', async () => {
    const { sync, transport, syncs, db } = await client();
    await db.sources.put({ id: 'imported', kind: 'git', name: 'From a bundle', version: 'a'.repeat(40) });
    const all = sync.syncAll();
    await vi.waitFor(() => expect(transport.calls).toEqual(['sync ops']));
    syncs.get('ops')!.end(OK);
    await vi.waitFor(() => expect(transport.calls).toEqual(['sync ops', 'sync team']));
    syncs.get('team')!.end(OK);
    await all;
    expect(transport.calls).not.toContain('sync imported');
  });

  it('at start leaves alone a source synced or cancelled since the page opened, and syncs the others', async () => {
    const { sync, transport, syncs } = await client();
    const cancelled: GitSyncOutcome = { ok: false, error: { code: 'cancelled', message: 'Sync cancelled.' } };
    const running = sync.sync('ops');
    syncs.get('ops')!.end(cancelled);
    await running;
    const atStart = sync.syncAll({ untriedOnly: true });
    await vi.waitFor(() => expect(transport.calls).toEqual(['sync ops', 'sync team']));
    syncs.get('team')!.end(OK);
    await atStart;
    const later = sync.syncAll();
    await vi.waitFor(() => expect(transport.calls).toEqual(['sync ops', 'sync team', 'sync ops']));
    syncs.get('ops')!.end(OK);
    await vi.waitFor(() => expect(transport.calls).toEqual(['sync ops', 'sync team', 'sync ops', 'sync team']));
    syncs.get('team')!.end(OK);
    await later;
  });

  it('prunes once per session, keeping the Git sources the cache holds; a failed deletion says why and never rejects', async () => {
    const { sync, transport } = await client();
    expect(await sync.pruneLeftoverStores()).toEqual({ removed: 1, failed: 0 });
    expect(await sync.pruneLeftoverStores()).toEqual({ removed: 1, failed: 0 });
    expect(await sync.deleteObjectStore('ops')).toEqual({ deleted: false, reason: 'the worker is gone' });
    sync.cancel('team');
    expect(transport.calls).toEqual(['prune ops,team', 'delete ops', 'cancel team']);
  });
});

describe('the sync transport is chosen once from the platform', () => {
  const db = () => new RunbookDatabase(`choose-${++databases}`);

  it('is IPC to the main process in the desktop app, the sync worker in a browser', () => {
    const bridge = {} as DesktopBridge;
    expect(chooseSyncTransport({ kind: 'desktop', desktop: bridge }, db()).kind).toBe('ipc');
    expect(chooseSyncTransport({ kind: 'web' }, db()).kind).toBe('worker');
  });

  it('on desktop, deleting and pruning stores go to the main process; a refused call says why', async () => {
    const bridge = {
      deleteSyncStore: vi.fn(async () => Promise.reject(new Error('sync:delete-store refused: sourceId: is missing'))),
      pruneSyncStores: vi.fn(async () => ({ removed: 2, failed: 0 })),
    } as unknown as DesktopBridge;
    const transport = chooseSyncTransport({ kind: 'desktop', desktop: bridge }, db());
    expect(await transport.deleteStore('ops')).toEqual({ deleted: false, reason: 'sync:delete-store refused: sourceId: is missing' });
    expect(await transport.pruneStores(['ops'])).toEqual({ removed: 2, failed: 0 });
    expect(bridge.pruneSyncStores).toHaveBeenCalledWith(['ops']);
  });

  it('on desktop, a source the cache no longer holds is not synced', async () => {
    const transport = chooseSyncTransport({ kind: 'desktop', desktop: {} as DesktopBridge }, db());
    expect(await transport.sync('gone', () => {})).toEqual({
      ok: false,
      error: { code: 'invalid-source', message: 'This source no longer exists.' },
    });
  });
});
