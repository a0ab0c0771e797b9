/**
 * Where isomorphic-git (patched, see `build/patches`) leaves the objects it inflated while indexing a fetched
 * pack, in the object cache the fetch was given, so that the sync's reads right after do not inflate them again.
 * Each is handed out once; what a sync did not read is dropped when it ends (by `syncGitSource`, and by the sync
 * host for anything else run in a source's slot, such as fetching history for an offline copy), so that a cache
 * kept as long as the app holds no file contents between syncs.
 */
const FETCHED_OBJECTS = Symbol.for('isomorphic-git.fetchedObjects');

export function forgetFetchedObjects(cache: object): void {
  delete (cache as Record<symbol, unknown>)[FETCHED_OBJECTS];
}

/** How many fetched objects the cache still holds, unread. */
export function fetchedObjectsLeft(cache: object): number {
  const kept = (cache as Record<symbol, unknown>)[FETCHED_OBJECTS];
  return kept instanceof Map ? kept.size : 0;
}
