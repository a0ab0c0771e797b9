import { useLiveQuery } from 'dexie-react-hooks';
import { bookmarkId, listBookmarks, type Bookmark } from '../../core/userdata/bookmarks';
import { recentlyOpened, type HistoryEntry } from '../../core/userdata/history';
import { db } from '../app/database';

export function useBookmarks(): Bookmark[] | undefined {
  return useLiveQuery(() => listBookmarks(db), []);
}

export function useIsBookmarked(sourceId: string, path: string, anchor?: string): boolean {
  return (
    useLiveQuery(async () => (await db.bookmarks.get(bookmarkId(sourceId, path, anchor))) !== undefined, [sourceId, path, anchor]) ?? false
  );
}

export function useRecentlyOpened(): HistoryEntry[] | undefined {
  return useLiveQuery(() => recentlyOpened(db), []);
}

/**
 * Anchors of the sections of one runbook that are bookmarked (`''` for the runbook itself): one query for
 * the whole page, instead of one per section heading (a runbook may have thousands).
 */
export function useBookmarkedAnchors(sourceId: string, path: string): ReadonlySet<string> | undefined {
  return useLiveQuery(
    async () => new Set((await db.bookmarks.where('[sourceId+path]').equals([sourceId, path]).toArray()).map((b) => b.anchor ?? '')),
    [sourceId, path],
  );
}

/** Paths of bookmarked runbooks that their source no longer has (kept readable from the bookmark). */
export function useRemovedFromSource(): Set<string> {
  return (
    useLiveQuery(async () => {
      // The light library table: a sync's change to `runbooks` re-runs this query, and full records are heavy.
      const removed = await db.library.filter((r) => r.removedFromSource !== undefined).primaryKeys();
      return new Set(removed.map(([sourceId, path]) => `${sourceId}|${path}`));
    }, []) ?? new Set()
  );
}
