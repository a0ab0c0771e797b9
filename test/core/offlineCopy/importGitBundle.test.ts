import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileIndexFromMap } from '../../../core/sync/cachedFileIndex';
import { importGitBundle, type BundleImportRequest } from '../../../core/offlineCopy/importGitBundle';
import { OfflineCopyError } from '../../../core/offlineCopy/offlineCopyError';
import { syncGitSource } from '../../../core/sync/syncGitSource';
import { RunbookRepo, TINY_PNG, git } from '../../helpers/makeRunbookRepo';
import { cleanUp, http, nodeFs, startServer, tempDir } from '../sync/syncFixture';
import { applyToFiles, bundleWithAlteredObject, folderState, makeBundle, packStart } from './bundleFixture';

const MARKER = '# Marker\n\nThis runbook is stored verbatim in the uncompressed bundle: 7f3c9a.\n';

let repo: RunbookRepo;
let first: string;
let second: string;

beforeAll(() => {
  repo = new RunbookRepo();
  repo
    .write('db/failover.md', '---\ntitle: Database failover\n---\n# Failover\n\nPromote the replica.\n')
    .write('db/restore.md', '# Restore\n\nFrom the nightly snapshot.\n')
    .write('img/diagram.png', TINY_PNG)
    .write('scripts/run.py', 'print("not a runbook")\n');
  first = repo.commit('first');
  // Only in the second commit, so a store holding the first does not have it.
  repo.write('db/restore.md', '# Restore\n\nFrom the hourly snapshot.\n').write('net/dns.md', '# DNS\n').write('marker.md', MARKER);
  second = repo.commit('second');
  git(repo.workDir, ['branch', 'other', first]);
});

afterAll(async () => {
  repo.dispose();
  await cleanUp();
});

function request(bytes: Uint8Array, extra: Partial<BundleImportRequest> = {}): BundleImportRequest {
  return {
    sourceId: 'src',
    bytes,
    cached: fileIndexFromMap(new Map()),
    ...extra,
  };
}

/** A store holding `first`, as after an import, and the cache's files at that commit. */
async function storeAtFirst(): Promise<{
  gitdir: string;
  files: Map<string, string>;
}> {
  const gitdir = `${tempDir('bundle-store-')}/objects.git`;
  const { changeSet } = await importGitBundle(request(makeBundle(repo, ['other'])), { fs: nodeFs, gitdir });
  const files = new Map<string, string>();
  applyToFiles(files, changeSet);
  return { gitdir, files };
}

async function refusal(promise: Promise<unknown>): Promise<OfflineCopyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OfflineCopyError);
  return error as OfflineCopyError;
}

describe('importGitBundle', () => {
  it('gives the same change set as a sync of the same commit', async () => {
    const server = startServer();
    repo.publish(server.root, 'same.git');
    const synced = await syncGitSource(
      {
        sourceId: 'src',
        url: server.url('same.git'),
        cached: fileIndexFromMap(new Map()),
      },
      { fs: nodeFs, http, gitdir: `${tempDir('sync-store-')}/objects.git` },
    );
    const imported = await importGitBundle(request(makeBundle(repo, ['main'])), {
      fs: nodeFs,
      gitdir: `${tempDir('bundle-store-')}/objects.git`,
    });

    expect(imported.changeSet).toEqual(synced.changeSet);
    expect(imported.stats).toMatchObject({
      commit: second,
      branch: 'main',
      relation: 'first',
      counts: synced.stats.counts,
      committedAt: '2026-01-01T00:00:01.000Z',
    });
  });

  it('reads a v3 bundle', async () => {
    const { stats } = await importGitBundle(request(makeBundle(repo, ['main'], { version: 3 })), {
      fs: nodeFs,
      gitdir: `${tempDir('v3-')}/objects.git`,
    });
    expect(stats.commit).toBe(second);
  });

  it('imports a newer commit over an older one by comparing trees, and a bundle that builds on a commit the store has', async () => {
    const { gitdir, files } = await storeAtFirst();
    const { stats } = await importGitBundle(
      request(makeBundle(repo, ['other..main']), {
        previousCommit: first,
        cached: fileIndexFromMap(files),
      }),
      {
        fs: nodeFs,
        gitdir,
      },
    );
    expect(stats).toMatchObject({
      commit: second,
      relation: 'newer',
      comparedBy: 'trees',
      counts: { added: 2, updated: 1, removed: 0, unchanged: 2 },
    });
  });

  it('leaves the store so that a later sync continues from the imported commit', async () => {
    const server = startServer();
    repo.publish(server.root, 'later.git');
    const { gitdir, files } = await storeAtFirst();
    const { stats } = await syncGitSource(
      {
        sourceId: 'src',
        url: server.url('later.git'),
        previousCommit: first,
        cached: fileIndexFromMap(files),
      },
      { fs: nodeFs, http, gitdir },
    );
    expect(stats).toMatchObject({
      commit: second,
      comparedBy: 'trees',
      counts: { added: 2, updated: 1, unchanged: 2 },
    });
  });

  it('picks the branch asked for, and lists the branches when several came and none was asked for', async () => {
    const both = makeBundle(repo, ['main', 'other']);
    const choose = await refusal(
      importGitBundle(request(both), {
        fs: nodeFs,
        gitdir: `${tempDir('two-')}/objects.git`,
      }),
    );
    expect(choose.code).toBe('choose-branch');
    expect(choose.message).toContain('"main", "other"');
    const { stats } = await importGitBundle(request(both, { branch: 'other' }), { fs: nodeFs, gitdir: `${tempDir('two-')}/objects.git` });
    expect(stats).toMatchObject({ branch: 'other', commit: first });
    const missing = await refusal(
      importGitBundle(request(both, { branch: 'release' }), {
        fs: nodeFs,
        gitdir: `${tempDir('two-')}/objects.git`,
      }),
    );
    expect(missing.code).toBe('branch-not-found');
  });

  it('refuses an older or unrelated commit unless asked to apply it, naming both commits and dates', async () => {
    const gitdir = `${tempDir('older-')}/objects.git`;
    const { changeSet } = await importGitBundle(request(makeBundle(repo, ['main'])), { fs: nodeFs, gitdir });
    const files = new Map<string, string>();
    applyToFiles(files, changeSet);
    const before = folderState(gitdir);
    const older = makeBundle(repo, ['other']);
    const error = await refusal(
      importGitBundle(
        request(older, {
          previousCommit: second,
          cached: fileIndexFromMap(files),
        }),
        { fs: nodeFs, gitdir },
      ),
    );
    expect(error.code).toBe('older-commit');
    expect(error.message).toContain(first.slice(0, 7));
    expect(error.message).toContain(second.slice(0, 7));
    expect(error.message).toContain('2026-01-01 00:00 UTC');
    expect(error.details).toEqual({
      imported: { commit: first, committedAt: '2026-01-01T00:00:00.000Z' },
      current: { commit: second, committedAt: '2026-01-01T00:00:01.000Z' },
    });
    expect(folderState(gitdir)).toEqual(before);

    const unrelated = new RunbookRepo();
    try {
      unrelated.write('a.md', '# A\n').commit();
      const other = await refusal(
        importGitBundle(request(makeBundle(unrelated, ['main']), { previousCommit: second }), { fs: nodeFs, gitdir }),
      );
      expect(other.message).toContain('not a later version of');
    } finally {
      unrelated.dispose();
    }

    const { stats } = await importGitBundle(
      request(older, {
        previousCommit: second,
        cached: fileIndexFromMap(files),
        allowOlder: true,
      }),
      { fs: nodeFs, gitdir },
    );
    expect(stats).toMatchObject({
      relation: 'older',
      commit: first,
      counts: { removed: 2, updated: 1 },
    });
  });
});

describe('importGitBundle refuses bad input and changes nothing', () => {
  let gitdir: string;
  let before: Record<string, string>;
  let good: Uint8Array;

  beforeAll(async () => {
    ({ gitdir } = await storeAtFirst());
    before = folderState(gitdir);
    good = makeBundle(repo, ['main']);
  });

  const cases: [string, () => Uint8Array, string, RegExp][] = [
    ['a bundle cut inside its header', () => good.subarray(0, 30), 'truncated', /cut short/],
    ['a bundle cut inside its pack', () => good.subarray(0, good.length - 100), 'damaged', /cut short or altered/],
    ['a flipped byte in the pack', () => flip(good, packStart(good) + 40), 'damaged', /checksum does not match/],
    ['a wrong pack checksum', () => flip(good, good.length - 1), 'damaged', /checksum does not match/],
    [
      'an object whose content does not match its id',
      () => bundleWithAlteredObject(repo, MARKER),
      'damaged',
      /"marker\.md" \([0-9a-f]{7}\) is not in it, or its content does not match its id/,
    ],
    [
      'a thin bundle whose base commit is missing',
      () => makeBundle(repo, ['other..main']),
      'thin-bundle',
      /commits this device does not have/,
    ],
    ['a bundle with no branch', () => withoutRefs(good), 'no-branch', /holds no branch/],
    [
      'a file that is not a bundle',
      () => new TextEncoder().encode('just some text\n\nmore text'),
      'not-an-offline-copy',
      /not a Git bundle/,
    ],
  ];

  it.each(cases)('%s', async (_name, make, code, message) => {
    // The thin case needs a store without the base commit.
    const store = code === 'thin-bundle' ? `${tempDir('thin-')}/objects.git` : gitdir;
    const state = code === 'thin-bundle' ? {} : before;
    const error = await refusal(
      importGitBundle(request(make(), { previousCommit: first }), {
        fs: nodeFs,
        gitdir: store,
      }),
    );
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).toContain('Nothing was changed');
    expect(error.message).not.toContain('\n');
    if (code === 'thin-bundle') expect(Object.keys(folderState(store)).filter((f) => f.startsWith('objects/pack/'))).toEqual([]);
    else expect(folderState(store)).toEqual(state);
  });

  it('a sub-folder the commit does not have', async () => {
    const error = await refusal(importGitBundle(request(good, { previousCommit: first, subdir: 'docs/runbooks' }), { fs: nodeFs, gitdir }));
    expect(error.code).toBe('subdir-missing');
    expect(folderState(gitdir)).toEqual(before);
  });
});

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}

/** The bundle with its ref lines taken out: the signature, then the empty line and the pack. */
function withoutRefs(bundle: Uint8Array): Uint8Array {
  const signature = new TextEncoder().encode('# v2 git bundle\n\n');
  const pack = bundle.subarray(packStart(bundle));
  const out = new Uint8Array(signature.length + pack.length);
  out.set(signature);
  out.set(pack, signature.length);
  return out;
}
