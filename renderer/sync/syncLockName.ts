/**
 * The Web Lock a browser sync of one source holds while it runs, shared by every tab and window of the site.
 * Its own module so the search worker can see a sync running without loading any of the sync code.
 */
export const SYNC_LOCK_PREFIX = 'runbook-reader-sync:';

export function syncLockName(sourceId: string): string {
  return SYNC_LOCK_PREFIX + sourceId;
}
