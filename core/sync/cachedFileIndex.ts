/**
 * What the cache holds of one source, by path → Git blob id (runbooks, skipped files and images alike).
 * The engine compares the new commit against it. It is an interface rather than a Map because an
 * incremental sync only needs the few paths that changed and a count; loading every row of a
 * 5,000-runbook cache to learn that would cost more than the sync itself.
 */
export interface CachedFileIndex {
  /** How many files the cache holds for the source. */
  count(): Promise<number>;
  /** Blob ids of these paths; paths the cache does not hold are left out. */
  lookup(paths: readonly string[]): Promise<Map<string, string>>;
  /** Every path → blob id; needed only when the previous commit is not in the object store. */
  all(): Promise<Map<string, string>>;
}

/** A `CachedFileIndex` over a map in memory (the CLI's snapshot file, tests). */
export function fileIndexFromMap(files: ReadonlyMap<string, string>): CachedFileIndex {
  return {
    count: async () => files.size,
    lookup: async (paths) => {
      const found = new Map<string, string>();
      for (const path of paths) {
        const oid = files.get(path);
        if (oid !== undefined) found.set(path, oid);
      }
      return found;
    },
    all: async () => new Map(files),
  };
}
