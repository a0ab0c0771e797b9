import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openObjectStoreIdb } from '../../../renderer/sync/objectStoreIdb';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('the sync worker’s IndexedDB store under LightningFS', () => {
  it('keeps files and the file list in the database: a store opened later reads them', async () => {
    const factory = new IDBFactory();
    const first = openObjectStoreIdb('git', 'git_files', factory);
    await first.writeFile(3, bytes(1, 2, 3));
    await first.saveSuperblock(bytes(9));
    await first.close();

    const second = openObjectStoreIdb('git', 'git_files', factory);
    expect(await second.loadSuperblock()).toEqual(bytes(9));
    expect(await second.readFile(3)).toEqual(bytes(1, 2, 3));
    expect(await second.readFile(4)).toBeUndefined();
  });

  it('a file written again is read with its new content, and an unlinked one is gone', async () => {
    const store = openObjectStoreIdb('git', 'git_files', new IDBFactory());
    await store.writeFile(1, bytes(1));
    expect(await store.readFile(1)).toEqual(bytes(1));
    await store.writeFile(1, bytes(2, 2));
    expect(await store.readFile(1)).toEqual(bytes(2, 2));
    await store.unlink(1);
    expect(await store.readFile(1)).toBeUndefined();
  });

  it('a caller changing the bytes it wrote or read does not change the stored file', async () => {
    const store = openObjectStoreIdb('git', 'git_files', new IDBFactory());
    const written = bytes(5, 6);
    await store.writeFile(1, written);
    written[0] = 0;
    const read = await store.readFile(1);
    read[1] = 0;
    expect(await store.readFile(1)).toEqual(bytes(5, 6));
  });

  it('sees what another tab wrote once LightningFS loads its file list again (as it does on taking the file system back)', async () => {
    const factory = new IDBFactory();
    const here = openObjectStoreIdb('git', 'git_files', factory);
    const otherTab = openObjectStoreIdb('git', 'git_files', factory);
    await here.writeFile(7, bytes(1));
    expect(await here.readFile(7)).toEqual(bytes(1));

    await otherTab.writeFile(7, bytes(8, 8));
    await here.loadSuperblock();
    expect(await here.readFile(7)).toEqual(bytes(8, 8));
  });

  it('a wipe empties the store', async () => {
    const store = openObjectStoreIdb('git', 'git_files', new IDBFactory());
    await store.writeFile(1, bytes(1));
    await store.saveSuperblock(bytes(2));
    await store.wipe();
    expect(await store.readFile(1)).toBeUndefined();
    expect(await store.loadSuperblock()).toBeUndefined();
  });
});
