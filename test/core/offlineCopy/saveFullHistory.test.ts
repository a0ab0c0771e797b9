import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullHistoryFetcher } from '../../../core/offlineCopy/fetchFullHistory';
import { saveOfflineCopyInHost } from '../../../core/offlineCopy/offlineCopyInHost';
import { fileIndexFromMap } from '../../../core/sync/cachedFileIndex';
import { syncGitSource } from '../../../core/sync/syncGitSource';
import { createSyncHost, type SyncHost } from '../../../core/sync/syncHost';
import type { SharedGitServer } from '../../helpers/sharedGitServer';
import { RunbookRepo, git } from '../../helpers/makeRunbookRepo';
import { cleanUp, http, nodeFs, startServer, tempDir } from '../sync/syncFixture';

let server: SharedGitServer;
let repo: RunbookRepo;
let head: string;

beforeAll(() => {
  server = startServer();
  repo = new RunbookRepo();
  for (const step of ['first', 'second', 'third']) repo.write(`${step}.md`, `# ${step}\n`).commit(step);
  head = repo.head();
  repo.publish(server.root, 'history.git');
});
afterAll(async () => {
  repo.dispose();
  await cleanUp();
});

/** A sync host whose one store holds what a sync of the repository left: its latest commit only. */
async function syncedHost(): Promise<SyncHost> {
  const root = tempDir('save-history-');
  const dirOf = (id: string) => join(root, encodeURIComponent(id));
  const host = createSyncHost({
    store: {
      fs: nodeFs,
      dirOf,
      listStores: async () => [],
      removeStore: async (dir) => rmSync(dir, { recursive: true, force: true }),
      deleteFailure: String,
    },
  });
  mkdirSync(dirOf('ops'), { recursive: true });
  await syncGitSource(
    { sourceId: 'ops', url: server.url('history.git'), cached: fileIndexFromMap(new Map()) },
    { fs: nodeFs, http, gitdir: dirOf('ops') },
  );
  return host;
}

/** `git bundle verify` in an empty repository, then `git clone`: the commits the clone holds. */
function cloneBundle(bytes: Uint8Array): string[] {
  const dir = tempDir('clone-bundle-');
  const file = join(dir, 'copy.bundle');
  writeFileSync(file, bytes);
  git(dir, ['init', '-q', 'empty']);
  execFileSync('git', ['bundle', 'verify', '-q', file], { cwd: join(dir, 'empty'), stdio: 'pipe' });
  git(dir, ['clone', '-q', file, 'clone']);
  return git(join(dir, 'clone'), ['log', '--format=%s']).split('\n');
}

describe('Save offline copy of a source filled by a (shallow) sync', () => {
  it('fetches the missing history first, so git bundle verify and git clone accept the copy', async () => {
    const host = await syncedHost();
    const source = { id: 'ops', name: 'Ops', version: head, branch: 'main' };
    const outcome = await saveOfflineCopyInHost(host, source, fullHistoryFetcher({ url: server.url('history.git'), branch: 'main', http }));
    expect(outcome).toMatchObject({ ok: true, prerequisites: [], historyNotFetched: undefined });
    if (outcome.ok) expect(cloneBundle(outcome.bytes)).toEqual(['third', 'second', 'first']);
  });

  it('when the history cannot be fetched, still saves the copy and says why git clone will refuse it', async () => {
    const host = await syncedHost();
    const source = { id: 'ops', name: 'Ops', version: head, branch: 'main' };
    const offline = await saveOfflineCopyInHost(
      host,
      source,
      fullHistoryFetcher({ url: server.url('history.git'), branch: 'main', http, isOnline: () => false }),
    );
    expect(offline).toMatchObject({
      ok: true,
      prerequisites: [expect.stringMatching(/^[0-9a-f]{40}$/)],
      historyNotFetched: 'this device is offline',
    });
    const gone = await saveOfflineCopyInHost(host, source, fullHistoryFetcher({ url: server.url('gone.git'), branch: 'main', http }));
    expect(gone).toMatchObject({ ok: true, historyNotFetched: expect.stringContaining('404') });
    if (gone.ok) expect(gone.prerequisites).toHaveLength(1);
  });
});
