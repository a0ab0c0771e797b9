import type { LightningFsStore } from '@isomorphic-git/lightning-fs/src/IdbBackend.js';

/** LightningFS keeps its file list under this key, beside the files (keyed by inode). */
const SUPERBLOCK_KEY = '!root';

/** Files up to this size stay in memory while this realm holds the file system (configs, refs, pack indexes, small packs). */
const REMEMBERED_FILE_BYTES = 256 * 1024;

/**
 * The sync worker's IndexedDB store under LightningFS, in the same database layout as LightningFS's own
 * (`IdbBackend`: one object store, files by inode, the file list under `!root`), so stores written by
 * either are read by the other. What differs, because a one-file sync made ~20 of these calls in a row:
 * - reads use read-only transactions (LightningFS's own opens a read-write one for every read);
 * - writes ask for relaxed durability: the browser reports them done without waiting for the disk to flush.
 *   After an operating-system crash the last writes may be missing, never half-done; the engine already
 *   copes with a store that lacks the cached commit (it compares against the cache by blob id instead);
 * - small files are remembered while LightningFS is active in this realm. It holds its Web Lock for as long
 *   as it is active and reloads its file list when it activates again, so memory is forgotten whenever the
 *   file list is loaded or the store closed: another tab may have written in between.
 */
export function openObjectStoreIdb(databaseName: string, storeName: string, factory: IDBFactory = indexedDB): LightningFsStore {
  let opening: Promise<IDBDatabase> | undefined;
  const remembered = new Map<number, Uint8Array>();

  function database(): Promise<IDBDatabase> {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(databaseName);
      // First use: the one object store LightningFS expects.
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`IndexedDB could not open "${databaseName}".`));
    }).catch((error: unknown) => {
      opening = undefined; // the next call tries again
      throw error;
    });
    return opening;
  }

  async function read<T>(key: IDBValidKey): Promise<T> {
    const db = await database();
    return new Promise<T>((resolve, reject) => {
      const request = db.transaction(storeName, 'readonly').objectStore(storeName).get(key);
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not read a file of the object store.'));
    });
  }

  /** Resolves once the write is committed; a full quota rejects here (the transaction aborts with it). */
  async function write(change: (files: IDBObjectStore) => void): Promise<void> {
    const db = await database();
    return new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(storeName, 'readwrite', { durability: 'relaxed' });
      transaction.oncomplete = () => resolve();
      transaction.onabort = transaction.onerror = () =>
        reject(transaction.error ?? new Error('IndexedDB could not write a file of the object store.'));
      change(transaction.objectStore(storeName));
    });
  }

  function remember(inode: number, data: Uint8Array | undefined): void {
    if (data instanceof Uint8Array && data.byteLength <= REMEMBERED_FILE_BYTES) remembered.set(inode, data.slice());
    else remembered.delete(inode);
  }

  return {
    async saveSuperblock(superblock) {
      await write((files) => files.put(superblock, SUPERBLOCK_KEY));
    },
    loadSuperblock() {
      remembered.clear();
      return read(SUPERBLOCK_KEY);
    },
    async readFile(inode) {
      const known = remembered.get(inode);
      if (known) return known.slice();
      const data = await read<Uint8Array>(inode);
      remember(inode, data);
      return data;
    },
    async writeFile(inode, data) {
      remembered.delete(inode);
      await write((files) => files.put(data, inode));
      remember(inode, data);
    },
    async unlink(inode) {
      remembered.delete(inode);
      await write((files) => files.delete(inode));
    },
    async wipe() {
      remembered.clear();
      await write((files) => files.clear());
    },
    async close() {
      remembered.clear();
      const closing = opening;
      opening = undefined;
      if (closing) (await closing.catch(() => undefined))?.close();
    },
  };
}
