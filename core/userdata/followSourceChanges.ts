import type { RunbookDatabase } from '../cache/runbookDatabase';
import { bookmarkId } from './bookmarks';

/**
 * Moves the user's data for a runbook that was renamed upstream (same content, new path): bookmarks,
 * checklist progress, history and the copy kept for "What changed" follow it. Runs inside the change
 * set's transaction.
 */
export async function followRename(db: RunbookDatabase, sourceId: string, from: string, to: string): Promise<void> {
  const bookmarks = await db.bookmarks.where('[sourceId+path]').equals([sourceId, from]).toArray();
  for (const b of bookmarks) {
    await db.bookmarks.delete(b.id);
    const id = bookmarkId(sourceId, to, b.anchor);
    if (!(await db.bookmarks.get(id))) await db.bookmarks.put({ ...b, id, path: to });
  }
  const progress = await db.checklists.get([sourceId, from]);
  if (progress) {
    await db.checklists.delete([sourceId, from]);
    if (!(await db.checklists.get([sourceId, to]))) await db.checklists.put({ ...progress, path: to });
  }
  await db.history.where('[sourceId+path]').equals([sourceId, from]).modify({ path: to });
  const read = await db.readCopies.get([sourceId, from]);
  if (read) {
    await db.readCopies.delete([sourceId, from]);
    if (!(await db.readCopies.get([sourceId, to]))) await db.readCopies.put({ ...read, path: to });
  }
}

/** Whether the user bookmarked the runbook or one of its sections; such a runbook is kept when removed upstream. */
export async function isBookmarked(db: RunbookDatabase, sourceId: string, path: string): Promise<boolean> {
  return (await db.bookmarks.where('[sourceId+path]').equals([sourceId, path]).count()) > 0;
}
