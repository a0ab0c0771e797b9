import type { RunbookDatabase } from '../cache/runbookDatabase';
import type { BookmarkTarget } from '../userdata/bookmarks';
import { recordIncidentEvent } from './incidentStore';

/**
 * Notes on the open incident's timeline that a bookmark was used to open its place (nothing when no
 * incident is open). Called by every control that opens a bookmark: the bookmark lists and search.
 */
export function recordBookmarkUsed(db: RunbookDatabase, bookmark: BookmarkTarget, now = new Date()): Promise<void> {
  return recordIncidentEvent(
    db,
    { kind: 'bookmark', text: bookmark.label, sourceId: bookmark.sourceId, path: bookmark.path, anchor: bookmark.anchor },
    now,
  );
}
