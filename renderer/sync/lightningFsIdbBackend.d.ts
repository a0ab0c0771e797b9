// lightning-fs types only its public API; its IndexedDB store (the default for its `db` option) is plain JS.
declare module '@isomorphic-git/lightning-fs/src/IdbBackend.js' {
  import type FS from '@isomorphic-git/lightning-fs';

  /**
   * Where LightningFS keeps file contents (by inode) and its file list, the "superblock" (its `db` option;
   * by default an IndexedDB database named after the file system).
   */
  export interface LightningFsStore {
    saveSuperblock(superblock: Uint8Array): Promise<void> | void;
    /** Resolves undefined for a file system never saved. */
    loadSuperblock(): Promise<FS.SuperBlock>;
    /** Resolves undefined for an inode never written. */
    readFile(inode: number): Promise<Uint8Array>;
    writeFile(inode: number, data: Uint8Array): Promise<void>;
    unlink(inode: number): Promise<void>;
    wipe(): Promise<void>;
    close(): Promise<void>;
  }

  const IdbBackend: new (databaseName: string, storeName: string) => LightningFsStore;
  export default IdbBackend;
}
