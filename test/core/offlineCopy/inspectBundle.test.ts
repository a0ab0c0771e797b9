import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { inspectBundleForSources } from '../../../core/offlineCopy/inspectBundle';
import { importGitBundle } from '../../../core/offlineCopy/importGitBundle';
import { fileIndexFromMap } from '../../../core/sync/cachedFileIndex';
import { RunbookRepo, git } from '../../helpers/makeRunbookRepo';
import { cleanUp, nodeFs, tempDir } from '../sync/syncFixture';
import { folderState, makeBundle } from './bundleFixture';

let repo: RunbookRepo;
let other: RunbookRepo;
let first: string;
let second: string;
let unrelated: string;
/** Each source's object store, as the sync host's adapter names them. */
const storeDirs = new Map<string, string>();
const stores = { fs: nodeFs, dirOf: (id: string) => storeDirs.get(id) ?? `${tempDir('inspect-none-')}/never-synced.git` };

beforeAll(async () => {
  repo = new RunbookRepo();
  repo.write('db/failover.md', '# Failover\n\nPromote the replica.\n');
  first = repo.commit('first');
  repo.write('net/dns.md', '# DNS\n\nSwitch the resolver.\n');
  second = repo.commit('second');
  git(repo.workDir, ['branch', 'yesterday', first]);
  other = new RunbookRepo();
  unrelated = other.write('a.md', '# Another team\n').commit('theirs');
  // "ops" synced this morning at the newer commit: its store holds both.
  const gitdir = `${tempDir('inspect-ops-')}/objects.git`;
  await importGitBundle(
    { sourceId: 'ops', bytes: makeBundle(repo, ['main']), cached: fileIndexFromMap(new Map()) },
    { fs: nodeFs, gitdir },
  );
  storeDirs.set('ops', gitdir);
});

afterAll(async () => {
  repo.dispose();
  other.dispose();
  await cleanUp();
});

describe('inspectBundleForSources: which source a picked bundle updates, before anything is imported', () => {
  it('finds the source at an older commit of the same repository, from the bundle’s pack (the commit is not in its header)', async () => {
    const match = await inspectBundleForSources(
      makeBundle(repo, ['main']),
      [
        { id: 'team', version: unrelated },
        { id: 'ops-laptop', version: first },
      ],
      stores,
    );
    expect(match).toEqual({ kind: 'same', sourceId: 'ops-laptop', commit: first });
  });

  it('finds the source whose store already holds an older bundle’s tip, and writes nothing to that store', async () => {
    const before = folderState(storeDirs.get('ops')!);
    const match = await inspectBundleForSources(
      makeBundle(repo, ['yesterday']),
      [
        { id: 'ops', version: second },
        { id: 'team', version: unrelated },
      ],
      stores,
    );
    expect(match).toEqual({ kind: 'same', sourceId: 'ops', commit: first });
    expect(folderState(storeDirs.get('ops')!)).toEqual(before);
  });

  it('is unsure about another repository’s bundle, and when two sources hold this one', async () => {
    expect(await inspectBundleForSources(makeBundle(other, ['main']), [{ id: 'ops', version: second }], stores)).toEqual({
      kind: 'unsure',
      candidates: [],
    });
    expect(
      await inspectBundleForSources(
        makeBundle(repo, ['main']),
        [
          { id: 'ops', version: second },
          { id: 'ops-laptop', version: first },
        ],
        stores,
      ),
    ).toEqual({ kind: 'unsure', candidates: ['ops', 'ops-laptop'] });
  });

  it('matches a thin bundle by the commit it builds on, named in its header', async () => {
    const thin = makeBundle(repo, ['yesterday..main']);
    expect(await inspectBundleForSources(thin, [{ id: 'ops-laptop', version: first }], stores)).toEqual({
      kind: 'same',
      sourceId: 'ops-laptop',
      commit: first,
    });
  });

  it('says nothing about a zip or a damaged bundle (the import says why)', async () => {
    const zip = zipSync({ 'a.md': strToU8('# A\n') });
    expect(await inspectBundleForSources(zip, [{ id: 'ops', version: second }], stores)).toBeUndefined();
    const cut = makeBundle(repo, ['main']).subarray(0, 30);
    expect(await inspectBundleForSources(cut, [{ id: 'ops', version: second }], stores)).toBeUndefined();
  });
});
