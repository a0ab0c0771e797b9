import type FS from '@isomorphic-git/lightning-fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifySyncError } from '../../../core/sync/classifySyncError';
import { openWorkerObjectStore, type LightningFsStore } from '../../../renderer/sync/workerObjectStore';

/** IndexedDB as LightningFS uses it, in memory; `full` makes every write fail as a full quota does. */
function memoryStore() {
  const files = new Map<number, Uint8Array>();
  let superblock: FS.SuperBlock | undefined;
  const state = { full: false, savedSuperblocks: 0 };
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const store: LightningFsStore = {
    async saveSuperblock(next) {
      if (state.full) throw quota();
      superblock = next as unknown as FS.SuperBlock;
      state.savedSuperblocks++;
    },
    // LightningFS asks for the file list first and starts empty when there is none.
    loadSuperblock: async () => superblock!,
    readFile: async (inode) => files.get(inode)!,
    async writeFile(inode, data) {
      if (state.full) throw quota();
      files.set(inode, data);
    },
    unlink: async (inode) => void files.delete(inode),
    wipe: async () => files.clear(),
    close: async () => undefined,
  };
  return { store, state };
}

/** Web Locks that are always free: LightningFS takes one while it is active. */
const freeLocks = {
  request: (_name: string, _options: unknown, granted: (lock: { name: string }) => Promise<unknown>) => granted({ name: 'lock' }),
};

describe('the sync worker’s object store when storage is full', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let stores = 0;

  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
    vi.stubGlobal('navigator', { locks: freeLocks });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    process.off('unhandledRejection', onUnhandled);
  });

  /** Lets LightningFS's own timers run (its file-list save 500 ms after a write, going idle 500 ms later), then Node report unhandled rejections. */
  async function letBackgroundSavesRun() {
    await vi.advanceTimersByTimeAsync(2_000);
    await new Promise((resolve) => setImmediate(resolve));
  }

  it('a file-list save LightningFS makes on its own rejects nothing unhandled; the next flush reports the full quota', async () => {
    const { store, state } = memoryStore();
    const objectStore = openWorkerObjectStore(`quota-${++stores}`, store);
    await objectStore.fs.promises.writeFile('/pack.idx', new Uint8Array([1, 2, 3]));
    state.full = true;
    await letBackgroundSavesRun();

    expect(unhandled).toEqual([]);
    const failure = await objectStore.flush().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as Error | undefined)?.name).toBe('QuotaExceededError');
    expect(
      classifySyncError(failure, { url: 'https://git.example.com/ops.git', tokenSent: false, packStarted: false, secrets: [] }).code,
    ).toBe('storage-full');
  });

  it('keeps working once space is freed: the file list is saved and files still read', async () => {
    const { store, state } = memoryStore();
    const objectStore = openWorkerObjectStore(`quota-${++stores}`, store);
    await objectStore.fs.promises.writeFile('/HEAD', new TextEncoder().encode('ref: refs/heads/main\n'));
    state.full = true;
    await letBackgroundSavesRun();
    await expect(objectStore.flush()).rejects.toMatchObject({ name: 'QuotaExceededError' });

    state.full = false;
    await objectStore.fs.promises.writeFile('/config', new TextEncoder().encode('[core]\n'));
    await expect(objectStore.flush()).resolves.toBeUndefined();
    expect(new TextDecoder().decode(await objectStore.fs.promises.readFile('/config'))).toBe('[core]\n');
    await letBackgroundSavesRun();
    expect(unhandled).toEqual([]);
    expect(state.savedSuperblocks).toBeGreaterThan(0);
  });

  it('a flush reports each failure once: after a save that worked, it resolves', async () => {
    const { store, state } = memoryStore();
    const objectStore = openWorkerObjectStore(`quota-${++stores}`, store);
    await objectStore.fs.promises.writeFile('/a', new Uint8Array([1]));
    state.full = true;
    await expect(objectStore.flush()).rejects.toMatchObject({ name: 'QuotaExceededError' });
    state.full = false;
    await expect(objectStore.flush()).resolves.toBeUndefined();
    await letBackgroundSavesRun();
    expect(unhandled).toEqual([]);
  });
});
