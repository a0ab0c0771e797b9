import { removeSource } from '../../core/cache/removeSource';
import type { RunbookDatabase } from '../../core/cache/runbookDatabase';
import type { DeleteSyncStoreResult } from '../../core/desktop/ipcContract';

/** Where a removed source leaves traces besides the cache; the Sources screen passes the platform's own. */
export interface SourceRemovalParts {
  db: RunbookDatabase;
  /** Deletes the source's access token (OS keychain on desktop, this site's storage in the browser). */
  forgetToken(sourceId: string): Promise<void>;
  /** Stops the source's sync and deletes its object store (`syncClient.deleteObjectStore`); never rejects. */
  deleteObjectStore(sourceId: string): Promise<DeleteSyncStoreResult>;
  /** Tells the search index the source's runbooks are gone. */
  notifyRemoved(sourceId: string): void;
}

/**
 * Removes a Git source the person asked to remove: its token, its cached runbooks (bookmarks, checklists
 * and history stay: they are the user's), and its downloaded Git data. The cache goes first, so that a
 * sync still running finds no source to write to and a timer cannot start a new one; the object store
 * goes after, once its sync has been stopped. Resolves with what happened to the object store; a failure
 * there is left for the caller to report and does not bring the source back.
 */
export async function removeGitSource(sourceId: string, parts: SourceRemovalParts): Promise<DeleteSyncStoreResult> {
  await parts.forgetToken(sourceId);
  await removeSource(parts.db, sourceId);
  parts.notifyRemoved(sourceId);
  return parts.deleteObjectStore(sourceId);
}
