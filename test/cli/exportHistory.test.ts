import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { RunbookRepo, git } from '../helpers/makeRunbookRepo';
import { tempFolders } from '../helpers/tempFolders';
import { runCli as cli } from './support/runCli';

const { make: tempDir, removeAll: removeTempDirs } = tempFolders('cli-export-history-');

let server: SharedGitServer;
let repo: RunbookRepo;

beforeAll(() => {
  server = useSharedGitServer();
  repo = new RunbookRepo();
  for (const step of ['first', 'second', 'third']) repo.write(`${step}.md`, `# ${step}\n`).commit(step);
  repo.publish(server.root, 'history.git');
});
afterAll(async () => {
  await server.close();
  repo.dispose();
  removeTempDirs();
});

describe('runbook-reader export of a state filled by sync (the latest commit only)', () => {
  it('fetches the missing history first: git bundle verify and git clone accept the bundle', async () => {
    const state = tempDir();
    expect((await cli(['sync', server.url('history.git'), '--state', state])).code).toBe(0);
    const out = join(tempDir(), 'runbooks.bundle');
    const exported = await cli(['export', '--state', state, '--out', out, '--json']);
    expect(exported.stderr).toBe('');
    expect(JSON.parse(exported.stdout)).toMatchObject({ commit: repo.head(), commits: 3, prerequisites: [], historyNotFetched: null });

    const dir = tempDir();
    git(dir, ['init', '-q', 'empty']);
    git(join(dir, 'empty'), ['bundle', 'verify', '-q', out]);
    git(dir, ['clone', '-q', out, 'clone']);
    expect(git(join(dir, 'clone'), ['log', '--format=%s'])).toBe('third\nsecond\nfirst');
  });

  it('with --offline saves what the state holds and says git clone refuses it', async () => {
    const state = tempDir();
    expect((await cli(['sync', server.url('history.git'), '--state', state])).code).toBe(0);
    const out = join(tempDir(), 'runbooks.bundle');
    const exported = await cli(['export', '--state', state, '--out', out, '--offline']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('(history not fetched (--offline)), so the bundle lists 1 parent commit(s) as prerequisites');
    expect(exported.stdout).toContain('"git clone" refuses it');
  });
});
