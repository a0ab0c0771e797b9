import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import type { SourceRecord } from '../../../core/model';
import { fileIndexFromCache } from '../../../core/sync/fileIndexFromCache';
import type { ObjectStoreFs } from '../../../core/sync/objectStoreFs';
import type { SourceToken } from '../../../core/sync/tokenBinding';
import { runGitSync, type GitSyncOutcome } from '../../../core/sync/runGitSync';
import { syncGitSource } from '../../../core/sync/syncGitSource';
import type { ServerMode } from '../../helpers/gitHttpServer';
import type { SharedGitServer } from '../../helpers/sharedGitServer';
import { RunbookRepo, TINY_PNG, generateRunbooks, git } from '../../helpers/makeRunbookRepo';
import { cleanUp, dumpCache, http, nodeFs, openCache, startServer, tempDir } from './syncFixture';

/** The token the shared loopback server's `auth` mode accepts. */
const GOOD_TOKEN = inject('gitServer').token;
const WRONG_TOKEN = 'tok_wrong_fedcba9876543210';
const SOURCE_ID = 'team-runbooks';

let server: SharedGitServer;
let repo: RunbookRepo;
let edits = 0;

beforeAll(async () => {
  server = startServer();
  repo = new RunbookRepo();
  repo
    .writeAll(generateRunbooks(30, 400, 1500))
    .write('img/map.png', TINY_PNG)
    .commit('initial');
  repo.publish(server.root, 'faults.git');
  // Each fault is placed at a byte of the pack measured on an earlier fetch of the same commits, so the
  // server must build the same pack every time: one delta-search thread (several can split the work
  // differently from run to run).
  git(join(server.root, 'faults.git'), ['config', 'pack.threads', '1']);
});
afterAll(cleanUp);

/** A new commit with real work in it (changed, added and removed files), so a faulting sync has something to lose. */
function pushChanges(): void {
  edits++;
  for (let i = 0; i < 5; i++)
    repo.write(`area-${i}/runbook-0000${i}.md`, `---\ntitle: Edit ${edits}.${i}\n---\n# Edit ${edits}\n\n${'step '.repeat(200)}\n`);
  repo.write(`added/edit-${edits}.md`, `# Added in edit ${edits}\n`);
  repo.commit(`edit ${edits}`);
}

/** A token saved for the loopback server's origin, as the app stores it. */
function savedFor(value: string): SourceToken {
  return { value, origin: server.origin };
}

interface Prepared {
  db: RunbookDatabase;
  gitdir: string;
  source: SourceRecord;
}

/** A cache after one good sync, with a bookmark, and a newer commit waiting on the server. */
async function prepare(mode: ServerMode = { kind: 'plain' }): Promise<Prepared> {
  const source: SourceRecord = { id: SOURCE_ID, kind: 'git', name: 'Team runbooks', location: server.url('faults.git', mode) };
  const db = await openCache(source);
  const gitdir = tempDir('store-');
  const first = await runGitSync(db, source, { fs: nodeFs, http, gitdir, token: savedFor(GOOD_TOKEN) });
  expect(first.ok).toBe(true);
  await db.bookmarks.put({
    id: `${SOURCE_ID}|area-0/runbook-00000.md#`,
    sourceId: SOURCE_ID,
    path: 'area-0/runbook-00000.md',
    label: 'Runbook 0',
    pinned: true,
    order: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  pushChanges();
  return { db, gitdir, source };
}

/** Bytes of pack data the next incremental sync would download, measured on a copy of the store. */
async function nextPackSize(prepared: Prepared): Promise<number> {
  const copy = tempDir('store-copy-');
  cpSync(prepared.gitdir, copy, { recursive: true });
  const from = (await server.requestLog()).length;
  const record = (await prepared.db.sources.get(SOURCE_ID))!;
  await syncGitSource(
    {
      sourceId: SOURCE_ID,
      url: server.url('faults.git'),
      previousCommit: record.version!,
      cached: fileIndexFromCache(prepared.db, SOURCE_ID),
    },
    { fs: nodeFs, http, gitdir: copy },
  );
  const packBytes = (await server.requestLog()).slice(from).find((r) => r.method === 'POST')!.packBytes;
  expect(packBytes).toBeGreaterThan(500); // a real pack with the pushed changes in it
  return packBytes;
}

/**
 * The faulting server stopped the pack exactly `at` bytes in: the fault is where the test says, and the
 * pack it cut was at least as long as the one measured beforehand.
 */
async function expectPackStoppedAt(from: number, at: number): Promise<void> {
  const packRequests = (await server.requestLog()).slice(from).filter((r) => r.method === 'POST');
  expect(packRequests.map((r) => r.packBytes)).toEqual([at]);
}

/** Runs a sync expected to fail and checks everything a user relies on after a failure. */
async function expectFailure(
  prepared: Prepared,
  change: Partial<SourceRecord>,
  deps: { token?: SourceToken; timeoutMs?: number; fs?: ObjectStoreFs; signal?: AbortSignal },
  code: string,
): Promise<GitSyncOutcome & { ok: false }> {
  const { db, gitdir } = prepared;
  await db.sources.update(SOURCE_ID, change);
  const sourceBefore = (await db.sources.get(SOURCE_ID))!;
  const before = await dumpCache(db, { withoutLastError: true });

  const outcome = await runGitSync(db, sourceBefore, { fs: deps.fs ?? nodeFs, http, gitdir, ...deps });

  expect(outcome).toMatchObject({ ok: false, error: { code } });
  if (outcome.ok) throw new Error('unreachable');
  // Everything but the source's lastError is byte-for-byte what it was, bookmark included.
  expect(await dumpCache(db, { withoutLastError: true })).toBe(before);
  const sourceAfter = (await db.sources.get(SOURCE_ID))!;
  expect(sourceAfter.lastError).toMatchObject({ code, message: outcome.error.message });
  expect({ ...sourceAfter, lastError: undefined }).toEqual({ ...sourceBefore, lastError: undefined });
  expect(await db.bookmarks.get(`${SOURCE_ID}|area-0/runbook-00000.md#`)).toMatchObject({ label: 'Runbook 0', pinned: true });
  for (const secret of [GOOD_TOKEN, WRONG_TOKEN]) {
    expect(JSON.stringify(outcome)).not.toContain(secret);
    expect(JSON.stringify(sourceAfter)).not.toContain(secret);
  }
  return outcome;
}

/** After a fault, a normal sync must work on the same object store and bring the cache to the head commit. */
async function expectRecovery(prepared: Prepared, token?: string): Promise<void> {
  const { db, gitdir } = prepared;
  await db.sources.update(SOURCE_ID, { location: server.url('faults.git'), branch: undefined, subdir: undefined });
  const source = (await db.sources.get(SOURCE_ID))!;
  const outcome = await runGitSync(db, source, { fs: nodeFs, http, gitdir, ...(token ? { token: savedFor(token) } : {}) });
  expect(outcome).toMatchObject({ ok: true });
  const after = (await db.sources.get(SOURCE_ID))!;
  expect(after.version).toBe(repo.head());
  expect(after.lastError).toBeUndefined();
  const cached = new Map<string, string>();
  for (const r of await db.runbooks.where('sourceId').equals(SOURCE_ID).toArray()) cached.set(r.path, r.oid);
  for (const a of await db.assets.where('sourceId').equals(SOURCE_ID).toArray()) cached.set(a.path, a.oid);
  const listed = new Map<string, string>();
  for (const line of git(repo.workDir, ['ls-tree', '-r', 'HEAD']).split('\n')) {
    const [meta, path] = line.split('\t') as [string, string];
    listed.set(path, meta.split(' ')[2]!);
  }
  expect(cached).toEqual(listed);
}

describe('sync faults leave the cache exactly as it was', () => {
  it.each([
    ['as soon as the pack starts', (size: number) => 0 * size],
    ['40% into the pack', (size: number) => Math.floor(size * 0.4)],
    ['80% into the pack', (size: number) => Math.floor(size * 0.8)],
    ['inside the checksum at the end of the pack', (size: number) => size - 10],
  ])('the connection drops %s', async (_when, at) => {
    const prepared = await prepare();
    const cutAt = at(await nextPackSize(prepared));
    const from = (await server.requestLog()).length;
    await expectFailure(prepared, { location: server.url('faults.git', { kind: 'cut-reset', afterBytes: cutAt }) }, {}, 'connection-cut');
    await expectPackStoppedAt(from, cutAt);
    await expectRecovery(prepared);
  });

  it.each([0.5, 0.95])('the server ends the response cleanly but short (at %d of the pack)', async (fraction) => {
    const prepared = await prepare();
    const cutAt = Math.floor((await nextPackSize(prepared)) * fraction);
    const from = (await server.requestLog()).length;
    await expectFailure(prepared, { location: server.url('faults.git', { kind: 'cut-end', afterBytes: cutAt }) }, {}, 'connection-cut');
    await expectPackStoppedAt(from, cutAt);
    await expectRecovery(prepared);
  });

  it.each([0.3, 0.7])('the pack arrives damaged, one byte inverted at %d of it: connection-cut', async (fraction) => {
    const prepared = await prepare();
    const size = await nextPackSize(prepared);
    const at = Math.floor(size * fraction);
    const from = (await server.requestLog()).length;
    const failure = await expectFailure(
      prepared,
      { location: server.url('faults.git', { kind: 'damage', afterBytes: at }) },
      {},
      'connection-cut',
    );
    // Which sentence depends on what the inverted byte hits: data that no longer decodes or fails the pack
    // checksum reads as damaged; a byte that makes isomorphic-git skip objects it cannot resolve leaves the
    // index short of objects, which reads as a download that stopped early.
    expect(failure.error.message).toMatch(/(arrived damaged|ended before it was complete)\. Nothing was changed/);
    // The whole pack was sent: the damage, not a short download, is what failed the sync.
    expect(
      (await server.requestLog())
        .slice(from)
        .filter((r) => r.method === 'POST')
        .map((r) => r.packBytes),
    ).toEqual([size]);
    await expectRecovery(prepared);
  });

  it('the server stalls part-way through the pack past the timeout', async () => {
    const prepared = await prepare();
    const stallAt = Math.floor((await nextPackSize(prepared)) / 2);
    const from = (await server.requestLog()).length;
    const outcome = await expectFailure(
      prepared,
      { location: server.url('faults.git', { kind: 'stall', afterBytes: stallAt }) },
      // Long enough that the requests before the pack never hit it on a busy machine, so it fires mid-pack.
      { timeoutMs: 1_000 },
      'timed-out',
    );
    expect(outcome.error.message).toMatch(/for 1 s\b/);
    await expectPackStoppedAt(from, stallAt);
    await expectRecovery(prepared);
  });

  it('the server accepts the connection and never answers', async () => {
    const prepared = await prepare();
    await expectFailure(prepared, { location: server.url('faults.git', { kind: 'hang' }) }, { timeoutMs: 400 }, 'timed-out');
    await expectRecovery(prepared);
  });

  it('the repository does not exist (404)', async () => {
    const prepared = await prepare();
    const outcome = await expectFailure(prepared, { location: server.url('no-such-repo.git') }, {}, 'repo-not-found');
    expect(outcome.error.message).toContain('HTTP 404');
    await expectRecovery(prepared);
  });

  it('the branch does not exist', async () => {
    const prepared = await prepare();
    const outcome = await expectFailure(prepared, { branch: 'no-such-branch' }, {}, 'branch-not-found');
    expect(outcome.error.message).toContain('"no-such-branch"');
    await expectRecovery(prepared);
  });

  it('the sub-folder does not exist in the new commit', async () => {
    const prepared = await prepare();
    const outcome = await expectFailure(prepared, { subdir: 'docs/operations/runbooks' }, {}, 'subdir-missing');
    expect(outcome.error.message).toContain('"docs/operations/runbooks"');
    await expectRecovery(prepared);
  });

  it('the disk fills up while the pack is written', async () => {
    const prepared = await prepare();
    const full: ObjectStoreFs = {
      promises: {
        ...nodeFs.promises,
        writeFile: async (path, data) => {
          if (path.includes('/objects/pack/')) {
            await nodeFs.promises.writeFile(path, data.subarray(0, 100)); // a partial write, then the error
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          return nodeFs.promises.writeFile(path, data);
        },
      },
    };
    await expectFailure(prepared, {}, { fs: full }, 'storage-full');
    await expectRecovery(prepared);
  });

  it('cancelling a stalled download stops at once and is not recorded as an error', async () => {
    const prepared = await prepare();
    const { db, gitdir } = prepared;
    await db.sources.update(SOURCE_ID, { location: server.url('faults.git', { kind: 'stall', afterBytes: 10 }) });
    const source = (await db.sources.get(SOURCE_ID))!;
    const before = await dumpCache(db);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const outcome = await runGitSync(db, source, { fs: nodeFs, http, gitdir, timeoutMs: 60_000, signal: controller.signal });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await dumpCache(db)).toBe(before);
    await expectRecovery(prepared);
  });
});

describe('authentication', () => {
  it('a private repository without a token: auth-failed, saying no token was set', async () => {
    const prepared = await prepare({ kind: 'auth' });
    const outcome = await expectFailure(prepared, {}, {}, 'auth-failed');
    expect(outcome.error.message).toMatch(/no access token is set/);
    await expectRecovery(prepared);
  });

  it('a wrong token: auth-failed, saying the token was refused, and the token appears nowhere', async () => {
    const prepared = await prepare({ kind: 'auth' });
    const outcome = await expectFailure(prepared, {}, { token: savedFor(WRONG_TOKEN) }, 'auth-failed');
    expect(outcome.error.message).toMatch(/refused the access token/);

    // The engine's own error, with its technical detail and stack, names no token either.
    const record = (await prepared.db.sources.get(SOURCE_ID))!;
    const error = await syncGitSource(
      { sourceId: SOURCE_ID, url: record.location!, token: savedFor(WRONG_TOKEN), cached: fileIndexFromCache(prepared.db, SOURCE_ID) },
      { fs: nodeFs, http, gitdir: prepared.gitdir },
    ).then(
      () => {
        throw new Error('expected the sync to fail');
      },
      (e: unknown) => e as Error & { detail?: string },
    );
    expect(error).toMatchObject({ name: 'SyncError', code: 'auth-failed' });
    for (const text of [error.message, String(error.detail), String(error.stack), JSON.stringify(error)]) {
      expect(text).not.toContain(WRONG_TOKEN);
      expect(text).not.toContain(Buffer.from(`${WRONG_TOKEN}:x-oauth-basic`).toString('base64'));
    }
    await expectRecovery(prepared, GOOD_TOKEN);
  });

  it('the right token works, and is sent only in the Authorization header', async () => {
    const prepared = await prepare({ kind: 'auth' });
    const from = (await server.requestLog()).length;
    const outcome = await runGitSync(prepared.db, prepared.source, {
      fs: nodeFs,
      http,
      gitdir: prepared.gitdir,
      token: savedFor(GOOD_TOKEN),
    });
    expect(outcome).toMatchObject({ ok: true, stats: { parsed: 6 } });
    const sent = (await server.requestLog()).slice(from);
    expect(sent.some((r) => r.authorization !== undefined)).toBe(true);
    for (const r of sent) expect(r.url).not.toContain(GOOD_TOKEN);
  });
});

describe('a sync interrupted by the app closing', () => {
  it('is rolled back at the start of the next sync, which then works', async () => {
    const prepared = await prepare();
    const before = await dumpCache(prepared.db);
    // The "process" dies while writing the pack index: that write and every later file operation fail,
    // so the engine cannot clean up after itself.
    let dead = false;
    const dying: ObjectStoreFs = {
      promises: Object.fromEntries(
        Object.entries(nodeFs.promises).map(([name, fn]) => [
          name,
          async (...args: unknown[]) => {
            if (dead) throw new Error('process gone');
            if (name === 'writeFile' && String(args[0]).endsWith('.idx')) {
              dead = true;
              await nodeFs.promises.writeFile(String(args[0]), (args[1] as Uint8Array).subarray(0, 50)); // half-written
              throw new Error('process gone');
            }
            return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
          },
        ]),
      ) as unknown as ObjectStoreFs['promises'],
    };
    const source = (await prepared.db.sources.get(SOURCE_ID))!;
    const outcome = await runGitSync(prepared.db, source, { fs: dying, http, gitdir: prepared.gitdir });
    expect(outcome.ok).toBe(false);
    expect(await dumpCache(prepared.db, { withoutLastError: true })).toBe(before);
    await expectRecovery(prepared);
  });
});
