/**
 * The promise-style file system the sync engine and isomorphic-git write the object store with.
 * Node's `fs` (desktop, CLI, tests) and `@isomorphic-git/lightning-fs` (IndexedDB, browser worker) both
 * fit: pass `fs` from `node:fs` or `new LightningFS(name)` as they are.
 */
export interface ObjectStoreFs {
  promises: {
    readFile(path: string): Promise<Uint8Array>;
    writeFile(path: string, data: Uint8Array): Promise<void>;
    unlink(path: string): Promise<void>;
    readdir(path: string): Promise<string[]>;
    mkdir(path: string): Promise<unknown>;
    rmdir(path: string): Promise<void>;
    stat(path: string): Promise<{ isDirectory(): boolean }>;
    lstat(path: string): Promise<unknown>;
    readlink?(path: string): Promise<unknown>;
    symlink?(target: string, path: string): Promise<void>;
    chmod?(path: string, mode: number): Promise<void>;
    /** Used to give fetched packs their ordered names; copied and deleted where missing. */
    rename?(from: string, to: string): Promise<void>;
  };
}

export function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'ENOENT';
}

export async function readTextOrUndefined(fs: ObjectStoreFs, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await fs.promises.readFile(path));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export async function removeIfPresent(fs: ObjectStoreFs, path: string): Promise<void> {
  try {
    await fs.promises.unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

export async function listOrEmpty(fs: ObjectStoreFs, dir: string): Promise<string[]> {
  try {
    return await fs.promises.readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** `mkdir -p` for file systems whose mkdir has no `recursive` option (lightning-fs). */
export async function makeDirectories(fs: ObjectStoreFs, dir: string): Promise<void> {
  const parts = dir.split('/');
  let path = '';
  for (let i = 0; i < parts.length; i++) {
    path = i === 0 ? parts[0]! : `${path}/${parts[i]}`;
    if (path === '' || path === '.') continue;
    try {
      await fs.promises.mkdir(path);
    } catch (error) {
      const code = (error as { code?: unknown } | undefined)?.code;
      if (code !== 'EEXIST') throw error;
    }
  }
}

/** `rm -r`, written against the small fs surface both platforms share. */
export async function removeTree(fs: ObjectStoreFs, path: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await fs.promises.stat(path)).isDirectory();
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  if (!isDirectory) {
    await removeIfPresent(fs, path);
    return;
  }
  for (const name of await listOrEmpty(fs, path)) await removeTree(fs, `${path}/${name}`);
  await fs.promises.rmdir(path);
}

/** Moves a file, with `rename` where the file system has it. */
export async function moveFile(fs: ObjectStoreFs, from: string, to: string): Promise<void> {
  if (fs.promises.rename) {
    await fs.promises.rename(from, to);
    return;
  }
  await fs.promises.writeFile(to, await fs.promises.readFile(from));
  await fs.promises.unlink(from);
}
