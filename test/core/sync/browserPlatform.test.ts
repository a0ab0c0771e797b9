import 'fake-indexeddb/auto';
import LightningFS from '@isomorphic-git/lightning-fs';
import webHttp from 'isomorphic-git/http/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStoreFs } from '../../../core/sync/objectStoreFs';
import { syncGitSource } from '../../../core/sync/syncGitSource';
import { fileIndexFromMap } from '../../../core/sync/cachedFileIndex';
import type { SharedGitServer } from '../../helpers/sharedGitServer';
import { RunbookRepo, generateRunbooks } from '../../helpers/makeRunbookRepo';
import { MapCaller, cleanUp, serveGeneratedRepo, shimNavigator } from './syncFixture';

/**
 * The browser worker's platform parts, in Node: LightningFS (an IndexedDB-backed file system, here on
 * fake-indexeddb) and isomorphic-git's fetch-based web transport. Same engine, same loopback server.
 */
let server: SharedGitServer;
let repo: RunbookRepo;

beforeAll(async () => {
  shimNavigator();
  ({ server, repo } = serveGeneratedRepo('browser.git', 20));
});
afterAll(cleanUp);

let stores = 0;
/** LightningFS's promise API has the shape the engine needs; its typings name different option types. */
const browserFs = (): ObjectStoreFs => new LightningFS(`browser-store-${++stores}`, { wipe: true });

class BrowserCaller extends MapCaller {
  constructor(readonly storeFs: ObjectStoreFs) {
    super('/git/browser.git');
  }
  override async sync(request: Parameters<MapCaller['sync']>[0]) {
    const result = await syncGitSource(
      { sourceId: 'src', ...(this.commit ? { previousCommit: this.commit } : {}), ...request, cached: fileIndexFromMap(this.files) },
      { fs: this.storeFs, http: webHttp, gitdir: this.gitdir },
    );
    for (const path of result.changeSet.removed) this.files.delete(path);
    for (const u of result.changeSet.upserts) if (u.kind === 'runbook') this.files.set(u.meta.path, u.meta.oid);
    this.commit = result.stats.commit;
    return result;
  }
}

describe('the engine on the browser platform (LightningFS + web http)', () => {
  it('syncs, then syncs incrementally', async () => {
    const caller = new BrowserCaller(browserFs());
    const first = await caller.sync({ url: server.url('browser.git') });
    expect(first.stats.counts.added).toBe(20);
    expect(first.stats.commit).toBe(repo.head());

    const path = [...generateRunbooks(1)][0]!.path;
    repo.write(path, '---\ntitle: From the browser test\n---\n').commit('edit');
    const second = await caller.sync({ url: server.url('browser.git') });
    expect(second.stats.comparedBy).toBe('trees');
    expect(second.stats.parsed).toBe(1);
    expect(second.stats.counts).toMatchObject({ updated: 1, unchanged: 19 });
  });

  it('classifies a cut download and recovers on the next sync', async () => {
    const caller = new BrowserCaller(browserFs());
    await caller.sync({ url: server.url('browser.git') });
    repo.write('added/after-cut.md', `# Added\n\n${'text '.repeat(500)}\n`).commit('more');
    await expect(caller.sync({ url: server.url('browser.git', { kind: 'cut-reset', afterBytes: 200 }) })).rejects.toMatchObject({
      code: 'connection-cut',
    });
    const after = await caller.sync({ url: server.url('browser.git') });
    expect(after.stats.commit).toBe(repo.head());
    expect(caller.files.has('added/after-cut.md')).toBe(true);
  });

  it('reports a missing repository the same way', async () => {
    const caller = new BrowserCaller(browserFs());
    await expect(caller.sync({ url: server.url('nope.git') })).rejects.toMatchObject({ code: 'repo-not-found' });
  });
});
