import type { ObjectStoreFs } from './objectStoreFs';

/** Every fs method is called with whatever isomorphic-git passes (encodings, modes); the wrapper forwards all of it. */
type AnyCall = (...args: unknown[]) => Promise<unknown>;

/** A loose object's path: `<gitdir>/objects/<2 hex>/<38 hex>`. */
const LOOSE_OBJECT = /^(.*)\/objects\/([0-9a-f]{2})\/[0-9a-f]{38}$/;

/** A pack file or a pack index in the object store. */
const PACK_FILE = /\/objects\/pack\/[^/]+\.(?:pack|idx)$/;

/** The most bytes of written pack files one sync keeps (a first sync of 1,000 runbooks fetches about 6 MB). */
export const KEPT_PACK_BYTES = 32 * 1024 * 1024;

/** The answer to isomorphic-git's path-less probe: made once, as building an Error (its stack) is the cost. */
const NO_PATH = Object.assign(new TypeError('A file system call needs a path.'), { code: 'ERR_INVALID_ARG_TYPE' });

/**
 * Wraps the object store's file system for the length of one sync so that isomorphic-git's repeated
 * look-ups are answered from memory. Per object read, isomorphic-git stats the git directory, probes
 * `readFile()` with no path twice (to tell a promise fs from a callback one), tries the loose-object
 * path, then lists `objects/pack`. For a 1,000-file first sync those were 5,000 system calls, the failed
 * ones each building an Error with a stack: more time than inflating the objects. Remembered here:
 * directory listings, successful stats, "no such file" answers, and which `objects/<xx>` folders exist
 * (a store filled by fetches has none, so no loose-object read reaches the disk).
 *
 * Correct because nothing else writes the store during a sync (the source lock) and every write made
 * through this wrapper forgets everything remembered so far. The only contents kept are those of the pack
 * files (and their indexes) written through it, up to KEPT_PACK_BYTES: a sync reads a pack back as soon as
 * the fetch stored it (to check the download, then to read its objects), and a browser's store answers
 * each such read of megabytes with a slow round trip to IndexedDB. isomorphic-git caches packs it read.
 */
export function memoizeStoreReads(fs: ObjectStoreFs): ObjectStoreFs {
  const inner = fs.promises as unknown as Record<string, AnyCall | undefined>;
  const listings = new Map<string, string[]>();
  const missing = new Map<string, unknown>();
  const stats = new Map<string, unknown>();
  const forget = () => {
    listings.clear();
    missing.clear();
    stats.clear();
  };
  // Kept by reference: isomorphic-git never changes a buffer once it has written it.
  const keptPacks = new Map<string, Uint8Array>();
  let keptBytes = 0;
  const dropPack = (path: unknown) => {
    const kept = keptPacks.get(path as string);
    if (!kept) return;
    keptBytes -= kept.byteLength;
    keptPacks.delete(path as string);
  };
  const keepPack = (path: unknown, data: unknown) => {
    dropPack(path);
    if (typeof path !== 'string' || !PACK_FILE.test(path) || !(data instanceof Uint8Array)) return;
    if (keptBytes + data.byteLength > KEPT_PACK_BYTES) return;
    keptPacks.set(path, data);
    keptBytes += data.byteLength;
  };
  const call = async (name: string, args: unknown[]) => {
    const method = inner[name];
    if (!method) throw Object.assign(new Error(`The file system has no ${name}.`), { code: 'ENOSYS' });
    return method.apply(fs.promises, args);
  };

  const listing = async (path: string): Promise<string[]> => {
    const known = listings.get(path);
    if (known) return known;
    const names = (await remembering('readdir')(path)) as string[];
    listings.set(path, names);
    return names;
  };

  /** True when the path is a loose object whose fan-out folder does not exist, without asking the disk. */
  const looseObjectAbsent = async (path: string): Promise<boolean> => {
    const match = LOOSE_OBJECT.exec(path);
    if (!match) return false;
    try {
      return !(await listing(`${match[1]}/objects`)).includes(match[2]!);
    } catch {
      return false;
    }
  };

  /** Reads whose "does not exist" answer is remembered (by path, whatever the options). */
  const remembering =
    (name: string): AnyCall =>
    async (...args) => {
      if (typeof args[0] !== 'string') throw NO_PATH;
      const key = `${name}:${args[0]}`;
      if (missing.has(key)) throw missing.get(key);
      if (name !== 'readdir' && (await looseObjectAbsent(args[0]))) {
        const absent = Object.assign(new Error(`ENOENT: no such file or directory, ${name} '${args[0]}'`), { code: 'ENOENT' });
        missing.set(key, absent);
        throw absent;
      }
      try {
        return await call(name, args);
      } catch (error) {
        if ((error as { code?: unknown } | undefined)?.code === 'ENOENT') missing.set(key, error);
        throw error;
      }
    };
  const statting = (name: 'stat' | 'lstat'): AnyCall => {
    const read = remembering(name);
    return async (...args) => {
      const key = `${name}:${String(args[0])}`;
      if (stats.has(key)) return stats.get(key);
      const result = await read(...args);
      stats.set(key, result);
      return result;
    };
  };
  const mutating =
    (name: string): AnyCall =>
    async (...args) => {
      forget();
      try {
        return await call(name, args);
      } finally {
        forget();
      }
    };

  const readFile = remembering('readFile');
  const wrapped: Record<string, AnyCall> = {
    // The path-less probe is answered without entering an async function: it comes twice per command.
    readFile: (...args) => {
      if (typeof args[0] !== 'string') return Promise.reject(NO_PATH);
      const kept = keptPacks.get(args[0]);
      return kept && !asksForText(args[1]) ? Promise.resolve(kept) : readFile(...args);
    },
    stat: statting('stat'),
    lstat: statting('lstat'),
    readdir: async (...args) => {
      if (args.length > 1) return call('readdir', args);
      return [...(await listing(String(args[0])))];
    },
  };
  // isomorphic-git binds every one of these, so each must exist even if the platform lacks it.
  for (const name of ['writeFile', 'unlink', 'mkdir', 'rmdir', 'symlink', 'chmod']) wrapped[name] = mutating(name);
  const writeFile = wrapped.writeFile!;
  wrapped.writeFile = async (...args) => {
    dropPack(args[0]);
    await writeFile(...args);
    keepPack(args[0], args[1]);
  };
  const unlink = wrapped.unlink!;
  wrapped.unlink = async (...args) => {
    dropPack(args[0]);
    await unlink(...args);
  };
  if (inner.rename) {
    const rename = mutating('rename');
    wrapped.rename = async (...args) => {
      const kept = keptPacks.get(args[0] as string);
      dropPack(args[0]);
      dropPack(args[1]);
      await rename(...args);
      if (kept) keepPack(args[1], kept);
    };
  }
  wrapped.readlink = (...args) => call('readlink', args);
  return { promises: wrapped as unknown as ObjectStoreFs['promises'] };
}

/** Whether readFile's options ask for a string (`'utf8'`, `{ encoding: 'utf8' }`) rather than bytes. */
function asksForText(options: unknown): boolean {
  if (typeof options === 'string') return true;
  return typeof options === 'object' && options !== null && (options as { encoding?: unknown }).encoding != null;
}
