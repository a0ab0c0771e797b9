import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../../core/model';
import { runGitSync } from '../../../core/sync/runGitSync';
import type { SharedGitServer } from '../../helpers/sharedGitServer';
import { RunbookRepo, generateRunbooks } from '../../helpers/makeRunbookRepo';
import { SigningKeys, type SigningKey } from '../../helpers/signingKeys';
import { folderState } from '../offlineCopy/bundleFixture';
import { cleanUp, dumpCache, http, nodeFs, openCache, startServer, tempDir } from './syncFixture';

let server: SharedGitServer;
const keys = new SigningKeys();
let alice: SigningKey;
let mallory: SigningKey;
let repoCount = 0;

beforeAll(() => {
  server = startServer();
  alice = keys.make('ed25519', 'alice@ops');
  mallory = keys.make('ed25519', 'mallory');
});
afterAll(async () => {
  keys.dispose();
  await cleanUp();
});

/** A published repository whose first commit is signed by alice, and a source pinning alice's key. */
function signedSource(fields: Partial<SourceRecord> = {}): { repo: RunbookRepo; source: SourceRecord } {
  const repo = new RunbookRepo();
  repo.writeAll(generateRunbooks(5, 300, 600)).commit('initial', { signingKey: alice.privateKeyFile });
  const name = repo.publish(server.root, `signed-${++repoCount}.git`);
  const source: SourceRecord = {
    id: 'team',
    kind: 'git',
    name: 'Team',
    location: server.url(name),
    pinnedSigningKeys: alice.publicLine,
    ...fields,
  };
  return { repo, source };
}

/** The store's objects, `shallow` and config: all but remote refs, which the engine never reads (see `prepareObjectStore`). */
function storeState(gitdir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(folderState(gitdir)).filter(([path]) => !path.startsWith('refs/remotes/')));
}

describe('runGitSync with pinned signing keys, against git http-backend', () => {
  it('applies a commit signed by a pinned key and records who signed it with the commit', async () => {
    const { repo, source } = signedSource();
    const db = await openCache(source);
    const outcome = await runGitSync(db, source, { fs: nodeFs, http, gitdir: tempDir('store-') });
    expect(outcome).toMatchObject({ ok: true, applied: { added: 5 } });
    expect(await db.sources.get('team')).toMatchObject({
      version: repo.head(),
      signature: { status: 'signed', commit: repo.head(), signer: 'alice@ops' },
    });
    repo.dispose();
  });

  it.each([
    ['signed by a key that is not pinned', { signingKey: 'mallory' }, {}, 'is signed by a key that is not pinned for this source'],
    [
      'unsigned, when the source requires signed commits',
      {},
      { requireSignedCommits: true },
      'is unsigned, and this source requires commits signed by its pinned keys',
    ],
  ] as const)(
    'refuses a later commit %s: the cache and the object store stay byte for byte as they were',
    async (_case, how, fields, says) => {
      const { repo, source } = signedSource(fields);
      const db = await openCache(source);
      const gitdir = tempDir('store-');
      await runGitSync(db, source, { fs: nodeFs, http, gitdir });
      const cacheBefore = await dumpCache(db);
      const storeBefore = storeState(gitdir);

      repo.write('runbooks/new.md', '# Injected\n').commit('later', 'signingKey' in how ? { signingKey: mallory.privateKeyFile } : {});
      const refused = await runGitSync(db, source, { fs: nodeFs, http, gitdir });
      expect(refused).toEqual({ ok: false, error: { code: 'signature-refused', message: expect.stringContaining(says) } });
      if (!refused.ok) expect(refused.error.message).toContain(repo.head().slice(0, 7));
      expect(await dumpCache(db, { withoutLastError: true })).toBe(cacheBefore);
      expect((await db.sources.get('team'))?.lastError?.code).toBe('signature-refused');
      expect(storeState(gitdir)).toEqual(storeBefore);
      repo.dispose();
    },
  );

  it('applies an unsigned commit marked unsigned by default when keys are pinned', async () => {
    const { repo, source } = signedSource();
    const db = await openCache(source);
    const gitdir = tempDir('store-');
    await runGitSync(db, source, { fs: nodeFs, http, gitdir });
    repo.write('runbooks/plain.md', '# Plain\n').commit('unsigned');
    expect(await runGitSync(db, source, { fs: nodeFs, http, gitdir })).toMatchObject({ ok: true, applied: { added: 1 } });
    expect((await db.sources.get('team'))?.signature).toEqual({ status: 'unsigned', commit: repo.head() });
    repo.dispose();
  });

  it('without pinned keys syncs anything and marks an unsigned commit unsigned', async () => {
    const repo = new RunbookRepo();
    repo.writeAll(generateRunbooks(2, 300, 600)).commit('plain');
    const name = repo.publish(server.root, `plain-${++repoCount}.git`);
    const source: SourceRecord = { id: 'team', kind: 'git', name: 'Team', location: server.url(name) };
    const db = await openCache(source);
    expect(await runGitSync(db, source, { fs: nodeFs, http, gitdir: tempDir('store-') })).toMatchObject({ ok: true });
    expect((await db.sources.get('team'))?.signature).toEqual({ status: 'unsigned', commit: repo.head() });
    repo.dispose();
  });
});
