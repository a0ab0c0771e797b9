import type { ObjectStoreFs } from '../sync/objectStoreFs';

function missing(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
}

/**
 * A file system that lives in memory and is gone once dropped: room to index a bundle's pack without
 * writing anything a person keeps. Enough of `ObjectStoreFs` for `git.indexPack` and reading objects back.
 */
export function scratchFs(): ObjectStoreFs {
  const files = new Map<string, Uint8Array>();
  const folders = new Set<string>(['/']);
  const children = (dir: string) => {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const names = new Set<string>();
    for (const path of [...files.keys(), ...folders]) {
      if (path.startsWith(prefix) && path.length > prefix.length) names.add(path.slice(prefix.length).split('/')[0]!);
    }
    return [...names];
  };
  const stat = async (path: string) => {
    if (files.has(path)) return { isDirectory: () => false, isFile: () => true, isSymbolicLink: () => false };
    if (folders.has(path)) return { isDirectory: () => true, isFile: () => false, isSymbolicLink: () => false };
    throw missing(path);
  };
  return {
    promises: {
      async readFile(path) {
        const bytes = files.get(path);
        if (!bytes) throw missing(path);
        return bytes;
      },
      async writeFile(path, data) {
        files.set(path, data);
      },
      async unlink(path) {
        if (!files.delete(path)) throw missing(path);
      },
      async readdir(path) {
        const names = children(path);
        if (names.length === 0 && !folders.has(path)) throw missing(path);
        return names;
      },
      async mkdir(path) {
        folders.add(path);
      },
      async rmdir(path) {
        folders.delete(path);
      },
      stat,
      lstat: stat,
      // isomorphic-git binds these whether or not it uses them; a pack and its index hold no links.
      async readlink(path) {
        throw missing(path);
      },
      async symlink(_target, path) {
        throw Object.assign(new Error(`EPERM: no links in scratch space, '${path}'`), { code: 'EPERM' });
      },
    },
  };
}
