import { useLiveQuery } from 'dexie-react-hooks';
import { bookmarkId, listBookmarks, type Bookmark } from '../../core/userdata/bookmarks';
import { recentlyOpened, type HistoryEntry } from '../../core/userdata/history';
import { db } from '../app/database';

export function useBookmarks(): Bookmark[] | undefined {
  return useLiveQuery(() => listBookmarks(db), []);
}

export function useIsBookmarked(sourceId: string, path: string, anchor?: string): boolean {
  return useLiveQuery(async () => (await db.bookmarks.get(bookmarkId(sourceId, path, anchor))) !== undefined, [sourceId, path, anchor]) ?? false;
}

export function useRecentlyOpened(): HistoryEntry[] | undefined {
  return useLiveQuery(() => recentlyOpened(db), []);
}

/** Paths of bookmarked runbooks that their source no longer has (kept readable from the bookmark). */
export function useRemovedFromSource(): Set<string> {
  return (
    useLiveQuery(async () => {
      const removed = await db.runbooks.filter((r) => r.removedFromSource !== undefined).primaryKeys();
      return new Set(removed.map(([sourceId, path]) => `${sourceId}|${path}`));
    }, []) ?? new Set()
  );
}
