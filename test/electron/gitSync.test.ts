import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { SaveSourceResult, SourceSettings, SyncProgressEvent, SyncRunRequest, SyncRunResponse } from '../../core/desktop/ipcContract';
import { INGEST_VERSION } from '../../core/ingest/ingestRunbook';
import type { ChangeSet, SourceRecord } from '../../core/model';
import { runGitSync } from '../../core/sync/runGitSync';
import { createDesktopGitSync, GIT_STORES_FOLDER, objectStoreFolderName, type DesktopGitSync } from '../../electron/gitSync';
import { sourceSettingsSchema, syncRunRequestSchema, syncSourceRequestSchema } from '../../core/desktop/ipcSchemas';
import { checkMessage } from '../../core/messages/checkMessage';
import type { EventTarget as RendererTarget } from '../../electron/rendererEvents';
import { createDesktopSyncEngine } from '../../renderer/sync/desktopSyncEngine';
import type { SharedGitServer } from '../helpers/sharedGitServer';
import { RunbookRepo, TINY_PNG, generateRunbooks, git as runGit, runbookPath } from '../helpers/makeRunbookRepo';
import { cleanUp, dumpCache, openCache, startServer, tempDir } from '../core/sync/syncFixture';
import { netFetchOverNode, type NetFetchCall } from './netFetchOverNode';

/** The token the shared loopback server's `auth` mode accepts. */
const TOKEN = inject('gitServer').token;
const WRONG_TOKEN = 'ghp_wrongSecret5678';

let server: SharedGitServer;
let repo: RunbookRepo;

beforeAll(async () => {
  server = startServer();
  repo = new RunbookRepo();
  repo.writeAll(generateRunbooks(10, 300, 900)).write('img/map.png', TINY_PNG);
  repo.commit('initial');
  repo.publish(server.root, 'ops.git');
});
afterAll(cleanUp);

// Main talks HTTP through `net.fetch` (electron/netHttpClient.ts); here Node's fetch plays it.
let netCalls: NetFetchCall[];
beforeEach(() => {
  netCalls = netFetchOverNode();
});

/** The calling page as main sees it: it records the events sent to it. */
function fakePage() {
  const events: SyncProgressEvent[] = [];
  return {
    events,
    target: {
      isDestroyed: () => false,
      send: (channel: string, payload: SyncProgressEvent) => {
        expect(channel).toBe('sync:progress');
        events.push(payload);
      },
    },
  };
}

/** A sync request as the tests write it: with the source's settings, which `desktop()` saves in main's store first. */
type TestRequest = SyncRunRequest & { url?: string; branch?: string; subdir?: string };

/**
 * Main's sync with its two stores faked: source settings (what `source:save` wrote; `sync` saves the
 * test request's) and tokens, each saved for `tokenOrigin` (the loopback server's origin by default).
 */
function desktop(
  tokens: Record<string, string> = {},
  tokenOrigin?: string,
): {
  git: DesktopGitSync;
  sync: (request: TestRequest, target: RendererTarget) => Promise<SyncRunResponse>;
  userData: string;
  readToken: ReturnType<typeof vi.fn>;
} {
  const userData = tempDir('userData-');
  const settings = new Map<string, SourceSettings>();
  const readToken = vi.fn(async (sourceId: string) => {
    const value = tokens[sourceId];
    return value === undefined ? undefined : { value, origin: tokenOrigin ?? server.origin };
  });
  const git = createDesktopGitSync({ userDataPath: userData, readSettings: async (sourceId) => settings.get(sourceId), readToken });
  const sync = (full: TestRequest, target: RendererTarget) => {
    const { url, branch, subdir, ...runRequest } = full;
    settings.set(runRequest.sourceId, {
      sourceId: runRequest.sourceId,
      url: url ?? server.url('ops.git'),
      ...(branch ? { branch } : {}),
      ...(subdir ? { subdir } : {}),
    });
    return git.run(runRequest, target);
  };
  return { git, sync, userData, readToken };
}

const request = (fields: Partial<TestRequest> = {}): TestRequest => ({
  sourceId: 'ops',
  url: server.url('ops.git'),
  cached: {},
  ...fields,
});

/** What the page's cache would hold after applying these change sets, as the `cached` record. */
function cachedAfter(...changeSets: ChangeSet[]): Record<string, string> {
  const files = new Map<string, string>();
  for (const changeSet of changeSets) {
    for (const path of changeSet.removed) files.delete(path);
    for (const { from } of changeSet.renamed) files.delete(from);
    for (const u of changeSet.upserts)
      files.set(u.kind === 'runbook' ? u.meta.path : u.skipped.path, u.kind === 'runbook' ? u.meta.oid : u.skipped.oid);
    for (const asset of changeSet.assets ?? []) files.set(asset.path, asset.oid);
  }
  return Object.fromEntries(files);
}

function expectOk(response: SyncRunResponse): Extract<SyncRunResponse, { ok: true }> {
  if (!response.ok) throw new Error(`expected a change set, got ${response.error.code}: ${response.error.message}`);
  return response;
}

describe('desktop Git sync in the main process', () => {
  it('first sync: a full change set, the object store in <userData>/git, progress to the calling page', async () => {
    const { sync, userData } = desktop();
    const page = fakePage();
    const response = expectOk(await sync(request(), page.target));
    expect(response.changeSet.version).toBe(repo.head());
    expect(response.changeSet.upserts).toHaveLength(10);
    expect(response.changeSet.assets?.map((a) => a.path)).toEqual(['img/map.png']);
    expect(response.stats).toMatchObject({ commit: repo.head(), comparedBy: 'cache', parsed: 10, counts: { added: 11 } });
    expect(readdirSync(path.join(userData, GIT_STORES_FOLDER))).toEqual([objectStoreFolderName('ops')]);
    expect(existsSync(path.join(userData, GIT_STORES_FOLDER, objectStoreFolderName('ops'), 'objects'))).toBe(true);
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.events.every((event) => event.sourceId === 'ops')).toBe(true);
    expect(page.events.map((event) => event.progress.phase)).toContain('fetching');
    expect(page.events.at(-1)).toEqual({ sourceId: 'ops', progress: { phase: 'done', percent: 100 } });
  });

  it('crosses IPC intact: structured cloning keeps the change set, image bytes included', async () => {
    const { sync } = desktop();
    const response = expectOk(await sync(request(), fakePage().target));
    const cloned = structuredClone(response);
    expect(cloned.changeSet.assets?.[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(cloned.changeSet.assets?.[0]?.bytes ?? [])).toEqual(Array.from(TINY_PNG));
    expect(JSON.stringify(cloned, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v))).toBe(
      JSON.stringify(response, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v)),
    );
  });

  it('second sync after an upstream change: only the changed file, compared in the kept object store', async () => {
    const { sync } = desktop();
    const first = expectOk(await sync(request(), fakePage().target));
    const changed = runbookPath(3);
    repo.write(changed, '# Changed on the desktop test\n').commit();
    const second = expectOk(
      await sync(request({ previousCommit: first.changeSet.version, cached: cachedAfter(first.changeSet) }), fakePage().target),
    );
    expect(second.changeSet.version).toBe(repo.head());
    expect(second.stats).toMatchObject({ comparedBy: 'trees', parsed: 1, counts: { added: 0, updated: 1, removed: 0, unchanged: 10 } });
    expect(second.changeSet.upserts.map((u) => (u.kind === 'runbook' ? u.meta.path : u.skipped.path))).toEqual([changed]);
    expect(second.changeSet.removed).toEqual([]);
  });

  it('sends the stored token when the server asks for one, and only then', async () => {
    const { sync, readToken } = desktop({ ops: TOKEN });
    const before = (await server.requestLog()).length;
    const response = await sync(request({ url: server.url('ops.git', { kind: 'auth' }) }), fakePage().target);
    expect(expectOk(response).changeSet.version).toBe(repo.head());
    expect(readToken).toHaveBeenCalledWith('ops');
    const sent = (await server.requestLog()).slice(before);
    expect(sent[0]?.authorization).toBeUndefined();
    expect(sent.some((r) => r.status === 401)).toBe(true);
    expect(sent.some((r) => r.authorization !== undefined && r.status === 200)).toBe(true);
  });

  it.each([
    ['a wrong token', { ops: WRONG_TOKEN }, WRONG_TOKEN, /refused the access token/],
    ['no token', {}, undefined, /no access token is set/],
  ])('with %s: auth-failed, and the token appears nowhere in the answer', async (_what, tokens, token, message) => {
    const { sync } = desktop(tokens);
    const response = await sync(request({ url: server.url('ops.git', { kind: 'auth' }) }), fakePage().target);
    expect(response).toEqual({ ok: false, error: { code: 'auth-failed', message: expect.stringMatching(message) } });
    if (token) {
      const text = JSON.stringify(response);
      expect(text).not.toContain(token);
      expect(text).not.toContain(encodeURIComponent(token));
      expect(text).not.toContain(Buffer.from(`${token}:x-oauth-basic`).toString('base64'));
    }
  });

  it('a missing repository: repo-not-found, and a stored token is not in the message', async () => {
    const { sync } = desktop({ ops: TOKEN });
    const response = await sync(request({ url: server.url('missing.git') }), fakePage().target);
    expect(response).toEqual({ ok: false, error: { code: 'repo-not-found', message: expect.stringContaining('HTTP 404') } });
    expect(JSON.stringify(response)).not.toContain(TOKEN);
  });

  it('a missing branch and a missing sub-folder come back as their own codes', async () => {
    const { sync } = desktop();
    expect(await sync(request({ branch: 'no-such-branch' }), fakePage().target)).toMatchObject({
      ok: false,
      error: { code: 'branch-not-found' },
    });
    expect(await sync(request({ subdir: 'no/such/folder' }), fakePage().target)).toMatchObject({
      ok: false,
      error: { code: 'subdir-missing' },
    });
  });

  it('never runs two syncs of one source at once; other sources run side by side', async () => {
    const { sync } = desktop();
    const first = sync(request(), fakePage().target);
    const [again, other] = await Promise.all([sync(request(), fakePage().target), sync(request({ sourceId: 'other' }), fakePage().target)]);
    expect(again).toMatchObject({ ok: false, error: { code: 'already-running' } });
    expect(other.ok).toBe(true);
    expect((await first).ok).toBe(true);
    expect((await sync(request(), fakePage().target)).ok).toBe(true);
  });

  it('a failure that is not a SyncError is classified, not thrown', async () => {
    const { sync } = createFailingTokenStore();
    const response = await sync(request(), fakePage().target);
    expect(response).toMatchObject({ ok: false, error: { code: 'unknown' } });
  });

  it('gives every source id its own folder inside <userData>/git, whatever the id holds', () => {
    const names = ['ops', 'Ops', 'a/b', 'a_b', '../../etc', '..', 'x'.repeat(200)].map(objectStoreFolderName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z0-9_-]{1,40}-[0-9a-f]{16}$/);
      expect(path.join('/data/git', name).startsWith('/data/git/')).toBe(true);
    }
  });
});

/** Waits (without asserting anything about time) until `done()` holds. */
async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; !(await done()); waited += 10) {
    if (waited > 10_000) throw new Error(`${what} never happened`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves once the server is sending the pack of a request to `url` (so the sync is mid-download). */
function packRequested(url: string, from: number): Promise<void> {
  const path = new URL(url).pathname;
  return until(
    async () => (await server.requestLog()).slice(from).some((r) => r.method === 'POST' && r.url.startsWith(path)),
    'the pack request',
  );
}

describe('desktop sync: system proxy, cancelling, re-reading, removing a source', () => {
  it('talks HTTP through net.fetch, i.e. Chromium’s network stack with the system proxy settings', async () => {
    const { sync } = desktop();
    expectOk(await sync(request(), fakePage().target));
    const base = server.url('ops.git');
    expect(netCalls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      `GET ${base}/info/refs?service=git-upload-pack`,
      `POST ${base}/git-upload-pack`,
    ]);
  });

  it('cancel stops a running download at once; the store stays usable and nothing else is running', async () => {
    const { git, sync } = desktop();
    const first = expectOk(await sync(request(), fakePage().target));
    repo.write(runbookPath(2), `# Changed before the cancel\n\n${'words '.repeat(300)}\n`).commit();
    const stalled = server.url('ops.git', { kind: 'stall', afterBytes: 20 });
    const from = (await server.requestLog()).length;
    const running = sync(
      request({ url: stalled, previousCommit: first.changeSet.version, cached: cachedAfter(first.changeSet) }),
      fakePage().target,
    );
    await packRequested(stalled, from);

    expect(git.cancel('ops')).toBe(true);
    expect(await running).toEqual({ ok: false, error: { code: 'cancelled', message: expect.stringContaining('Nothing was changed') } });
    expect(git.cancel('ops')).toBe(false);

    const after = expectOk(
      await sync(request({ previousCommit: first.changeSet.version, cached: cachedAfter(first.changeSet) }), fakePage().target),
    );
    expect(after.stats).toMatchObject({ commit: repo.head(), comparedBy: 'trees', parsed: 1, counts: { updated: 1 } });
  });

  it('cancel touches only the named source', async () => {
    const { git, sync } = desktop();
    const other = sync(request({ sourceId: 'other' }), fakePage().target);
    expect(git.cancel('ops')).toBe(false);
    expect((await other).ok).toBe(true);
  });

  it('re-reads every file when the page says its cache was written by another ingest version', async () => {
    const { sync } = desktop();
    const first = expectOk(await sync(request(), fakePage().target));
    const base = { previousCommit: first.changeSet.version, cached: cachedAfter(first.changeSet) };
    const again = expectOk(await sync(request({ ...base, rereadAll: true }), fakePage().target));
    expect(again.stats).toMatchObject({ comparedBy: 'cache', parsed: 10, counts: { added: 0, updated: 0, removed: 0, unchanged: 11 } });
    expect(again.changeSet.upserts).toHaveLength(10);
    const normal = expectOk(await sync(request(base), fakePage().target));
    expect(normal.stats).toMatchObject({ parsed: 0, counts: { unchanged: 11 } });
  });

  it('deleting a removed source’s store deletes its folder only; a later sync starts afresh', async () => {
    const { git, sync, userData } = desktop();
    expectOk(await sync(request(), fakePage().target));
    expectOk(await sync(request({ sourceId: 'other' }), fakePage().target));
    const stores = path.join(userData, GIT_STORES_FOLDER);
    expect(readdirSync(stores).sort()).toEqual([objectStoreFolderName('ops'), objectStoreFolderName('other')].sort());

    expect(await git.deleteStore('ops')).toEqual({ deleted: true });
    expect(readdirSync(stores)).toEqual([objectStoreFolderName('other')]);
    expect(await git.deleteStore('never-synced')).toEqual({ deleted: true });

    const fresh = expectOk(await sync(request(), fakePage().target));
    expect(fresh.stats).toMatchObject({ comparedBy: 'cache', counts: { added: 11 } });
  });

  it('pruning deletes the stores of sources that are gone, keeps the kept and the syncing ones, and nothing else', async () => {
    const { git, sync, userData } = desktop();
    const first = expectOk(await sync(request(), fakePage().target));
    expectOk(await sync(request({ sourceId: 'removed-long-ago' }), fakePage().target));
    expectOk(await sync(request({ sourceId: 'syncing-now' }), fakePage().target));
    const stores = path.join(userData, GIT_STORES_FOLDER);
    writeFileSync(path.join(stores, 'notes.txt'), 'not a store');
    mkdirSync(path.join(stores, 'backup'));

    // A sync of a source the page's list does not name yet (added a moment ago) is running meanwhile.
    repo.write(runbookPath(6), `# Changed before the prune\n\n${'words '.repeat(300)}\n`).commit();
    const stalled = server.url('ops.git', { kind: 'stall', afterBytes: 20 });
    const from = (await server.requestLog()).length;
    const running = sync(
      request({ sourceId: 'syncing-now', url: stalled, previousCommit: first.changeSet.version, cached: cachedAfter(first.changeSet) }),
      fakePage().target,
    );
    await packRequested(stalled, from);

    expect(await git.pruneStores(['ops'])).toEqual({ removed: 1, failed: 0 });
    expect(readdirSync(stores).sort()).toEqual(
      [objectStoreFolderName('ops'), objectStoreFolderName('syncing-now'), 'backup', 'notes.txt'].sort(),
    );
    git.cancel('syncing-now');
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // The kept source syncs on from its store: only the changed runbook is read.
    const next = expectOk(
      await sync(request({ previousCommit: first.changeSet.version, cached: cachedAfter(first.changeSet) }), fakePage().target),
    );
    expect(next.stats).toMatchObject({ comparedBy: 'trees', parsed: 1 });
    expect(await desktop().git.pruneStores([])).toEqual({ removed: 0, failed: 0 });
  });

  it('deleting the store of a source that is syncing cancels that sync first', async () => {
    const { git, sync, userData } = desktop();
    const first = expectOk(await sync(request(), fakePage().target));
    repo.write(runbookPath(4), `# Changed before the removal\n\n${'words '.repeat(300)}\n`).commit();
    const stalled = server.url('ops.git', { kind: 'stall', afterBytes: 20 });
    const from = (await server.requestLog()).length;
    const running = sync(
      request({ url: stalled, previousCommit: first.changeSet.version, cached: cachedAfter(first.changeSet) }),
      fakePage().target,
    );
    await packRequested(stalled, from);

    expect(await git.deleteStore('ops')).toEqual({ deleted: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(existsSync(path.join(userData, GIT_STORES_FOLDER, objectStoreFolderName('ops')))).toBe(false);
  });
});

function createFailingTokenStore(): { sync: DesktopGitSync['run'] } {
  const readToken = async (): Promise<undefined> => {
    throw new Error('keychain is locked');
  };
  const readSettings = async (sourceId: string): Promise<SourceSettings> => ({ sourceId, url: server.url('ops.git') });
  return { sync: createDesktopGitSync({ userDataPath: tempDir('userData-'), readSettings, readToken }).run };
}

/**
 * The page's bridge wired to main as in the app. Main and the page are separate JavaScript realms, each
 * with its own per-source lock: the main side is loaded as a fresh module graph so the two locks do not
 * see each other. Like Electron, requests and answers are structured-cloned and main validates requests.
 */
async function connectPageToMain() {
  vi.resetModules();
  const mainRealm = await import('../../electron/gitSync');
  const settings = new Map<string, SourceSettings>();
  const main = mainRealm.createDesktopGitSync({
    userDataPath: tempDir('userData-'),
    readSettings: async (id) => settings.get(id),
    readToken: async () => undefined,
  });
  const progressListeners = new Set<(event: SyncProgressEvent) => void>();
  const cancelled: string[] = [];
  const bridge = {
    async saveSource(raw: SourceSettings): Promise<SaveSourceResult> {
      const parsed = checkMessage(sourceSettingsSchema, structuredClone(raw));
      if (!parsed.ok) throw new Error(`source:save refused: ${parsed.reason}`);
      settings.set(parsed.value.sourceId, parsed.value);
      return { saved: true };
    },
    async syncRun(raw: SyncRunRequest): Promise<SyncRunResponse> {
      const parsed = checkMessage(syncRunRequestSchema, structuredClone(raw));
      if (!parsed.ok) throw new Error(`sync:run refused: ${parsed.reason}`);
      const target = {
        isDestroyed: () => false,
        send: (_channel: string, payload: SyncProgressEvent) => progressListeners.forEach((l) => l(structuredClone(payload))),
      };
      return structuredClone(await main.run(parsed.value, target));
    },
    async syncCancel(sourceId: string): Promise<boolean> {
      const parsed = checkMessage(syncSourceRequestSchema, structuredClone({ sourceId }));
      if (!parsed.ok) throw new Error(`sync:cancel refused: ${parsed.reason}`);
      cancelled.push(sourceId);
      return main.cancel(parsed.value.sourceId);
    },
    onSyncProgress(listener: (event: SyncProgressEvent) => void) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
  };
  return { bridge, progressListeners, cancelled };
}

describe('the desktop path end to end: page runGitSync → IPC → main → loopback server', () => {
  it('applies main’s change set on the page, then a later upstream change incrementally', async () => {
    const { bridge, progressListeners } = await connectPageToMain();
    const page = fakePage();
    const source: SourceRecord = { id: 'team', kind: 'git', name: 'Team', location: server.url('ops.git') };
    const db = await openCache(source);
    const engine = createDesktopSyncEngine(bridge);

    const first = await runGitSync(db, source, { engine, onProgress: (progress) => page.events.push({ sourceId: 'team', progress }) });
    expect(first).toMatchObject({ ok: true, applied: { added: 10 } });
    expect(await db.runbooks.where('sourceId').equals('team').count()).toBe(10);
    expect(await db.assets.get(['team', 'img/map.png'])).toMatchObject({ bytes: TINY_PNG });
    expect((await db.sources.get('team'))?.version).toBe(repo.head());
    expect(page.events.at(-1)?.progress.phase).toBe('done');
    expect(progressListeners.size).toBe(0);

    const changed = runbookPath(5);
    repo.write(changed, '# Changed for the page\n').commit();
    const second = await runGitSync(db, source, { engine });
    expect(second).toMatchObject({ ok: true, stats: { comparedBy: 'trees', parsed: 1, counts: { updated: 1 } } });
    expect(await db.runbooks.get(['team', changed])).toMatchObject({ title: 'Changed for the page', changeMark: 'updated' });

    const before = await dumpCache(db, { withoutLastError: true });
    await db.sources.update('team', { location: server.url('missing.git') });
    const failed = await runGitSync(db, { ...source, location: server.url('missing.git') }, { engine });
    expect(failed).toMatchObject({ ok: false, error: { code: 'repo-not-found' } });
    expect((await db.sources.get('team'))?.lastError).toMatchObject({ code: 'repo-not-found' });
    await db.sources.update('team', { location: server.url('ops.git') });
    expect(await dumpCache(db, { withoutLastError: true })).toBe(before);
  });
  it('re-reads every runbook when the page’s cache was written by an older ingest, without marking them as news', async () => {
    const { bridge } = await connectPageToMain();
    const source: SourceRecord = { id: 'team', kind: 'git', name: 'Team', location: server.url('ops.git') };
    const db = await openCache(source);
    const engine = createDesktopSyncEngine(bridge);
    expect(await runGitSync(db, source, { engine })).toMatchObject({ ok: true });
    const untouched = runbookPath(1);
    const fresh = await db.runbooks.get(['team', untouched]);
    // What an older app version left behind: rows its ingest wrote, and its ingest version.
    await db.runbooks.update(['team', untouched], { title: 'Title as an older ingest read it', headings: [] });
    await db.sources.update('team', { ingestVersion: INGEST_VERSION - 1 });
    const changed = runbookPath(6);
    const gone = runbookPath(7);
    repo.write(changed, '# Changed with the app update\n').remove(gone).commit();

    const outcome = await runGitSync(db, source, { engine });
    expect(outcome).toMatchObject({ ok: true, stats: { comparedBy: 'cache', parsed: 9 }, applied: { added: 0, updated: 1, removed: 1 } });
    expect(await db.runbooks.get(['team', untouched])).toMatchObject({ title: fresh?.title, headings: fresh?.headings });
    expect(await db.runbooks.get(['team', gone])).toBeUndefined();
    const marked = (await db.runbooks.where('sourceId').equals('team').toArray())
      .filter((r) => r.changeMark)
      .map((r) => [r.path, r.changeMark]);
    expect(marked).toEqual([[changed, 'updated']]);
    expect(await db.sources.get('team')).toMatchObject({
      ingestVersion: INGEST_VERSION,
      version: repo.head(),
      lastChange: { added: 0, updated: 1, removed: 1 },
    });

    expect(await runGitSync(db, source, { engine })).toMatchObject({ ok: true, stats: { parsed: 0 } });
    repo.write(gone, '# Back\n').commit();
  });

  it('cancelling on the page stops main’s download; the cache is as it was and no error is recorded', async () => {
    const { bridge, cancelled } = await connectPageToMain();
    const source: SourceRecord = { id: 'team', kind: 'git', name: 'Team', location: server.url('ops.git') };
    const db = await openCache(source);
    const engine = createDesktopSyncEngine(bridge);
    expect(await runGitSync(db, source, { engine })).toMatchObject({ ok: true });
    repo.write(runbookPath(8), `# Changed before the cancel\n\n${'words '.repeat(300)}\n`).commit();
    const stalled = server.url('ops.git', { kind: 'stall', afterBytes: 20 });
    await db.sources.update('team', { location: stalled });
    const before = await dumpCache(db);

    const controller = new AbortController();
    const from = (await server.requestLog()).length;
    const running = runGitSync(db, { ...source, location: stalled }, { engine, signal: controller.signal });
    await packRequested(stalled, from);
    controller.abort();

    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(cancelled).toEqual(['team']);
    expect(await dumpCache(db)).toBe(before);
  });
});

describe('the token stays on the origin it was saved for', () => {
  // Another origin (another port) serving the same repositories, also demanding the token; `redirect-away` goes there.
  const elsewhere = () => server.elsewhere;

  it('a source re-pointed at another origin syncs there without the token, and says why', async () => {
    const { sync } = desktop({ ops: TOKEN });
    const from = (await elsewhere().requestLog()).length;
    const response = await sync(request({ url: elsewhere().url('ops.git', { kind: 'auth' }) }), fakePage().target);
    expect(response).toEqual({
      ok: false,
      error: {
        code: 'auth-failed',
        message: expect.stringContaining(`belongs to ${new URL(server.origin).host} and is never sent to another address`),
      },
    });
    expect((await elsewhere().requestLog()).slice(from).length).toBeGreaterThan(0);
    expect((await elsewhere().requestLog()).slice(from).every((r) => r.authorization === undefined)).toBe(true);
  });

  it('follows a same-origin redirect as git does, token included', async () => {
    const { sync } = desktop({ ops: TOKEN });
    const from = (await server.requestLog()).length;
    const response = expectOk(await sync(request({ url: server.url('ops.git', { kind: 'redirect-auth' }) }), fakePage().target));
    expect(response.changeSet.version).toBe(repo.head());
    const sent = (await server.requestLog()).slice(from);
    expect(sent.some((r) => r.method === 'POST' && r.url.startsWith('/auth/') && r.status === 200 && r.authorization !== undefined)).toBe(
      true,
    );
  });

  it('stops at a redirect to another origin with "redirected to <host>", and that host never sees the token', async () => {
    const { sync } = desktop({ ops: TOKEN });
    const from = (await elsewhere().requestLog()).length;
    const response = await sync(request({ url: server.url('ops.git', { kind: 'redirect-away' }) }), fakePage().target);
    expect(response).toEqual({
      ok: false,
      error: { code: 'invalid-source', message: expect.stringContaining(`redirected to ${new URL(elsewhere().origin).host}`) },
    });
    expect((await elsewhere().requestLog()).slice(from).every((r) => r.authorization === undefined)).toBe(true);
  });

  it('refuses to send a token over plain http:// to another computer', async () => {
    const { sync } = desktop({ ops: TOKEN }, 'http://git.example.com');
    const response = await sync(request({ url: 'http://git.example.com/ops.git' }), fakePage().target);
    expect(response).toEqual({
      ok: false,
      error: { code: 'invalid-source', message: expect.stringContaining('never sent over plain http://') },
    });
  });
});

describe('left-overs of a sync killed mid-download', () => {
  it('are removed at the next start (the prune), not only when that source syncs again', async () => {
    const { git, sync, userData } = desktop();
    expectOk(await sync(request(), fakePage().target));
    const store = path.join(userData, GIT_STORES_FOLDER, objectStoreFolderName('ops'));
    const packs = readdirSync(path.join(store, 'objects', 'pack'));
    // What a killed fetch leaves: its marker (listing the packs before it) and a half-written pack.
    writeFileSync(path.join(store, 'runbook-reader-fetch.json'), JSON.stringify({ shallow: null, packs }));
    writeFileSync(path.join(store, 'objects', 'pack', 'pack-0000000000000000000000000000000000000000.pack'), 'PACK partial');
    writeFileSync(path.join(store, 'shallow'), `${'f'.repeat(40)}\n`);

    await git.pruneStores(['ops']);
    expect(readdirSync(path.join(store, 'objects', 'pack')).sort()).toEqual([...packs].sort());
    expect(existsSync(path.join(store, 'runbook-reader-fetch.json'))).toBe(false);
    expect(existsSync(path.join(store, 'shallow'))).toBe(false);
  });
});

describe('desktop Save offline copy of a synced source (main writes the bundle)', () => {
  let historyUrl: string;
  let historyHead: string;
  beforeAll(() => {
    const history = new RunbookRepo();
    for (const step of ['first', 'second', 'third']) history.write(`${step}.md`, `# ${step}\n`).commit(step);
    historyHead = history.head();
    history.publish(server.root, 'history.git');
    history.dispose();
    historyUrl = server.url('history.git', { kind: 'auth' });
  });

  /** Main as the app makes it, for a source behind a token; `online` plays `net.isOnline()`. */
  function desktopFor(online: { now: boolean }): DesktopGitSync {
    return createDesktopGitSync({
      userDataPath: tempDir('userData-save-'),
      readSettings: async (sourceId) => ({ sourceId, url: historyUrl, branch: 'main' }),
      readToken: async () => ({ value: TOKEN, origin: server.origin }),
      isOnline: () => online.now,
    });
  }

  /** `git bundle verify` in an empty repository, then `git clone`: the commit subjects the clone holds. */
  function cloneOf(bytes: Uint8Array): string[] {
    const dir = tempDir('desktop-saved-copy-');
    const file = path.join(dir, 'copy.bundle');
    writeFileSync(file, bytes);
    runGit(dir, ['init', '-q', 'empty']);
    runGit(path.join(dir, 'empty'), ['bundle', 'verify', '-q', file]);
    runGit(dir, ['clone', '-q', file, 'clone']);
    return runGit(path.join(dir, 'clone'), ['log', '--format=%s']).split('\n');
  }

  it('fetches the history the sync left out (with the source’s token), so git bundle verify and git clone accept the copy', async () => {
    const main = desktopFor({ now: true });
    const synced = expectOk(await main.run({ sourceId: 'ops', cached: {} }, fakePage().target));
    expect(synced.changeSet.version).toBe(historyHead);
    const before = (await server.requestLog()).length;

    const saved = await main.writeOfflineCopy({ id: 'ops', name: 'Ops', version: historyHead, branch: 'main' });
    expect(saved).toMatchObject({ ok: true, fileName: `Ops-${historyHead.slice(0, 7)}.bundle`, prerequisites: [] });
    if (!saved.ok) return;
    expect(saved.historyNotFetched).toBeUndefined();
    expect(cloneOf(saved.bytes)).toEqual(['third', 'second', 'first']);
    // The history came from the source's own host, with its token.
    const fetched = (await server.requestLog()).slice(before);
    expect(fetched.some((r) => r.authorization !== undefined && r.status === 200)).toBe(true);
  });

  it('offline: still saves the copy, with the missing parent as a prerequisite and the reason git clone will refuse it', async () => {
    const online = { now: true };
    const main = desktopFor(online);
    expectOk(await main.run({ sourceId: 'ops', cached: {} }, fakePage().target));
    online.now = false;
    const before = (await server.requestLog()).length;

    const saved = await main.writeOfflineCopy({ id: 'ops', name: 'Ops', version: historyHead, branch: 'main' });
    expect(saved).toMatchObject({
      ok: true,
      prerequisites: [expect.stringMatching(/^[0-9a-f]{40}$/)],
      historyNotFetched: 'this device is offline',
    });
    expect((await server.requestLog()).slice(before)).toEqual([]);
  });
});
