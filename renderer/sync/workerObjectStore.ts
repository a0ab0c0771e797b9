import LightningFS from '@isomorphic-git/lightning-fs';
import type { LightningFsStore } from '@isomorphic-git/lightning-fs/src/IdbBackend.js';
import type { ObjectStoreFs } from '../../core/sync/objectStoreFs';
import { openObjectStoreIdb } from './objectStoreIdb';

export type { LightningFsStore };

/** The browser sync worker's object store file system, and the one way to learn whether it was saved. */
export interface WorkerObjectStore {
  fs: ObjectStoreFs;
  /**
   * Saves the file list now. Rejects with the error of this save, or of a save LightningFS made on its own
   * since the last call that failed (a full quota: a `QuotaExceededError`), so a sync can report it.
   */
  flush: () => Promise<void>;
}

/**
 * LightningFS saves its file list on its own: half a second after the last write and when it goes idle,
 * from a timer, with nobody awaiting the promise. A full quota there was an unhandled rejection in the
 * worker, and the failed idle save left LightningFS failing every later call. The store it is given
 * therefore never rejects a file-list save; it keeps the error until `flush` hands it on.
 */
export function openWorkerObjectStore(
  name: string,
  store: LightningFsStore = openObjectStoreIdb(name, `${name}_files`),
): WorkerObjectStore {
  let failedSave: { error: unknown } | undefined;
  const guarded: LightningFsStore = {
    async saveSuperblock(superblock) {
      try {
        await store.saveSuperblock(superblock);
        failedSave = undefined;
      } catch (error) {
        failedSave = { error };
      }
    },
    loadSuperblock: () => store.loadSuperblock(),
    readFile: (inode) => store.readFile(inode),
    writeFile: (inode, data) => store.writeFile(inode, data),
    unlink: (inode) => store.unlink(inode),
    wipe: () => store.wipe(),
    close: () => store.close(),
  };
  const lightning = new LightningFS(name, { db: guarded });
  return {
    fs: lightning,
    flush: async () => {
      await lightning.promises.flush();
      const failure = failedSave;
      failedSave = undefined;
      if (failure) throw failure.error;
    },
  };
}
