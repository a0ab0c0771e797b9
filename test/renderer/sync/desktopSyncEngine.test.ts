import { afterAll, describe, expect, it, vi } from 'vitest';
import type {
  SaveSourceResult,
  SourceSettings,
  SyncProgressEvent,
  SyncRunRequest,
  SyncRunResponse,
} from '../../../core/desktop/ipcContract';
import { gitBlobId } from '../../../core/ingest/gitBlobId';
import { INGEST_VERSION, ingestRunbook } from '../../../core/ingest/ingestRunbook';
import type { ChangeSet, SourceRecord } from '../../../core/model';
import { runGitSync } from '../../../core/sync/runGitSync';
import type { GitSyncStats, SyncProgress } from '../../../core/sync/syncGitSource';
import { createDesktopSyncEngine } from '../../../renderer/sync/desktopSyncEngine';
import { TINY_PNG } from '../../helpers/makeRunbookRepo';
import { cleanUp, dumpCache, openCache } from '../../core/sync/syncFixture';

afterAll(cleanUp);

const COMMIT_1 = 'a'.repeat(40);
const COMMIT_2 = 'b'.repeat(40);

const source = (fields: Partial<SourceRecord> = {}): SourceRecord => ({
  id: 'team',
  kind: 'git',
  name: 'Team',
  location: 'https://git.example.com/team/runbooks.git',
  ...fields,
});

function runbook(path: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  return ingestRunbook('team', { path, bytes, oid: gitBlobId(bytes) });
}

function answer(changeSet: Omit<ChangeSet, 'sourceId'>): SyncRunResponse {
  const stats: GitSyncStats = {
    commit: changeSet.version,
    branch: 'main',
    comparedBy: 'cache',
    counts: { added: changeSet.upserts.length, updated: 0, removed: changeSet.removed.length, renamed: 0, unchanged: 0, skipped: 0 },
    skipped: [],
    warnings: [],
    parsed: changeSet.upserts.length,
    timings: { fetchMs: 1, compareMs: 1, readMs: 1, parseMs: 1, totalMs: 4 },
  };
  return { ok: true, changeSet: { sourceId: 'team', ...changeSet }, stats };
}

/**
 * The preload's bridge as the page sees it: requests and answers are structured-cloned as Electron does,
 * and main's progress events are emitted while the sync runs.
 */
function fakeBridge(reply: (request: SyncRunRequest) => SyncRunResponse | Promise<SyncRunResponse>, progress: SyncProgressEvent[] = []) {
  const listeners = new Set<(event: SyncProgressEvent) => void>();
  const requests: SyncRunRequest[] = [];
  const saved: SourceSettings[] = [];
  const cancels: string[] = [];
  return {
    requests,
    saved,
    listeners,
    cancels,
    async saveSource(settings: SourceSettings): Promise<SaveSourceResult> {
      saved.push(structuredClone(settings));
      return { saved: true };
    },
    async syncCancel(sourceId: string): Promise<boolean> {
      cancels.push(structuredClone(sourceId));
      return true;
    },
    async syncRun(request: SyncRunRequest): Promise<SyncRunResponse> {
      const sent = structuredClone(request);
      requests.push(sent);
      for (const event of progress) listeners.forEach((listener) => listener(structuredClone(event)));
      return structuredClone(await reply(sent));
    },
    onSyncProgress(listener: (event: SyncProgressEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

async function cacheWithFirstSync() {
  const db = await openCache(source());
  const bridge = fakeBridge(() =>
    answer({
      version: COMMIT_1,
      upserts: [runbook('a.md', '# A\n'), runbook('ops/b.md', '# B\n')],
      removed: [],
      renamed: [],
      assets: [{ path: 'img/map.png', oid: gitBlobId(TINY_PNG), mime: 'image/png', bytes: TINY_PNG }],
    }),
  );
  const outcome = await runGitSync(db, source(), { engine: createDesktopSyncEngine(bridge) });
  expect(outcome).toMatchObject({ ok: true, applied: { added: 2 } });
  return db;
}

describe('desktop sync engine (page side)', () => {
  it('applies the change set main sends back: runbooks, images and the commit', async () => {
    const db = await cacheWithFirstSync();
    expect(await db.runbooks.get(['team', 'a.md'])).toMatchObject({ title: 'A' });
    expect(await db.bodies.get(['team', 'ops/b.md'])).toBeDefined();
    expect(await db.assets.get(['team', 'img/map.png'])).toMatchObject({ bytes: TINY_PNG });
    expect((await db.sources.get('team'))?.version).toBe(COMMIT_1);
  });

  it('asks main with plain data: the settings once (saved), then the previous commit and the cache’s path → blob id, never a token or an address', async () => {
    const db = await cacheWithFirstSync();
    await db.sources.update('team', { branch: 'release', subdir: './docs//' });
    const bridge = fakeBridge(() => answer({ version: COMMIT_2, upserts: [runbook('c.md', '# C\n')], removed: ['a.md'], renamed: [] }));
    const outcome = await runGitSync(db, source(), {
      engine: createDesktopSyncEngine(bridge),
      token: { value: 'ghp_pageSecret42', origin: 'https://git.example.com' },
      maxFileBytes: 4096,
      timeoutMs: 9000,
    });
    expect(outcome).toMatchObject({ ok: true, applied: { added: 1, removed: 1 } });
    expect(bridge.saved).toEqual([
      { sourceId: 'team', url: 'https://git.example.com/team/runbooks.git', branch: 'release', subdir: 'docs' },
    ]);
    expect(bridge.requests).toEqual([
      {
        sourceId: 'team',
        previousCommit: COMMIT_1,
        cached: {
          'a.md': gitBlobId(new TextEncoder().encode('# A\n')),
          'ops/b.md': gitBlobId(new TextEncoder().encode('# B\n')),
          'img/map.png': gitBlobId(TINY_PNG),
        },
        maxFileBytes: 4096,
        timeoutMs: 9000,
      },
    ]);
    expect(JSON.stringify([bridge.requests, bridge.saved])).not.toContain('ghp_pageSecret42');
    expect(await db.runbooks.get(['team', 'a.md'])).toBeUndefined();
    expect(await db.runbooks.get(['team', 'c.md'])).toMatchObject({ title: 'C', changeMark: 'added' });
  });

  it('passes on the progress of its own source only, and stops listening when done', async () => {
    const db = await openCache(source());
    const bridge = fakeBridge(
      () => answer({ version: COMMIT_1, upserts: [], removed: [], renamed: [] }),
      [
        { sourceId: 'team', progress: { phase: 'fetching', percent: 30 } },
        { sourceId: 'other', progress: { phase: 'parsing', percent: 90 } },
        { sourceId: 'team', progress: { phase: 'done', percent: 100 } },
      ],
    );
    const seen: SyncProgress[] = [];
    await runGitSync(db, source(), { engine: createDesktopSyncEngine(bridge), onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { phase: 'fetching', percent: 30 },
      { phase: 'done', percent: 100 },
    ]);
    expect(bridge.listeners.size).toBe(0);
  });

  it('{ok: false} from main: recorded as lastError with main’s code and words, nothing else changes', async () => {
    const db = await cacheWithFirstSync();
    const before = await dumpCache(db, { withoutLastError: true });
    const message = 'git.example.com refused the access token (HTTP 401). Check that the token is correct.';
    const bridge = fakeBridge(() => ({ ok: false, error: { code: 'auth-failed', message } }));
    const outcome = await runGitSync(db, source(), {
      engine: createDesktopSyncEngine(bridge),
      now: () => new Date('2026-05-04T10:00:00Z'),
    });
    expect(outcome).toEqual({ ok: false, error: { code: 'auth-failed', message } });
    expect((await db.sources.get('team'))?.lastError).toEqual({ at: '2026-05-04T10:00:00.000Z', code: 'auth-failed', message });
    expect(await dumpCache(db, { withoutLastError: true })).toBe(before);
  });

  it('main refusing the request: its reason, as invalid-source; any other rejection: unknown; cache untouched', async () => {
    const db = await cacheWithFirstSync();
    const before = await dumpCache(db, { withoutLastError: true });
    const refused = fakeBridge(() => {
      throw new Error("Error invoking remote method 'sync:run': Error: sync:run refused: The branch name is not a valid Git branch name.");
    });
    expect(await runGitSync(db, source(), { engine: createDesktopSyncEngine(refused) })).toEqual({
      ok: false,
      error: { code: 'invalid-source', message: 'The branch name is not a valid Git branch name.' },
    });
    const gone = fakeBridge(() => {
      throw new Error('Render frame was disposed');
    });
    expect(await runGitSync(db, source(), { engine: createDesktopSyncEngine(gone) })).toMatchObject({
      ok: false,
      error: { code: 'unknown', message: expect.stringContaining('Render frame was disposed') },
    });
    expect(refused.listeners.size + gone.listeners.size).toBe(0);
    expect(await dumpCache(db, { withoutLastError: true })).toBe(before);
  });

  it('a source address main would refuse is refused on the page, without asking main', async () => {
    const bad = source({ location: 'https://user:ghp_inUrl@git.example.com/team.git' });
    const db = await openCache(bad);
    const bridge = fakeBridge(() => answer({ version: COMMIT_1, upserts: [], removed: [], renamed: [] }));
    const outcome = await runGitSync(db, bad, { engine: createDesktopSyncEngine(bridge) });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-source' } });
    expect(JSON.stringify(outcome)).not.toContain('ghp_inUrl');
    expect(bridge.requests).toEqual([]);
  });

  it('tells main to read every file again when the cache was written by an older ingest', async () => {
    const db = await cacheWithFirstSync();
    await db.sources.update('team', { ingestVersion: INGEST_VERSION - 1 });
    const bridge = fakeBridge(() =>
      answer({ version: COMMIT_1, upserts: [runbook('a.md', '# A\n'), runbook('ops/b.md', '# B\n')], removed: [], renamed: [] }),
    );
    const outcome = await runGitSync(db, source(), { engine: createDesktopSyncEngine(bridge) });
    expect(outcome).toMatchObject({ ok: true, applied: { added: 0, updated: 0 } });
    expect(bridge.requests[0]).toMatchObject({ previousCommit: COMMIT_1, rereadAll: true });
    expect((await db.sources.get('team'))?.ingestVersion).toBe(INGEST_VERSION);
    for (const r of await db.runbooks.toArray()) expect(r.changeMark).toBeUndefined();

    await runGitSync(db, source(), { engine: createDesktopSyncEngine(bridge) });
    expect(bridge.requests[1]?.rereadAll).toBeUndefined();
  });

  it('cancelling asks main to stop that source’s sync; main’s cancelled answer changes nothing', async () => {
    const db = await cacheWithFirstSync();
    const before = await dumpCache(db);
    const controller = new AbortController();
    let answerMain!: (response: SyncRunResponse) => void;
    const bridge = fakeBridge(() => {
      controller.abort(); // the person presses Cancel while main downloads
      return new Promise<SyncRunResponse>((resolve) => (answerMain = resolve));
    });
    const running = runGitSync(db, source(), { engine: createDesktopSyncEngine(bridge), signal: controller.signal });
    await vi.waitFor(() => expect(bridge.cancels).toEqual(['team']));
    answerMain({ ok: false, error: { code: 'cancelled', message: 'The sync was cancelled. Nothing was changed.' } });
    expect(await running).toEqual({ ok: false, error: { code: 'cancelled', message: 'The sync was cancelled. Nothing was changed.' } });
    expect(await dumpCache(db)).toBe(before);
  });

  it('a sync cancelled before it reaches main never asks main', async () => {
    const db = await openCache(source());
    const bridge = fakeBridge(() => answer({ version: COMMIT_1, upserts: [], removed: [], renamed: [] }));
    const controller = new AbortController();
    controller.abort();
    expect(await runGitSync(db, source(), { engine: createDesktopSyncEngine(bridge), signal: controller.signal })).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(bridge.requests).toEqual([]);
    expect(bridge.cancels).toEqual([]);
  });
});
