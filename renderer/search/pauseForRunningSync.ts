import { SYNC_LOCK_PREFIX } from '../sync/syncLockName';

/** Longest the search worker's indexing stands aside for one sync: the index never lags a long sync by more. */
export const SYNC_YIELD_LIMIT_MS = 3_000;
/** How often a pause looks again whether the sync it stands aside for has ended. */
export const SYNC_POLL_MS = 25;

export interface IndexPauseDeps {
  /** The worker's `navigator.locks`; without it (or when it cannot be asked) a pause is one turn of the event loop. */
  locks?: Pick<LockManager, 'query'> | undefined;
  now?: () => number;
}

/**
 * The pause the search worker takes before its warm-up query and between batches of indexing, so queries are
 * answered meanwhile. While a sync of this site runs, the pause also lasts until the sync ends: on a
 * two-core machine an index build (seconds, after a large first sync) and a sync share the cores, and a
 * one-file sync pressed during that build took 600–850 ms (median 749) against 453–767 ms (median 529) with
 * the build standing aside (bench:browser, five alternated pairs). The sync's result is what the reader waits
 * for; the index catches up after it. Standing aside is limited to `SYNC_YIELD_LIMIT_MS` per sync, so a slow
 * fetch never leaves search behind for its whole length; past the limit, indexing goes on beside the sync
 * until a pause sees no sync running.
 */
export function createIndexPause({ locks, now = () => performance.now() }: IndexPauseDeps): () => Promise<void> {
  let standingAsideSince: number | undefined;
  return async () => {
    await wait(0);
    if (!locks) return;
    while (await syncRunning(locks)) {
      standingAsideSince ??= now();
      if (now() - standingAsideSince >= SYNC_YIELD_LIMIT_MS) return;
      await wait(SYNC_POLL_MS);
    }
    standingAsideSince = undefined;
  };
}

async function syncRunning(locks: Pick<LockManager, 'query'>): Promise<boolean> {
  try {
    const { held = [] } = await locks.query();
    return held.some((lock) => lock.name?.startsWith(SYNC_LOCK_PREFIX) === true);
  } catch {
    // A lock manager that refuses to answer (a storage-less context) must not stop indexing.
    return false;
  }
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
