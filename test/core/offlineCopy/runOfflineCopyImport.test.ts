import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { describeProvenance } from '../../../core/offlineCopy/describeProvenance';
import { localOfflineCopyEngine } from '../../../core/offlineCopy/offlineCopyEngine';
import { describeImportFailure, runOfflineCopyImport, type OfflineCopyImportRequest } from '../../../core/offlineCopy/runOfflineCopyImport';
import { RunbookRepo, git } from '../../helpers/makeRunbookRepo';
import { dumpDatabase, openTestDatabase } from '../cache/testDatabase';
import { cleanUp, nodeFs, tempDir } from '../sync/syncFixture';
import { makeBundle } from './bundleFixture';

let repo: RunbookRepo;
let first: string;
let second: string;

beforeAll(() => {
  repo = new RunbookRepo();
  repo.write('db/failover.md', '# Failover\n\n- [ ] Promote the replica.\n');
  first = repo.commit('first');
  repo.write('net/dns.md', '# DNS\n');
  second = repo.commit('second');
  git(repo.workDir, ['branch', 'old', first]);
});

afterAll(async () => {
  repo.dispose();
  await cleanUp();
});

const AT = new Date('2026-12-04T10:00:00Z');

/** Imports with a fresh object store per source id, as the sync host gives each source its own. */
function importer(db: RunbookDatabase) {
  const stores = new Map<string, string>();
  return (request: Omit<OfflineCopyImportRequest, 'fileName'> & { fileName?: string }) => {
    if (!stores.has(request.sourceId)) stores.set(request.sourceId, `${tempDir('import-store-')}/objects.git`);
    return runOfflineCopyImport(
      db,
      { fileName: 'runbooks.bundle', ...request },
      { engine: localOfflineCopyEngine({ fs: nodeFs, gitdir: stores.get(request.sourceId)! }), now: () => AT },
    );
  };
}

describe('runOfflineCopyImport', () => {
  it('makes a new Git source from a bundle, readable at once, with its provenance recorded', async () => {
    const db = openTestDatabase();
    const outcome = await importer(db)({ sourceId: 'git-new', newSource: { name: 'Ops' }, bytes: makeBundle(repo, ['main']) });
    expect(outcome).toMatchObject({ ok: true, applied: { added: 2 } });
    const source = (await db.sources.get('git-new'))!;
    expect(source).toMatchObject({ kind: 'git', name: 'Ops', branch: 'main', version: second });
    expect(source.importedFrom).toMatchObject({
      kind: 'bundle',
      fileName: 'runbooks.bundle',
      commit: second,
      importedAt: AT.toISOString(),
    });
    expect(describeProvenance(source.importedFrom!, { now: AT, timeZone: 'UTC' })).toMatch(
      new RegExp(
        `^Imported from runbooks\\.bundle on 4 Dec, commit ${second.slice(0, 7)}, committed \\d{1,2} \\w{3}( \\d{4})? \\d\\d:\\d\\d$`,
      ),
    );
    expect((await db.runbooks.get(['git-new', 'net/dns.md']))?.title).toBe('DNS');
  });

  it('never applies an older commit silently: both commits come back, and the cache, bookmarks and ticks are unchanged', async () => {
    const db = openTestDatabase();
    const run = importer(db);
    await run({ sourceId: 'git-a', newSource: { name: 'Ops' }, bytes: makeBundle(repo, ['main']) });
    await db.bookmarks.put({
      id: 'b1',
      sourceId: 'git-a',
      path: 'db/failover.md',
      label: 'Failover',
      pinned: false,
      order: 0,
      createdAt: AT.toISOString(),
    });
    await db.checklists.put({ sourceId: 'git-a', path: 'db/failover.md', done: ['x'], updatedAt: AT.toISOString() });
    const before = await dumpDatabase(db);

    const older = await run({ sourceId: 'git-a', bytes: makeBundle(repo, ['old']) });
    expect(older).toMatchObject({
      ok: false,
      error: { code: 'older-commit', imported: { commit: first }, current: { commit: second } },
    });
    expect(await dumpDatabase(db)).toEqual(before);

    const chosen = await run({ sourceId: 'git-a', bytes: makeBundle(repo, ['old']), allowOlder: true });
    expect(chosen).toMatchObject({ ok: true, applied: { removed: 1 } });
    expect((await db.sources.get('git-a'))?.version).toBe(first);
  });

  it('leaves no source behind when a new one is refused (a zip with "..")', async () => {
    const db = openTestDatabase();
    const before = await dumpDatabase(db);
    const outcome = await importer(db)({
      sourceId: 'zip-bad',
      newSource: { name: 'Evil' },
      fileName: 'evil.zip',
      bytes: zipSync({ 'a.md': strToU8('# A\n'), '../b.md': strToU8('# B\n') }),
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unsafe-zip' } });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('makes a folder source from a zip, with provenance and no commit', async () => {
    const db = openTestDatabase();
    const outcome = await importer(db)({
      sourceId: 'zip-ok',
      newSource: { name: 'Zipped' },
      fileName: 'runbooks.zip',
      bytes: zipSync({ runbooks: { 'a.md': strToU8('# A\n') } }),
    });
    expect(outcome).toMatchObject({ ok: true, applied: { added: 1 } });
    const source = (await db.sources.get('zip-ok'))!;
    expect(source.kind).toBe('folder');
    expect(source.importedFrom).toMatchObject({ kind: 'zip', fileName: 'runbooks.zip' });
    expect(source.importedFrom?.commit).toBeUndefined();
    expect(describeProvenance(source.importedFrom!, { now: AT, timeZone: 'UTC' })).toBe(
      'Imported from runbooks.zip on 4 Dec, a zip, so no commit',
    );
  });

  it('refuses a bundle for a source that is not a Git source', async () => {
    const db = openTestDatabase();
    await db.sources.put({ id: 'folder-1', kind: 'folder', name: 'Folder' });
    const outcome = await importer(db)({ sourceId: 'folder-1', bytes: makeBundle(repo, ['main']) });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-source' } });
  });
});

describe('runOfflineCopyImport: bad input changes nothing (cache, bookmarks, ticks) and says why', () => {
  /** A Git source and a zip (folder) source, each imported, with a bookmark and a ticked step. */
  async function library() {
    const db = openTestDatabase();
    const run = importer(db);
    await run({ sourceId: 'git-a', newSource: { name: 'Ops' }, bytes: makeBundle(repo, ['main']) });
    await run({
      sourceId: 'zip-a',
      newSource: { name: 'Zipped' },
      fileName: 'ops.zip',
      bytes: zipSync({ 'db/failover.md': strToU8('# F\n') }),
    });
    for (const sourceId of ['git-a', 'zip-a']) {
      await db.bookmarks.put({
        id: `b-${sourceId}`,
        sourceId,
        path: 'db/failover.md',
        label: 'F',
        pinned: true,
        order: 0,
        createdAt: AT.toISOString(),
      });
      await db.checklists.put({ sourceId, path: 'db/failover.md', done: ['step'], updatedAt: AT.toISOString() });
    }
    return { db, run, before: await dumpDatabase(db) };
  }

  const flipped = (bytes: Uint8Array, where: (bytes: Uint8Array) => number) => {
    const copy = new Uint8Array(bytes);
    const at = where(bytes);
    copy[at] = copy[at]! ^ 0xff;
    return copy;
  };
  const packAt = (bundle: Uint8Array) => bundle.findIndex((b, i) => b === 0x0a && bundle[i - 1] === 0x0a) + 1;
  /** A small zip whose end record (or its one directory entry) claims what a zip bomb would. */
  const zipClaiming = (field: 'entries' | 'size') => {
    const bytes = zipSync({ 'a.md': strToU8('# A\n') });
    const view = new DataView(bytes.buffer);
    const end = bytes.length - 22;
    if (field === 'entries') {
      view.setUint16(end + 8, 60_000, true);
      view.setUint16(end + 10, 60_000, true);
    } else {
      view.setUint32(view.getUint32(end + 16, true) + 24, 0xfff0_0000, true); // one entry unpacking to 4 GiB
    }
    return bytes;
  };

  const cases: Array<[string, 'git-a' | 'zip-a', () => Uint8Array, string]> = [
    ['a truncated bundle', 'git-a', () => makeBundle(repo, ['main']).subarray(0, 40), 'truncated'],
    ['a flipped byte in the pack', 'git-a', () => flipped(makeBundle(repo, ['main']), (b) => packAt(b) + 40), 'damaged'],
    ['a wrong pack checksum', 'git-a', () => flipped(makeBundle(repo, ['main']), (b) => b.length - 1), 'damaged'],
    ['a thin bundle whose base commit this device lacks', 'git-a', () => strangerThinBundle(), 'thin-bundle'],
    ['a bundle with several branches and none chosen', 'git-a', () => makeBundle(repo, ['main', 'old']), 'choose-branch'],
    ['a zip with "../"', 'zip-a', () => zipSync({ '../up.md': strToU8('# Up\n') }), 'unsafe-zip'],
    ['a zip with an absolute path', 'zip-a', () => zipSync({ '/etc/motd.md': strToU8('# Motd\n') }), 'unsafe-zip'],
    [
      'a zip with a symbolic link',
      'zip-a',
      () => zipSync({ 'l.md': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] }),
      'unsafe-zip',
    ],
    ['a zip claiming 60,000 entries', 'zip-a', () => zipClaiming('entries'), 'zip-bomb'],
    ['a zip claiming 4 GiB unpacked', 'zip-a', () => zipClaiming('size'), 'zip-bomb'],
    ['a file that is neither', 'zip-a', () => strToU8('just some notes\n'), 'not-an-offline-copy'],
  ];

  it.each(cases)('%s', async (_what, sourceId, make, code) => {
    const { db, run, before } = await library();
    const outcome = await run({ sourceId, fileName: 'copy', bytes: make() });
    expect(outcome).toMatchObject({ ok: false, error: { code, message: expect.stringContaining('Nothing was changed') } });
    expect(await dumpDatabase(db)).toEqual(before);
  });
});

/** A bundle of one commit of another repository, naming its parent as a prerequisite. */
function strangerThinBundle(): Uint8Array {
  const stranger = new RunbookRepo();
  try {
    stranger.write('x.md', '# X\n').commit('x1');
    stranger.write('y.md', '# Y\n').commit('x2');
    return makeBundle(stranger, ['main~1..main']);
  } finally {
    stranger.dispose();
  }
}

describe('describeImportFailure', () => {
  it('says the storage is full when the cache write failed on the quota, also wrapped as Dexie wraps it', () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    // Dexie reports a transaction aborted by the quota as an AbortError that carries the cause as `inner`.
    const aborted = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    for (const error of [quota, aborted]) {
      const failure = describeImportFailure(error);
      expect(failure.code).toBe('storage-full');
      expect(failure.message).toMatch(/^The device's storage is full, so the copy was not imported .*Nothing was changed\.$/);
    }
    expect(describeImportFailure(new Error('disk on fire')).message).toBe('The import failed: disk on fire. Nothing was changed.');
  });
});
