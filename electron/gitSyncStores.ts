/**
 * The desktop's object stores for the sync host: one folder per source under `<userData>/git`, written with
 * Node's fs. Folder names are derived from the source id so that nothing of an id can name another path.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SyncStoreAdapter } from '../core/sync/syncHost';

/** Folder of the app's data folder that holds one object store (bare repository) per source. */
export const GIT_STORES_FOLDER = 'git';

/** Names `objectStoreFolderName` gives; nothing else in the stores folder is ever deleted by a prune. */
const STORE_FOLDER = /-[0-9a-f]{16}$/;

/**
 * The object store folder of a source: readable, and unique per id even where two ids sanitise alike or a
 * file system ignores case (hence the hash). Ids come from the page, so nothing of them can name a path.
 */
export function objectStoreFolderName(sourceId: string): string {
  const readable = sourceId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const hash = createHash('sha256').update(sourceId, 'utf8').digest('hex').slice(0, 16);
  return `${readable}-${hash}`;
}

export function desktopSyncStores(userDataPath: string): SyncStoreAdapter {
  const root = path.join(userDataPath, GIT_STORES_FOLDER);
  return {
    fs,
    dirOf: (sourceId) => path.join(root, objectStoreFolderName(sourceId)),
    async listStores() {
      let names: string[];
      try {
        names = await fs.promises.readdir(root);
      } catch {
        return []; // no stores folder yet: nothing was ever synced
      }
      return names.filter((name) => STORE_FOLDER.test(name)).map((name) => path.join(root, name));
    },
    removeStore: (dir) => fs.promises.rm(dir, { recursive: true, force: true }),
    deleteFailure(error) {
      const code = (error as { code?: unknown } | undefined)?.code;
      return `The source's downloaded Git data could not be deleted from the app's data folder (${typeof code === 'string' ? code : 'unknown error'}).`;
    },
  };
}
