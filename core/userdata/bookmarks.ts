import type { Bookmark, RunbookDatabase } from '../cache/runbookDatabase';

export type { Bookmark };

export interface BookmarkTarget {
  sourceId: string;
  path: string;
  anchor?: string | undefined;
  label: string;
}

export const MAX_LABEL_LENGTH = 200;

export function bookmarkId(sourceId: string, path: string, anchor?: string): string {
  return `${sourceId}|${path}#${anchor ?? ''}`;
}

/** Pinned first, then in the user's order. */
export function sortBookmarks(bookmarks: readonly Bookmark[]): Bookmark[] {
  return [...bookmarks].sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.order - b.order || a.createdAt.localeCompare(b.createdAt));
}

export async function listBookmarks(db: RunbookDatabase): Promise<Bookmark[]> {
  return sortBookmarks(await db.bookmarks.toArray());
}

/** Adds the bookmark, or removes it when it exists. Returns whether the place is bookmarked afterwards. */
export async function toggleBookmark(db: RunbookDatabase, target: BookmarkTarget, now = new Date()): Promise<boolean> {
  const id = bookmarkId(target.sourceId, target.path, target.anchor);
  return db.transaction('rw', db.bookmarks, async () => {
    if (await db.bookmarks.get(id)) {
      await db.bookmarks.delete(id);
      return false;
    }
    const last = await db.bookmarks.orderBy('order').last();
    const bookmark: Bookmark = {
      id,
      sourceId: target.sourceId,
      path: target.path,
      label: cleanLabel(target.label) || target.path,
      pinned: false,
      order: (last?.order ?? 0) + 1,
      createdAt: now.toISOString(),
    };
    if (target.anchor) bookmark.anchor = target.anchor;
    await db.bookmarks.put(bookmark);
    return true;
  });
}

export async function setBookmarkPinned(db: RunbookDatabase, id: string, pinned: boolean): Promise<void> {
  await db.bookmarks.update(id, { pinned });
}

/** Renames a bookmark's label; an empty label is refused so that a bookmark never loses its name. */
export async function renameBookmark(
  db: RunbookDatabase,
  id: string,
  label: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const clean = cleanLabel(label);
  if (!clean) return { ok: false, message: 'A bookmark needs a name.' };
  const updated = await db.bookmarks.update(id, { label: clean });
  if (updated === 0) return { ok: false, message: 'This bookmark no longer exists.' };
  return { ok: true };
}

export async function removeBookmark(db: RunbookDatabase, id: string): Promise<void> {
  await db.bookmarks.delete(id);
}

/** Moves a bookmark one place up or down among those with the same pinned state. */
export async function moveBookmark(db: RunbookDatabase, id: string, direction: -1 | 1): Promise<void> {
  await db.transaction('rw', db.bookmarks, async () => {
    const all = sortBookmarks(await db.bookmarks.toArray());
    const index = all.findIndex((b) => b.id === id);
    const current = all[index];
    const neighbour = all[index + direction];
    if (!current || !neighbour || neighbour.pinned !== current.pinned) return;
    // Renumber the whole list so equal or missing orders from old imports cannot make a move a no-op.
    [all[index], all[index + direction]] = [neighbour, current];
    await db.bookmarks.bulkPut(all.map((b, i) => ({ ...b, order: i + 1 })));
  });
}

/** One line, no outer spaces, at most `MAX_LABEL_LENGTH` characters (also for imported labels). */
export function cleanLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL_LENGTH).trimEnd();
}
