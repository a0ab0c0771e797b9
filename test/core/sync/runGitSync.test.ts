import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../../core/model';
import { INGEST_VERSION } from '../../../core/ingest/ingestRunbook';
import { fileIndexFromCache } from '../../../core/sync/fileIndexFromCache';
import { runGitSync } from '../../../core/sync/runGitSync';
import { isSyncRunning } from '../../../core/sync/sourceLock';
import type { SharedGitServer } from '../../helpers/sharedGitServer';
import { RunbookRepo, TINY_PNG, generateRunbooks } from '../../helpers/makeRunbookRepo';
import { cleanUp, http, nodeFs, openCache, startServer, tempDir } from './syncFixture';

let server: SharedGitServer;
let repo: RunbookRepo;

beforeAll(async () => {
  server = startServer();
  repo = new RunbookRepo();
  repo
    .writeAll(generateRunbooks(12, 400, 1000))
    .write('img/map.png', TINY_PNG)
    .write('bad/latin1.md', Uint8Array.from([0x63, 0x61, 0x66, 0xe9]));
  repo.commit('initial');
  repo.publish(server.root, 'runner.git');
});
afterAll(cleanUp);

const source = (fields: Partial<SourceRecord> = {}): SourceRecord => ({
  id: 'team',
  kind: 'git',
  name: 'Team',
  location: server.url('runner.git'),
  ...fields,
});

describe('runGitSync', () => {
  it('applies the first sync to the cache: runbooks, bodies, skipped files and images, and the commit', async () => {
    const db = await openCache(source());
    const outcome = await runGitSync(db, source(), {
      fs: nodeFs,
      http,
      gitdir: tempDir('store-'),
      now: () => new Date('2026-05-01T12:00:00Z'),
    });
    expect(outcome).toMatchObject({ ok: true, at: '2026-05-01T12:00:00.000Z', applied: { added: 12, skipped: 1 } });
    expect(await db.runbooks.where('sourceId').equals('team').count()).toBe(12);
    expect(await db.bodies.where('sourceId').equals('team').count()).toBe(12);
    expect(await db.skipped.get(['team', 'bad/latin1.md'])).toMatchObject({ reason: 'not-utf8' });
    expect(await db.assets.get(['team', 'img/map.png'])).toMatchObject({ mime: 'image/png', bytes: TINY_PNG });
    expect(await db.sources.get('team')).toMatchObject({ version: repo.head(), lastSyncAt: '2026-05-01T12:00:00.000Z' });
  });

  it('marks what a later sync changed and removes what disappeared, image included', async () => {
    const db = await openCache(source());
    const gitdir = tempDir('store-');
    await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    const changed = [...generateRunbooks(1)][0]!.path;
    repo.write(changed, '# Changed\n').remove('img/map.png').commit();
    const outcome = await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    expect(outcome).toMatchObject({ ok: true, stats: { parsed: 1, counts: { updated: 1, removed: 1 } } });
    expect(await db.runbooks.get(['team', changed])).toMatchObject({ title: 'Changed', changeMark: 'updated' });
    expect(await db.assets.get(['team', 'img/map.png'])).toBeUndefined();
    repo.write('img/map.png', TINY_PNG).commit();
  });

  it('records a failure as lastError only, and a later success clears it', async () => {
    const db = await openCache(source());
    const gitdir = tempDir('store-');
    await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    await db.sources.update('team', { location: server.url('missing.git') });
    const failed = await runGitSync(db, source(), { fs: nodeFs, http, gitdir, now: () => new Date('2026-05-02T08:00:00Z') });
    expect(failed).toEqual({ ok: false, error: { code: 'repo-not-found', message: expect.stringContaining('HTTP 404') } });
    expect((await db.sources.get('team'))?.lastError).toEqual({
      at: '2026-05-02T08:00:00.000Z',
      code: 'repo-not-found',
      message: failed.ok ? '' : failed.error.message,
    });

    await db.sources.update('team', { location: server.url('runner.git') });
    const fixed = await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    expect(fixed.ok).toBe(true);
    expect((await db.sources.get('team'))?.lastError).toBeUndefined();
  });

  it('lets only one sync of a source run at a time; the second says so and is not an error of the source', async () => {
    const db = await openCache(source());
    const gitdir = tempDir('store-');
    const first = runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    expect(isSyncRunning('team')).toBe(true);
    const second = await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    expect(second).toMatchObject({ ok: false, error: { code: 'already-running' } });
    expect((await first).ok).toBe(true);
    expect(isSyncRunning('team')).toBe(false);
    expect((await db.sources.get('team'))?.lastError).toBeUndefined();
  });

  it('runs syncs of different sources side by side', async () => {
    const dbA = await openCache(source({ id: 'a' }));
    const dbB = await openCache(source({ id: 'b' }));
    const [a, b] = await Promise.all([
      runGitSync(dbA, source({ id: 'a' }), { fs: nodeFs, http, gitdir: tempDir('store-') }),
      runGitSync(dbB, source({ id: 'b' }), { fs: nodeFs, http, gitdir: tempDir('store-') }),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
  });

  it('refuses a source without a Git address', async () => {
    const folder = source({ kind: 'folder', location: '/srv/runbooks' });
    const db = await openCache(folder);
    const outcome = await runGitSync(db, folder, { fs: nodeFs, http, gitdir: tempDir('store-') });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-source' } });
  });
});

describe('runGitSync with what other features left in the cache', () => {
  it('re-reads every file once when the cache was written by an older ingest, without marking them as news', async () => {
    const db = await openCache(source());
    const gitdir = tempDir('store-');
    await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    await db.sources.update('team', { ingestVersion: INGEST_VERSION - 1 });
    const outcome = await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    expect(outcome).toMatchObject({ ok: true, stats: { parsed: 13, counts: { added: 0, updated: 0, unchanged: 14 } } });
    expect((await db.sources.get('team'))?.ingestVersion).toBe(INGEST_VERSION);
    for (const r of await db.runbooks.toArray()) expect(r.changeMark).toBeUndefined();
    const again = await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    expect(again).toMatchObject({ ok: true, stats: { parsed: 0 } });
  });

  it('replaces what an app without ingest versions cached, while bringing in the upstream changes as usual', async () => {
    const db = await openCache(source());
    const gitdir = tempDir('store-');
    await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    const [untouched, changed, gone] = [...generateRunbooks(12, 400, 1000)].slice(2, 5).map((f) => f.path) as [string, string, string];
    const fresh = await db.runbooks.get(['team', untouched]);
    // What an app from before ingest versions left: no version on the source, rows its ingest wrote.
    await db.runbooks.update(['team', untouched], { title: 'Title as an older ingest read it', headings: [] });
    await db.sources.update('team', { ingestVersion: undefined });
    const goneBytes = execFileSync('git', ['show', `HEAD:${gone}`], { cwd: repo.workDir });
    repo.write(changed, '# Changed with the app update\n').remove(gone).commit('update');

    const outcome = await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    expect(outcome).toMatchObject({ ok: true, stats: { parsed: 12, counts: { added: 0, updated: 1, removed: 1, unchanged: 12 } } });
    expect(await db.runbooks.get(['team', untouched])).toMatchObject({ title: fresh?.title, headings: fresh?.headings });
    expect(await db.runbooks.get(['team', gone])).toBeUndefined();
    const marked = (await db.runbooks.toArray()).filter((r) => r.changeMark).map((r) => [r.path, r.changeMark]);
    expect(marked).toEqual([[changed, 'updated']]);
    expect(await db.sources.get('team')).toMatchObject({ ingestVersion: INGEST_VERSION, lastChange: { added: 0, updated: 1, removed: 1 } });

    repo.write(gone, goneBytes).commit('restore');
  });

  it('reads a bookmarked runbook again when it comes back after being removed upstream', async () => {
    const db = await openCache(source());
    const gitdir = tempDir('store-');
    await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    const path = [...generateRunbooks(12, 400, 1000)][5]!.path;
    const bytes = execFileSync('git', ['show', `HEAD:${path}`], { cwd: repo.workDir });
    await db.bookmarks.put({
      id: `team|${path}#`,
      sourceId: 'team',
      path,
      label: 'Kept',
      pinned: false,
      order: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
    });

    repo.remove(path).commit('remove');
    expect(await runGitSync(db, source(), { fs: nodeFs, http, gitdir })).toMatchObject({ ok: true, stats: { counts: { removed: 1 } } });
    expect((await db.runbooks.get(['team', path]))?.removedFromSource).toBeDefined();
    // The kept copy is not part of the source any more.
    expect(await fileIndexFromCache(db, 'team').lookup([path])).toEqual(new Map());
    expect(await fileIndexFromCache(db, 'team').count()).toBe(13);
    expect((await fileIndexFromCache(db, 'team').all()).has(path)).toBe(false);

    repo.write(path, bytes).commit('back, same bytes');
    const back = await runGitSync(db, source(), { fs: nodeFs, http, gitdir });
    expect(back).toMatchObject({ ok: true, stats: { parsed: 1, counts: { added: 1 } } });
    const runbook = await db.runbooks.get(['team', path]);
    expect(runbook?.removedFromSource).toBeUndefined();
    expect(runbook?.changeMark).toBe('added');
  });
});

describe('fileIndexFromCache', () => {
  it('counts and looks up the source’s runbooks, skipped files and images, and no other source’s', async () => {
    const db = await openCache(source());
    await runGitSync(db, source(), { fs: nodeFs, http, gitdir: tempDir('store-') });
    await db.sources.put(source({ id: 'other' }));
    await db.assets.put({ sourceId: 'other', path: 'x.png', oid: 'f'.repeat(40), mime: 'image/png', bytes: TINY_PNG });
    const index = fileIndexFromCache(db, 'team');
    expect(await index.count()).toBe(14);
    const found = await index.lookup(['img/map.png', 'bad/latin1.md', 'x.png', 'nope.md']);
    expect([...found.keys()].sort()).toEqual(['bad/latin1.md', 'img/map.png']);
    expect((await index.all()).size).toBe(14);
  });
});
