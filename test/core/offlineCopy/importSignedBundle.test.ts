import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localOfflineCopyEngine } from '../../../core/offlineCopy/offlineCopyEngine';
import { runOfflineCopyImport } from '../../../core/offlineCopy/runOfflineCopyImport';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { RunbookRepo } from '../../helpers/makeRunbookRepo';
import { SigningKeys, type SigningKey } from '../../helpers/signingKeys';
import { dumpDatabase, openTestDatabase } from '../cache/testDatabase';
import { cleanUp, nodeFs, tempDir } from '../sync/syncFixture';
import { folderState, makeBundle } from './bundleFixture';

const keys = new SigningKeys();
let alice: SigningKey;
let mallory: SigningKey;

beforeAll(() => {
  alice = keys.make('ed25519', 'alice@ops');
  mallory = keys.make('ecdsa', 'mallory');
});
afterAll(async () => {
  keys.dispose();
  await cleanUp();
});

/** A Git source that pins alice's key (and may require signed commits) and already holds a commit she signed, imported from a bundle. */
async function pinnedSource(requireSignedCommits?: true): Promise<{
  db: RunbookDatabase;
  repo: RunbookRepo;
  gitdir: string;
  run: (bytes: Uint8Array, fileName?: string) => ReturnType<typeof runOfflineCopyImport>;
}> {
  const repo = new RunbookRepo();
  repo.write('db/failover.md', '# Failover\n').commit('first', { signingKey: alice.privateKeyFile });
  const db = openTestDatabase();
  await db.sources.put({ id: 'git-ops', kind: 'git', name: 'Ops', pinnedSigningKeys: `${alice.publicLine}\n`, requireSignedCommits });
  const gitdir = `${tempDir('signed-import-')}/objects.git`;
  const run = (bytes: Uint8Array, fileName = 'runbooks.bundle') =>
    runOfflineCopyImport(db, { sourceId: 'git-ops', fileName, bytes }, { engine: localOfflineCopyEngine({ fs: nodeFs, gitdir }) });
  expect(await run(makeBundle(repo, ['main']))).toMatchObject({ ok: true });
  return { db, repo, gitdir, run };
}

describe('importing an offline copy into a source with pinned signing keys', () => {
  it('records who signed an imported commit', async () => {
    const { db, repo } = await pinnedSource();
    expect((await db.sources.get('git-ops'))?.signature).toMatchObject({ status: 'signed', commit: repo.head(), signer: 'alice@ops' });
    repo.dispose();
  });

  it('applies an unsigned bundle and marks its commit unsigned', async () => {
    const { db, repo, run } = await pinnedSource();
    repo.write('db/failover.md', '# Failover\n\nPromote the replica.\n').commit('unsigned later');
    expect(await run(makeBundle(repo, ['main']))).toMatchObject({ ok: true });
    expect(await db.sources.get('git-ops')).toMatchObject({ version: repo.head(), signature: { status: 'unsigned', commit: repo.head() } });
    repo.dispose();
  });

  it.each([
    ['a bundle signed by a key that is not pinned', 'mallory', false, 'is signed by a key that is not pinned for this source'],
    ['an unsigned bundle when the source requires signed commits', 'none', true, 'is unsigned'],
    ['a zip (no commit, so no signature) when the source requires signed commits', 'zip', true, 'A zip holds no signed commit'],
  ] as const)('refuses %s and changes nothing: cache and object store', async (_case, how, strict, says) => {
    const { db, repo, gitdir, run } = await pinnedSource(strict || undefined);
    const cacheBefore = await dumpDatabase(db);
    const storeBefore = folderState(gitdir);
    repo.write('db/failover.md', '# Failover\n\nRun the injected script.\n');
    let bytes: Uint8Array;
    if (how === 'zip') {
      bytes = zipSync({ 'runbooks/db/failover.md': strToU8('# Failover\n\nRun the injected script.\n') });
    } else {
      repo.commit('later', how === 'mallory' ? { signingKey: mallory.privateKeyFile } : {});
      bytes = makeBundle(repo, ['main']);
    }
    const outcome = await run(bytes, how === 'zip' ? 'runbooks.zip' : 'runbooks.bundle');
    expect(outcome).toEqual({ ok: false, error: { code: 'signature-refused', message: expect.stringContaining(says) } });
    expect(await dumpDatabase(db)).toEqual(cacheBefore);
    expect(folderState(gitdir)).toEqual(storeBefore);
    repo.dispose();
  });
});
