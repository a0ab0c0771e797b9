import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'isomorphic-git/http/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fetchedObjectsLeft, forgetFetchedObjects } from '../../../core/sync/fetchedObjects';
import { generateRunbooks, RunbookRepo } from '../../helpers/makeRunbookRepo';
import { useSharedGitServer } from '../../helpers/sharedGitServer';
import { ISOMORPHIC_GIT_BUILDS } from '../../helpers/isomorphicGitBuilds';
import { countingNodeFs } from '../../helpers/countingNodeFs';

const server = useSharedGitServer();
const repo = new RunbookRepo();
const files = [...generateRunbooks(30, 300, 800)];
repo.writeAll(files).commit('initial');
repo.publish(server.root, 'fetched.git');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  repo.dispose();
  await server.close();
});

describe('isomorphic-git, patched to hand over the objects a fetch inflated', () => {
  it.each(ISOMORPHIC_GIT_BUILDS)('%s: the files of a fetch are read without reading the pack back, each once', async (_name, load) => {
    const git = await load();
    const gitdir = mkdtempSync(join(tmpdir(), 'rr-fetched-'));
    dirs.push(gitdir);
    // Counts the store's pack files read back.
    const { fs, counted } = countingNodeFs((path) => typeof path === 'string' && path.endsWith('.pack'));
    const cache = {};
    const url = server.url('fetched.git');
    await git.init({ fs, gitdir, bare: true });
    await git.addRemote({ fs, gitdir, remote: 'origin', url });
    const fetched = await git.fetch({ fs, http, gitdir, cache, url, singleBranch: true, depth: 1, tags: false });
    const commit = fetched.fetchHead!;
    // The commit, its trees and the 30 files.
    expect(fetchedObjectsLeft(cache)).toBeGreaterThanOrEqual(files.length + 2);
    const readsAfterFetch = counted.reads;

    // As a sync reads them: the commit, then each file by its id.
    expect((await git.readCommit({ fs, gitdir, cache, oid: commit })).commit.message).toBe('initial\n');
    for (const file of files) {
      const { oid } = await git.hashBlob({ object: file.content });
      const { blob } = await git.readBlob({ fs, gitdir, cache, oid });
      expect(new TextDecoder().decode(blob)).toBe(file.content);
    }
    expect(counted.reads).toBe(readsAfterFetch);

    // Handed out once: a second read of a file comes from the pack, with the same bytes.
    const { oid } = await git.hashBlob({ object: files[0]!.content });
    const again = await git.readBlob({ fs, gitdir, cache, oid });
    expect(new TextDecoder().decode(again.blob)).toBe(files[0]!.content);
    expect(counted.reads).toBe(readsAfterFetch + 1);

    forgetFetchedObjects(cache);
    expect(fetchedObjectsLeft(cache)).toBe(0);
  });
});
