import type { ObjectStoreFs } from './objectStoreFs';

/** Every fs method is called with whatever isomorphic-git passes (encodings, modes); the wrapper forwards all of it. */
type AnyCall = (...args: unknown[]) => Promise<unknown>;

/**
 * Wraps the object store's file system for the length of one sync so that isomorphic-git's repeated
 * look-ups are answered from memory: directory listings, and "no such file" answers (every object read
 * stats the git directory, tries the loose-object path, then lists `objects/pack`; for a 5,000-file first
 * sync that is 15,000 system calls, the failed ones each building an Error with a stack).
 *
 * Correct because nothing else writes the store during a sync (the source lock) and every write made
 * through this wrapper forgets everything remembered so far. File contents are never cached here;
 * isomorphic-git caches packs itself.
 */
export function memoizeStoreReads(fs: ObjectStoreFs): ObjectStoreFs {
  const inner = fs.promises as unknown as Record<string, AnyCall | undefined>;
  const listings = new Map<string, string[]>();
  const missing = new Map<string, unknown>();
  const forget = () => {
    listings.clear();
    missing.clear();
  };
  const call = async (name: string, args: unknown[]) => {
    const method = inner[name];
    if (!method) throw Object.assign(new Error(`The file system has no ${name}.`), { code: 'ENOSYS' });
    return method.apply(fs.promises, args);
  };

  /** Reads whose "does not exist" answer is remembered (by path, whatever the options). */
  const remembering =
    (name: string): AnyCall =>
    async (...args) => {
      const key = `${name}:${String(args[0])}`;
      const known = missing.get(key);
      if (known !== undefined) throw known;
      try {
        return await call(name, args);
      } catch (error) {
        if ((error as { code?: unknown } | undefined)?.code === 'ENOENT') missing.set(key, error);
        throw error;
      }
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

  const wrapped: Record<string, AnyCall> = {
    readFile: remembering('readFile'),
    stat: remembering('stat'),
    lstat: remembering('lstat'),
    readdir: async (...args) => {
      const path = String(args[0]);
      if (args.length > 1) return call('readdir', args);
      const known = listings.get(path);
      if (known) return [...known];
      const names = (await remembering('readdir')(path)) as string[];
      listings.set(path, names);
      return [...names];
    },
  };
  // isomorphic-git binds every one of these, so each must exist even if the platform lacks it.
  for (const name of ['writeFile', 'unlink', 'mkdir', 'rmdir', 'symlink', 'chmod']) wrapped[name] = mutating(name);
  if (inner.rename) wrapped.rename = mutating('rename');
  wrapped.readlink = (...args) => call('readlink', args);
  return { promises: wrapped as unknown as ObjectStoreFs['promises'] };
}
