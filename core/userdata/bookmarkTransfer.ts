import type { RunbookDatabase } from '../cache/runbookDatabase';
import { bookmarkId, cleanLabel, type Bookmark } from './bookmarks';

export const BOOKMARK_EXPORT_FORMAT = 'runbook-reader-bookmarks';
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_IMPORT_BOOKMARKS = 10_000;

export interface BookmarkExport {
  format: typeof BOOKMARK_EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  bookmarks: Omit<Bookmark, 'id'>[];
}

export function exportBookmarks(bookmarks: readonly Bookmark[], now = new Date()): string {
  const file: BookmarkExport = {
    format: BOOKMARK_EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    bookmarks: bookmarks.map(({ id: _id, ...rest }) => rest),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ParsedBookmarkFile = { ok: true; bookmarks: Bookmark[] } | { ok: false; message: string };

/**
 * Reads an export file. Anything that is not a valid export is refused as a whole with a message that
 * says what is wrong, so an import never half-applies a broken file.
 */
export function parseBookmarkExport(text: string): ParsedBookmarkFile {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, message: 'This file is too large to be a bookmark export.' };
  if (text.trim() === '') return { ok: false, message: 'This file is empty, so it is not a Runbook Reader bookmark export.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not a Runbook Reader bookmark export.' };
  }
  if (!isRecord(data) || data.format !== BOOKMARK_EXPORT_FORMAT) {
    return { ok: false, message: 'This JSON file is not a Runbook Reader bookmark export (its "format" field is missing or different).' };
  }
  if (data.version === undefined) return { ok: false, message: 'The export has no "version" field.' };
  // JSON.stringify shows a version written as text ("1") as text, so the message does not look self-contradictory.
  if (data.version !== 1)
    return { ok: false, message: `Bookmark export version ${JSON.stringify(data.version)} is not supported by this app.` };
  if (!Array.isArray(data.bookmarks)) return { ok: false, message: 'The export has no "bookmarks" list.' };
  if (data.bookmarks.length > MAX_IMPORT_BOOKMARKS) return { ok: false, message: 'The export holds more bookmarks than can be imported.' };

  const bookmarks: Bookmark[] = [];
  for (const [i, item] of data.bookmarks.entries()) {
    const b = isRecord(item) ? item : undefined;
    const problem = !b
      ? 'is not an object'
      : !nonEmptyString(b.sourceId)
        ? 'has no sourceId'
        : !nonEmptyString(b.path)
          ? 'has no path'
          : b.anchor !== undefined && typeof b.anchor !== 'string'
            ? 'has an anchor that is not text'
            : !nonEmptyString(b.label)
              ? 'has no label'
              : undefined;
    if (problem || !b) return { ok: false, message: `Bookmark ${i + 1} ${problem ?? 'is invalid'}; nothing was imported.` };
    const sourceId = b.sourceId as string;
    const path = b.path as string;
    const anchor = typeof b.anchor === 'string' && b.anchor ? b.anchor : undefined;
    const bookmark: Bookmark = {
      id: bookmarkId(sourceId, path, anchor),
      sourceId,
      path,
      label: cleanLabel(b.label as string),
      pinned: b.pinned === true,
      order: typeof b.order === 'number' && Number.isFinite(b.order) ? b.order : i + 1,
      createdAt: typeof b.createdAt === 'string' ? b.createdAt : new Date(0).toISOString(),
    };
    if (anchor) bookmark.anchor = anchor;
    bookmarks.push(bookmark);
  }
  return { ok: true, bookmarks };
}

/** Merges imported bookmarks: places already bookmarked are kept as they are, new ones go to the end. */
export async function importBookmarks(
  db: RunbookDatabase,
  incoming: readonly Bookmark[],
): Promise<{ added: number; alreadyThere: number }> {
  return db.transaction('rw', db.bookmarks, async () => {
    const last = await db.bookmarks.orderBy('order').last();
    let next = (last?.order ?? 0) + 1;
    let added = 0;
    let alreadyThere = 0;
    const seen = new Set<string>();
    for (const bookmark of [...incoming].sort((a, b) => a.order - b.order)) {
      if (seen.has(bookmark.id) || (await db.bookmarks.get(bookmark.id))) {
        alreadyThere++;
        continue;
      }
      seen.add(bookmark.id);
      await db.bookmarks.put({ ...bookmark, order: next++ });
      added++;
    }
    return { added, alreadyThere };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
