import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import {
  bookmarkId,
  listBookmarks,
  MAX_LABEL_LENGTH,
  moveBookmark,
  removeBookmark,
  renameBookmark,
  setBookmarkPinned,
  toggleBookmark,
} from '../../../core/userdata/bookmarks';
import { bookmarkOf, dumpDatabase, openTestDatabase } from '../cache/testDatabase';

const SOURCE = 'team-runbooks';
let db: RunbookDatabase;

beforeEach(() => {
  db = openTestDatabase();
});

afterEach(async () => {
  await db.delete();
});

const labels = async () => (await listBookmarks(db)).map((b) => b.label);

/** Bookmarks `names` in that order (each a runbook `<name>.md`, labelled with its name). */
async function bookmarkAll(...names: string[]) {
  for (const name of names) await toggleBookmark(db, { sourceId: SOURCE, path: `${name}.md`, label: name });
}
const idOf = (name: string) => bookmarkId(SOURCE, `${name}.md`);

describe('toggleBookmark', () => {
  it('adds a bookmark the first time and removes it the second time', async () => {
    const target = { sourceId: SOURCE, path: 'db/failover.md', label: 'Database failover' };
    expect(await toggleBookmark(db, target)).toBe(true);
    expect(await listBookmarks(db)).toMatchObject([
      { id: bookmarkId(SOURCE, 'db/failover.md'), label: 'Database failover', pinned: false },
    ]);
    expect(await toggleBookmark(db, target)).toBe(false);
    expect(await listBookmarks(db)).toEqual([]);
  });

  it('keeps a section bookmark apart from the bookmark of its runbook', async () => {
    await toggleBookmark(db, { sourceId: SOURCE, path: 'db/failover.md', label: 'Failover' });
    await toggleBookmark(db, { sourceId: SOURCE, path: 'db/failover.md', anchor: 'promote-the-replica', label: 'Failover › Promote' });
    const all = await listBookmarks(db);
    expect(all.map((b) => [b.anchor, b.label])).toEqual([
      [undefined, 'Failover'],
      ['promote-the-replica', 'Failover › Promote'],
    ]);
    // Un-bookmarking the section leaves the runbook's bookmark alone.
    expect(await toggleBookmark(db, { sourceId: SOURCE, path: 'db/failover.md', anchor: 'promote-the-replica', label: 'x' })).toBe(false);
    expect((await listBookmarks(db)).map((b) => b.label)).toEqual(['Failover']);
  });

  it('keeps the same path in two sources apart', async () => {
    await toggleBookmark(db, { sourceId: 'a', path: 'x.md', label: 'A' });
    await toggleBookmark(db, { sourceId: 'b', path: 'x.md', label: 'B' });
    expect(await labels()).toEqual(['A', 'B']);
  });

  it('adds new bookmarks at the end, with a clean label, or the path when the label is blank', async () => {
    await bookmarkAll('first');
    await toggleBookmark(db, { sourceId: SOURCE, path: 'ops/restart.md', label: '  Restart \n the   API ' });
    await toggleBookmark(db, { sourceId: SOURCE, path: 'ops/untitled.md', label: ' \t ' });
    expect(await labels()).toEqual(['first', 'Restart the API', 'ops/untitled.md']);
  });
});

describe('pinning', () => {
  it('lists pinned bookmarks first, each group in the user order, and unpinning puts one back in its place', async () => {
    await bookmarkAll('a', 'b', 'c', 'd');
    await setBookmarkPinned(db, idOf('c'), true);
    await setBookmarkPinned(db, idOf('b'), true);
    expect(await labels()).toEqual(['b', 'c', 'a', 'd']);
    expect((await listBookmarks(db)).map((b) => b.pinned)).toEqual([true, true, false, false]);
    await setBookmarkPinned(db, idOf('b'), false);
    expect(await labels()).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('moveBookmark', () => {
  beforeEach(async () => {
    await bookmarkAll('p1', 'p2', 'u1', 'u2', 'u3');
    await setBookmarkPinned(db, idOf('p1'), true);
    await setBookmarkPinned(db, idOf('p2'), true);
  });

  it('moves one place up or down among unpinned bookmarks', async () => {
    await moveBookmark(db, idOf('u3'), -1);
    expect(await labels()).toEqual(['p1', 'p2', 'u1', 'u3', 'u2']);
    await moveBookmark(db, idOf('u1'), 1);
    expect(await labels()).toEqual(['p1', 'p2', 'u3', 'u1', 'u2']);
  });

  it('moves one place up or down among pinned bookmarks', async () => {
    await moveBookmark(db, idOf('p2'), -1);
    expect(await labels()).toEqual(['p2', 'p1', 'u1', 'u2', 'u3']);
    await moveBookmark(db, idOf('p2'), 1);
    expect(await labels()).toEqual(['p1', 'p2', 'u1', 'u2', 'u3']);
  });

  it('does nothing at either end of the list or across the pinned boundary', async () => {
    const before = await dumpDatabase(db);
    await moveBookmark(db, idOf('p1'), -1); // top of the list
    await moveBookmark(db, idOf('u3'), 1); // bottom of the list
    await moveBookmark(db, idOf('u1'), -1); // first unpinned cannot climb among the pinned
    await moveBookmark(db, idOf('p2'), 1); // last pinned cannot drop among the unpinned
    await moveBookmark(db, 'no-such-bookmark', 1);
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('still moves when old data left several bookmarks with the same order', async () => {
    await db.bookmarks.clear();
    await db.bookmarks.bulkPut(
      ['x', 'y', 'z'].map((n, i) => bookmarkOf(SOURCE, `${n}.md`, { label: n, order: 1, createdAt: `2026-01-0${i + 1}T00:00:00.000Z` })),
    );
    expect(await labels()).toEqual(['x', 'y', 'z']);
    await moveBookmark(db, bookmarkId(SOURCE, 'z.md'), -1);
    expect(await labels()).toEqual(['x', 'z', 'y']);
    await moveBookmark(db, bookmarkId(SOURCE, 'x.md'), 1);
    expect(await labels()).toEqual(['z', 'x', 'y']);
  });
});

describe('renameBookmark', () => {
  beforeEach(async () => {
    await bookmarkAll('failover');
  });

  it('trims the new label and collapses its whitespace', async () => {
    expect(await renameBookmark(db, idOf('failover'), '  DB \t failover\n(primary)  ')).toEqual({ ok: true });
    expect(await labels()).toEqual(['DB failover (primary)']);
  });

  it.each(['', '   ', '\n\t'])('refuses an empty label (%j) with a message and keeps the old one', async (label) => {
    const result = await renameBookmark(db, idOf('failover'), label);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/needs a name/) });
    expect(await labels()).toEqual(['failover']);
  });

  it('caps labels at 200 characters, with no space left dangling at the cut', async () => {
    await renameBookmark(db, idOf('failover'), 'x'.repeat(500));
    expect((await labels())[0]).toBe('x'.repeat(MAX_LABEL_LENGTH));
    await renameBookmark(db, idOf('failover'), `${'y'.repeat(MAX_LABEL_LENGTH - 1)} and more`);
    expect((await labels())[0]).toBe('y'.repeat(MAX_LABEL_LENGTH - 1));
    await toggleBookmark(db, { sourceId: SOURCE, path: 'long.md', label: 'z'.repeat(300) });
    expect((await labels())[1]).toHaveLength(MAX_LABEL_LENGTH);
  });

  it('says so when the bookmark is gone (removed in another window) instead of claiming success', async () => {
    await removeBookmark(db, idOf('failover'));
    const result = await renameBookmark(db, idOf('failover'), 'New name');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/no longer exists/) });
    expect(await listBookmarks(db)).toEqual([]);
  });
});

describe('removeBookmark', () => {
  it('removes only that bookmark', async () => {
    await bookmarkAll('a', 'b', 'c');
    await removeBookmark(db, idOf('b'));
    expect(await labels()).toEqual(['a', 'c']);
  });
});
