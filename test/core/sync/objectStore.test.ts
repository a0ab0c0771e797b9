import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { beginFetch, commitFetch, namePacksInArrivalOrder, prepareObjectStore, rollbackFetch } from '../../../core/sync/objectStore';
import { cleanUp, nodeFs, tempDir } from './syncFixture';

afterAll(cleanUp);

const packs = (gitdir: string) => readdirSync(join(gitdir, 'objects/pack')).sort();

describe('object store', () => {
  it('creates a bare repository with a fetch refspec on first use, and keeps it after', async () => {
    const gitdir = join(tempDir('store-'), 'sources', 'team.git');
    await prepareObjectStore(nodeFs, gitdir);
    expect(readFileSync(join(gitdir, 'config'), 'utf8')).toContain('fetch = +refs/heads/*:refs/remotes/origin/*');
    writeFileSync(join(gitdir, 'objects/pack/pack-aaa.pack'), 'kept');
    writeFileSync(join(gitdir, 'objects/pack/pack-aaa.idx'), 'kept');
    await prepareObjectStore(nodeFs, gitdir);
    expect(packs(gitdir)).toEqual(['pack-aaa.idx', 'pack-aaa.pack']);
  });

  it('rolls a failed fetch back: the old shallow list, no new packs', async () => {
    const gitdir = tempDir('store-');
    await prepareObjectStore(nodeFs, gitdir);
    writeFileSync(join(gitdir, 'shallow'), 'c1\n');
    writeFileSync(join(gitdir, 'objects/pack/pack-old.pack'), 'old');
    writeFileSync(join(gitdir, 'objects/pack/pack-old.idx'), 'old');
    await beginFetch(nodeFs, gitdir);
    // What isomorphic-git leaves when the download dies: shallow updated, a pack without its index.
    writeFileSync(join(gitdir, 'shallow'), 'c1\nc2\n');
    writeFileSync(join(gitdir, 'objects/pack/pack-new.pack'), 'partial');
    await rollbackFetch(nodeFs, gitdir);
    expect(readFileSync(join(gitdir, 'shallow'), 'utf8')).toBe('c1\n');
    expect(packs(gitdir)).toEqual(['pack-old.idx', 'pack-old.pack']);
  });

  it('removes a shallow file that the failed fetch created', async () => {
    const gitdir = tempDir('store-');
    await prepareObjectStore(nodeFs, gitdir);
    await beginFetch(nodeFs, gitdir);
    writeFileSync(join(gitdir, 'shallow'), 'c2\n');
    await rollbackFetch(nodeFs, gitdir);
    expect(existsSync(join(gitdir, 'shallow'))).toBe(false);
  });

  it('keeps what a completed fetch wrote', async () => {
    const gitdir = tempDir('store-');
    await prepareObjectStore(nodeFs, gitdir);
    await beginFetch(nodeFs, gitdir);
    writeFileSync(join(gitdir, 'shallow'), 'c2\n');
    writeFileSync(join(gitdir, 'objects/pack/pack-new.pack'), 'whole');
    writeFileSync(join(gitdir, 'objects/pack/pack-new.idx'), 'whole');
    await commitFetch(nodeFs, gitdir);
    await prepareObjectStore(nodeFs, gitdir);
    expect(readFileSync(join(gitdir, 'shallow'), 'utf8')).toBe('c2\n');
    expect(packs(gitdir)).toEqual(['pack-new.idx', 'pack-new.pack']);
  });

  it('names fetched packs so that name order is arrival order', async () => {
    const gitdir = tempDir('store-');
    await prepareObjectStore(nodeFs, gitdir);
    const arrive = async (sha: string) => {
      writeFileSync(join(gitdir, `objects/pack/pack-${sha}.pack`), sha);
      writeFileSync(join(gitdir, `objects/pack/pack-${sha}.idx`), sha);
      await namePacksInArrivalOrder(nodeFs, gitdir, [`objects/pack/pack-${sha}.pack`]);
    };
    for (const sha of ['f'.repeat(40), '0'.repeat(40), 'a'.repeat(40)]) await arrive(sha);
    expect(packs(gitdir)).toEqual([
      `pack-000000000001-${'f'.repeat(40)}.idx`,
      `pack-000000000001-${'f'.repeat(40)}.pack`,
      `pack-000000000002-${'0'.repeat(40)}.idx`,
      `pack-000000000002-${'0'.repeat(40)}.pack`,
      `pack-000000000003-${'a'.repeat(40)}.idx`,
      `pack-000000000003-${'a'.repeat(40)}.pack`,
    ]);
    expect(readFileSync(join(gitdir, `objects/pack/pack-000000000002-${'0'.repeat(40)}.pack`), 'utf8')).toBe('0'.repeat(40));
  });

  it('puts packs stored before ordered names first', async () => {
    const gitdir = tempDir('store-');
    await prepareObjectStore(nodeFs, gitdir);
    const legacy = 'f'.repeat(40);
    writeFileSync(join(gitdir, `objects/pack/pack-${legacy}.pack`), 'old');
    writeFileSync(join(gitdir, `objects/pack/pack-${legacy}.idx`), 'old');
    writeFileSync(join(gitdir, `objects/pack/pack-000000000001-${'a'.repeat(40)}.pack`), 'new');
    writeFileSync(join(gitdir, `objects/pack/pack-000000000001-${'a'.repeat(40)}.idx`), 'new');
    await prepareObjectStore(nodeFs, gitdir);
    expect(packs(gitdir)[0]).toBe(`pack-000000000000-${legacy}.idx`);
  });

  it('after a crash mid-fetch, the next start rolls back before anything else', async () => {
    const gitdir = tempDir('store-');
    await prepareObjectStore(nodeFs, gitdir);
    writeFileSync(join(gitdir, 'shallow'), 'c1\n');
    await beginFetch(nodeFs, gitdir);
    writeFileSync(join(gitdir, 'shallow'), 'c1\nc2\n');
    writeFileSync(join(gitdir, 'objects/pack/pack-new.pack'), 'whole');
    writeFileSync(join(gitdir, 'objects/pack/pack-new.idx'), 'half');
    // …the app is closed here; no rollback ran. Next start:
    await prepareObjectStore(nodeFs, gitdir);
    expect(readFileSync(join(gitdir, 'shallow'), 'utf8')).toBe('c1\n');
    expect(packs(gitdir)).toEqual([]);
  });

  it('starts the store over when the crash hit the marker itself', async () => {
    const gitdir = tempDir('store-');
    await prepareObjectStore(nodeFs, gitdir);
    writeFileSync(join(gitdir, 'objects/pack/pack-old.pack'), 'old');
    writeFileSync(join(gitdir, 'runbook-reader-fetch.json'), '{"shallow": "c1\\n", "pa');
    await prepareObjectStore(nodeFs, gitdir);
    expect(packs(gitdir)).toEqual([]);
    expect(readFileSync(join(gitdir, 'config'), 'utf8')).toContain('[remote "origin"]');
  });
});
