import { afterAll, describe, expect, it } from 'vitest';
import { gitBlobId } from '../../../core/ingest/gitBlobId';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import type { ChangeSet, SourceRecord } from '../../../core/model';
import { runGitSync } from '../../../core/sync/runGitSync';
import { SyncError } from '../../../core/sync/syncError';
import type { GitSyncRequest, GitSyncResult, GitSyncStats } from '../../../core/sync/syncGitSource';
import { cleanUp, dumpCache, openCache } from './syncFixture';

afterAll(cleanUp);

const COMMIT_1 = '1'.repeat(40);
const COMMIT_2 = '2'.repeat(40);

const source = (fields: Partial<SourceRecord> = {}): SourceRecord => ({
  id: 'team',
  kind: 'git',
  name: 'Team',
  location: 'https://git.example.com/team/runbooks.git',
  branch: 'main',
  subdir: 'docs',
  ...fields,
});

function runbookFile(path: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  return ingestRunbook('team', { path, bytes, oid: gitBlobId(bytes) });
}

function result(version: string, upserts: ChangeSet['upserts'], removed: string[] = []): GitSyncResult {
  const stats: GitSyncStats = {
    commit: version,
    branch: 'main',
    comparedBy: 'cache',
    counts: { added: upserts.length, updated: 0, removed: removed.length, renamed: 0, unchanged: 0, skipped: 0 },
    skipped: [],
    warnings: [],
    parsed: upserts.length,
    timings: { fetchMs: 0, compareMs: 0, readMs: 0, parseMs: 0, totalMs: 0 },
  };
  return { changeSet: { sourceId: 'team', version, upserts, removed, renamed: [] }, stats };
}

/** A cache that already holds one sync of the source. */
async function syncedCache() {
  const db = await openCache(source());
  const first = await runGitSync(db, source(), {
    engine: async () => result(COMMIT_1, [runbookFile('a.md', '# A\n'), runbookFile('b.md', '# B\n')]),
  });
  expect(first.ok).toBe(true);
  return db;
}

describe('runGitSync with an injected engine', () => {
  it('asks the engine with the source’s settings and what the cache holds, then applies its change set', async () => {
    const db = await syncedCache();
    const requests: GitSyncRequest[] = [];
    let held: string[] = [];
    const outcome = await runGitSync(db, source(), {
      engine: async (request) => {
        requests.push(request);
        held = [...(await request.cached.all()).keys()].sort();
        return result(COMMIT_2, [runbookFile('c.md', '# C\n')], ['b.md']);
      },
      timeoutMs: 5000,
    });
    expect(outcome).toMatchObject({ ok: true, applied: { added: 1, removed: 1 } });
    const [request] = requests;
    expect(request).toMatchObject({
      sourceId: 'team',
      url: source().location,
      branch: 'main',
      subdir: 'docs',
      previousCommit: COMMIT_1,
      timeoutMs: 5000,
    });
    expect(held).toEqual(['a.md', 'b.md']);
    expect(await db.runbooks.get(['team', 'c.md'])).toMatchObject({ title: 'C' });
    expect(await db.runbooks.get(['team', 'b.md'])).toBeUndefined();
    expect((await db.sources.get('team'))?.version).toBe(COMMIT_2);
  });

  it('records a SyncError thrown by the engine as lastError and leaves everything else as it was', async () => {
    const db = await syncedCache();
    const before = await dumpCache(db, { withoutLastError: true });
    const outcome = await runGitSync(db, source(), {
      engine: async () => {
        throw new SyncError('auth-failed', 'git.example.com refused the access token (HTTP 401).');
      },
      now: () => new Date('2026-05-03T09:00:00Z'),
    });
    expect(outcome).toEqual({ ok: false, error: { code: 'auth-failed', message: 'git.example.com refused the access token (HTTP 401).' } });
    expect((await db.sources.get('team'))?.lastError).toEqual({
      at: '2026-05-03T09:00:00.000Z',
      code: 'auth-failed',
      message: 'git.example.com refused the access token (HTTP 401).',
    });
    expect(await dumpCache(db, { withoutLastError: true })).toBe(before);
  });

  it('classifies anything else the engine throws, without the token, and changes nothing else', async () => {
    const db = await syncedCache();
    const before = await dumpCache(db, { withoutLastError: true });
    const outcome = await runGitSync(db, source(), {
      token: { value: 'ghp_engineSecret99', origin: 'https://git.example.com' },
      engine: async () => {
        throw new Error('socket closed while sending ghp_engineSecret99');
      },
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown' } });
    expect(JSON.stringify(outcome)).not.toContain('ghp_engineSecret99');
    expect(JSON.stringify(await db.sources.get('team'))).not.toContain('ghp_engineSecret99');
    expect(await dumpCache(db, { withoutLastError: true })).toBe(before);
  });

  it('a change set the cache cannot take is rolled back whole and recorded', async () => {
    const db = await syncedCache();
    const before = await dumpCache(db, { withoutLastError: true });
    const foreign = result(COMMIT_2, [runbookFile('d.md', '# D\n')]);
    foreign.changeSet.sourceId = 'no-such-source';
    const outcome = await runGitSync(db, source(), { engine: async () => foreign });
    expect(outcome.ok).toBe(false);
    expect((await db.sources.get('team'))?.lastError).toBeDefined();
    expect(await dumpCache(db, { withoutLastError: true })).toBe(before);
  });

  it('without an engine it needs the platform parts, and says so', async () => {
    const db = await openCache(source());
    const outcome = await runGitSync(db, source(), {});
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'unknown', message: expect.stringMatching(/needs either an engine, or a file system/) },
    });
  });
});

describe('a cancelled sync', () => {
  it('is never recorded as the source’s last error, whatever the abort broke on its way out', async () => {
    const db = await openCache(source());
    const controller = new AbortController();
    const outcome = runGitSync(db, source(), {
      signal: controller.signal,
      engine: (request: GitSyncRequest) =>
        new Promise<GitSyncResult>((_resolve, reject) => {
          // What isomorphic-git throws when the abort cuts the answer it is parsing.
          const broken = () =>
            reject(Object.assign(new Error('Remote did not reply using the "smart" HTTP protocol.'), { code: 'SmartHttpError' }));
          request.signal?.addEventListener('abort', broken);
          controller.abort();
        }),
    });
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect((await db.sources.get('team'))?.lastError).toBeUndefined();
  });
});
