import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { RunbookRepo, git } from '../helpers/makeRunbookRepo';
import { SigningKeys, type SigningKey } from '../helpers/signingKeys';
import { tempFolders } from '../helpers/tempFolders';
import { runCli as cli } from './support/runCli';
import { folderState } from '../core/offlineCopy/bundleFixture';

const { make: tempDir, removeAll: removeTempDirs } = tempFolders('cli-signed-');

const keys = new SigningKeys();
let server: SharedGitServer;
let alice: SigningKey;
let mallory: SigningKey;
let allowedSigners: string;
let repos = 0;

beforeAll(() => {
  server = useSharedGitServer();
  alice = keys.make('rsa', 'alice@ops');
  mallory = keys.make('ed25519', 'mallory');
  allowedSigners = join(tempDir(), 'allowed_signers');
  const [type, blob] = alice.publicLine.split(' ');
  writeFileSync(allowedSigners, `# who may sign the runbooks\nalice@example.com namespaces="git" ${type} ${blob} alice@ops\n`);
});

afterAll(async () => {
  await server.close();
  keys.dispose();
  removeTempDirs();
});

function signedRepo(): { repo: RunbookRepo; url: string } {
  const repo = new RunbookRepo();
  repo.write('db/failover.md', '# Failover\n').commit('first', { signingKey: alice.privateKeyFile });
  const name = repo.publish(server.root, `signed-${++repos}.git`);
  return { repo, url: server.url(name) };
}

/** Everything in a state folder but the remote refs a fetch leaves, which nothing reads. */
const stateOf = (dir: string) => Object.fromEntries(Object.entries(folderState(dir)).filter(([path]) => !path.includes('refs/remotes/')));

describe('runbook-reader sync --allowed-signers', () => {
  it('syncs a commit signed by an allowed signer and says who signed it', async () => {
    const { repo, url } = signedRepo();
    const state = tempDir();
    const json = await cli(['sync', url, '--state', state, '--allowed-signers', allowedSigners, '--json']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ commit: repo.head(), signature: { status: 'signed', signer: 'alice@ops' } });
    const human = await cli(['sync', url, '--allowed-signers', allowedSigners]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/signed by alice@ops \(SHA256:/);
    repo.dispose();
  });

  it('refuses a commit signed by another key with exit 1 and one line, leaving the state folder as it was', async () => {
    const { repo, url } = signedRepo();
    const state = tempDir();
    expect((await cli(['sync', url, '--state', state, '--allowed-signers', allowedSigners])).code).toBe(0);
    const before = stateOf(state);
    repo.write('db/failover.md', '# Failover\n\nDrop the database.\n').commit('evil', { signingKey: mallory.privateKeyFile });
    const refused = await cli(['sync', url, '--state', state, '--allowed-signers', allowedSigners]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^runbook-reader sync: Commit ${repo.head().slice(0, 7)} is signed by a key that is not pinned for this source \\(SHA256:[^)]+\\)\\..*\\[signature-refused\\]\\n$`,
      ),
    );
    expect(stateOf(state)).toEqual(before);
    repo.dispose();
  });

  it('exits 2 for an allowed-signers file it cannot use, for --require-signed alone, and for it with --allow-unsigned', async () => {
    const bad = join(tempDir(), 'bad_signers');
    writeFileSync(bad, 'ssh-ed25519 not-a-key\n');
    const refused = await cli(['sync', 'https://git.example.com/x.git', '--allowed-signers', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('line 1');
    expect((await cli(['sync', 'https://git.example.com/x.git', '--require-signed'])).code).toBe(2);
    const both = await cli([
      'sync',
      'https://git.example.com/x.git',
      '--allowed-signers',
      allowedSigners,
      '--require-signed',
      '--allow-unsigned',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--require-signed and --allow-unsigned contradict each other');
  });
});

describe('runbook-reader import --allowed-signers', () => {
  it('refuses an unsigned bundle with --require-signed, and otherwise imports it reported as unsigned', async () => {
    const repo = new RunbookRepo();
    repo.write('db/failover.md', '# Failover\n').commit('unsigned');
    const file = join(tempDir(), 'runbooks.bundle');
    git(repo.workDir, ['bundle', 'create', '-q', file, 'main']);
    const state = tempDir();
    const refused = await cli(['import', file, '--state', state, '--allowed-signers', allowedSigners, '--require-signed', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({ error: { code: 'signature-refused', message: expect.stringContaining('is unsigned') } });
    const allowed = await cli(['import', file, '--state', state, '--allowed-signers', allowedSigners, '--json']);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ from: 'bundle', commit: repo.head(), signature: { status: 'unsigned' } });
    repo.dispose();
  });
});
