import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { BOOKMARK_EXPORT_FORMAT, exportBookmarks, importBookmarks, parseBookmarkExport } from '../../../core/userdata/bookmarkTransfer';
import {
  bookmarkId,
  listBookmarks,
  moveBookmark,
  renameBookmark,
  setBookmarkPinned,
  toggleBookmark,
  type Bookmark,
} from '../../../core/userdata/bookmarks';
import { dumpDatabase, openTestDatabase } from '../cache/testDatabase';

const SOURCE = 'team-runbooks';
let home: RunbookDatabase;
let other: RunbookDatabase;

beforeEach(() => {
  home = openTestDatabase();
  other = openTestDatabase();
});

afterEach(async () => {
  await home.delete();
  await other.delete();
});

/** What a user sees of their bookmarks, in list order (ids and order numbers are internal). */
async function visible(db: RunbookDatabase) {
  return (await listBookmarks(db)).map(({ sourceId, path, anchor, label, pinned }) => ({ sourceId, path, anchor, label, pinned }));
}

/** The import as the Bookmarks page runs it: parse, and only a valid file reaches the database. */
async function importFile(db: RunbookDatabase, text: string) {
  const parsed = parseBookmarkExport(text);
  if (!parsed.ok) return parsed;
  return { ok: true as const, ...(await importBookmarks(db, parsed.bookmarks)) };
}

/** A realistic set: runbooks and sections, two pinned, one renamed, one moved, in two sources. */
async function buildBookmarks(db: RunbookDatabase) {
  await toggleBookmark(db, { sourceId: SOURCE, path: 'db/failover.md', label: 'Database failover' });
  await toggleBookmark(db, {
    sourceId: SOURCE,
    path: 'db/failover.md',
    anchor: 'promote-the-replica',
    label: 'Failover › Promote the replica',
  });
  await toggleBookmark(db, { sourceId: SOURCE, path: 'ops/restart-api.md', label: 'Restart the API' });
  await toggleBookmark(db, { sourceId: 'bundled', path: 'contacts.md', anchor: 'on-call', label: 'Contacts › On call' });
  await toggleBookmark(db, { sourceId: SOURCE, path: 'net/dns.md', label: 'DNS' });
  await setBookmarkPinned(db, bookmarkId('bundled', 'contacts.md', 'on-call'), true);
  await setBookmarkPinned(db, bookmarkId(SOURCE, 'ops/restart-api.md'), true);
  await renameBookmark(db, bookmarkId(SOURCE, 'net/dns.md'), 'DNS — who to call');
  await moveBookmark(db, bookmarkId(SOURCE, 'net/dns.md'), -1);
}

describe('export and import', () => {
  it('round-trips into an empty library: labels, anchors, pinned state and order', async () => {
    await buildBookmarks(home);
    const file = exportBookmarks(await listBookmarks(home), new Date('2026-03-01T10:00:00.000Z'));
    const result = await importFile(other, file);
    expect(result).toEqual({ ok: true, added: 5, alreadyThere: 0 });
    expect(await visible(other)).toEqual(await visible(home));
    expect(await visible(other)).toEqual([
      { sourceId: SOURCE, path: 'ops/restart-api.md', anchor: undefined, label: 'Restart the API', pinned: true },
      { sourceId: 'bundled', path: 'contacts.md', anchor: 'on-call', label: 'Contacts › On call', pinned: true },
      { sourceId: SOURCE, path: 'db/failover.md', anchor: undefined, label: 'Database failover', pinned: false },
      { sourceId: SOURCE, path: 'net/dns.md', anchor: undefined, label: 'DNS — who to call', pinned: false },
      { sourceId: SOURCE, path: 'db/failover.md', anchor: 'promote-the-replica', label: 'Failover › Promote the replica', pinned: false },
    ]);
    // The imported bookmarks are ordinary ones: the same place toggles off.
    expect(await toggleBookmark(other, { sourceId: SOURCE, path: 'db/failover.md', anchor: 'promote-the-replica', label: 'x' })).toBe(
      false,
    );
  });

  it('writes a self-describing JSON file', () => {
    const file = exportBookmarks([], new Date('2026-03-01T10:00:00.000Z'));
    expect(JSON.parse(file)).toEqual({ format: BOOKMARK_EXPORT_FORMAT, version: 1, exportedAt: '2026-03-01T10:00:00.000Z', bookmarks: [] });
  });

  it('merges into a library that has some of them: no duplicates, existing ones kept as they are, counts reported', async () => {
    await buildBookmarks(home);
    const file = exportBookmarks(await listBookmarks(home));
    await toggleBookmark(other, { sourceId: SOURCE, path: 'runbooks/security.md', label: 'Security incident' });
    await toggleBookmark(other, { sourceId: SOURCE, path: 'db/failover.md', label: 'My failover name' });
    await toggleBookmark(other, { sourceId: 'bundled', path: 'contacts.md', anchor: 'on-call', label: 'On call' });

    expect(await importFile(other, file)).toEqual({ ok: true, added: 3, alreadyThere: 2 });
    const after = await visible(other);
    expect(after).toHaveLength(6);
    expect(new Set((await listBookmarks(other)).map((b) => b.id)).size).toBe(6);
    expect(after.find((b) => b.path === 'db/failover.md' && !b.anchor)?.label).toBe('My failover name');
    expect(after.find((b) => b.path === 'contacts.md')).toMatchObject({ label: 'On call', pinned: false });
    // New ones come after what was there; the pinned one from the file is pinned here too.
    expect(after.map((b) => b.label)).toEqual([
      'Restart the API',
      'Security incident',
      'My failover name',
      'On call',
      'DNS — who to call',
      'Failover › Promote the replica',
    ]);

    // Importing the same file again adds nothing.
    const before = await dumpDatabase(other);
    expect(await importFile(other, file)).toEqual({ ok: true, added: 0, alreadyThere: 5 });
    expect(await dumpDatabase(other)).toEqual(before);
  });

  it('counts a place listed twice in one file once', async () => {
    const twice = {
      sourceId: SOURCE,
      path: 'db/failover.md',
      label: 'Failover',
      pinned: false,
      order: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const file = JSON.stringify({ format: BOOKMARK_EXPORT_FORMAT, version: 1, bookmarks: [twice, { ...twice, label: 'Again', order: 2 }] });
    expect(await importFile(other, file)).toEqual({ ok: true, added: 1, alreadyThere: 1 });
    expect((await visible(other)).map((b) => b.label)).toEqual(['Failover']);
  });

  it('accepts a hand-written file with only the required fields, and cleans its labels', async () => {
    const file = JSON.stringify({
      format: BOOKMARK_EXPORT_FORMAT,
      version: 1,
      bookmarks: [
        { sourceId: SOURCE, path: 'b.md', label: '  Second\n  in the file ' },
        { sourceId: SOURCE, path: 'a.md', anchor: 'steps', label: 'x'.repeat(300), pinned: true },
      ],
    });
    expect(await importFile(other, file)).toEqual({ ok: true, added: 2, alreadyThere: 0 });
    const all = await listBookmarks(other);
    expect(all.map((b) => [b.path, b.anchor, b.label.length, b.pinned])).toEqual([
      ['a.md', 'steps', 200, true],
      ['b.md', undefined, 'Second in the file'.length, false],
    ]);
    expect(all[1]!.label).toBe('Second in the file');
  });
});

describe('refusing files that are not a bookmark export', () => {
  const valid = {
    sourceId: SOURCE,
    path: 'db/failover.md',
    label: 'Failover',
    pinned: false,
    order: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  const exportWith = (fields: Record<string, unknown>) =>
    JSON.stringify({ format: BOOKMARK_EXPORT_FORMAT, version: 1, bookmarks: [valid], ...fields });

  const badFiles: [name: string, text: () => string, message: RegExp][] = [
    ['an empty file', () => '', /empty/i],
    ['a file of spaces', () => '  \n ', /empty/i],
    ['text that is not JSON', () => 'Bookmarks:\n- Failover\n', /not JSON/],
    ['a truncated export', () => exportWith({}).slice(0, 40), /not JSON/],
    ['JSON of another shape (a list)', () => JSON.stringify([valid]), /not a Runbook Reader bookmark export/],
    ['JSON of another shape (another app’s settings)', () => JSON.stringify({ theme: 'dark', bookmarks: [valid] }), /"format" field/],
    ['JSON null', () => 'null', /not a Runbook Reader bookmark export/],
    ['a wrong format field', () => exportWith({ format: 'chrome-bookmarks' }), /"format" field/],
    ['an unsupported version', () => exportWith({ version: 2 }), /version 2 .*not supported/],
    ['a version written as text', () => exportWith({ version: '1' }), /version "1" .*not supported/],
    ['no version', () => exportWith({ version: undefined }), /no "version"/],
    ['bookmarks that are not a list', () => exportWith({ bookmarks: { 0: valid } }), /no "bookmarks" list/],
    ['no bookmarks field', () => exportWith({ bookmarks: undefined }), /no "bookmarks" list/],
    [
      'an item that is not an object',
      () => exportWith({ bookmarks: [valid, 'db/failover.md'] }),
      /Bookmark 2 is not an object; nothing was imported/,
    ],
    ['an item without a path', () => exportWith({ bookmarks: [valid, { ...valid, path: undefined }] }), /Bookmark 2 has no path/],
    ['an item with an empty path', () => exportWith({ bookmarks: [{ ...valid, path: '  ' }] }), /Bookmark 1 has no path/],
    ['an item without a sourceId', () => exportWith({ bookmarks: [{ ...valid, sourceId: undefined }] }), /Bookmark 1 has no sourceId/],
    ['an item without a label', () => exportWith({ bookmarks: [valid, valid, { ...valid, label: '' }] }), /Bookmark 3 has no label/],
    ['an item whose label is a number', () => exportWith({ bookmarks: [{ ...valid, label: 42 }] }), /Bookmark 1 has no label/],
    ['an anchor that is a number', () => exportWith({ bookmarks: [{ ...valid, anchor: 3 }] }), /Bookmark 1 has an anchor that is not text/],
    ['a huge file', () => exportWith({ padding: 'x'.repeat(6 * 1024 * 1024) }), /too large/],
    [
      'too many bookmarks',
      () => exportWith({ bookmarks: Array.from({ length: 10_001 }, (_, i) => ({ ...valid, path: `rb-${i}.md` })) }),
      /more bookmarks than/,
    ],
  ];

  for (const [name, text, message] of badFiles) {
    it(`refuses ${name} with a clear message and changes nothing`, async () => {
      await buildBookmarks(other);
      const before = await dumpDatabase(other);
      const result = await importFile(other, text());
      expect(result).toEqual({ ok: false, message: expect.stringMatching(message) });
      expect(await dumpDatabase(other)).toEqual(before);
    });
  }

  it('refuses the whole file when only its last item is bad (nothing half-imported)', async () => {
    const items: Partial<Bookmark>[] = [valid, { ...valid, path: 'b.md' }, { ...valid, path: 'c.md', anchor: 7 as unknown as string }];
    const result = await importFile(other, exportWith({ bookmarks: items }));
    expect(result.ok).toBe(false);
    expect(await other.bookmarks.count()).toBe(0);
  });
});
