import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChangeSet, type AppliedChangeSummary } from '../../../core/cache/applyChangeSet';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { seedBundledSource } from '../../../core/cache/seedBundledSource';
import { diffSnapshots } from '../../../core/changes/diffSnapshots';
import { gitBlobId } from '../../../core/ingest/gitBlobId';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { BUNDLED_SOURCE_ID, type ChangeSet } from '../../../core/model';
import { refreshSearchIndex } from '../../../core/search/searchIndexStore';
import { snapshotBundledFiles, type BundledFile } from '../../../core/sources/bundledChangeSet';
import {
  bookmarkId,
  listBookmarks,
  renameBookmark,
  setBookmarkPinned,
  toggleBookmark,
  type Bookmark,
} from '../../../core/userdata/bookmarks';
import { countDone, readChecklist, setStepDone } from '../../../core/userdata/checklistProgress';
import { listChecklistSteps } from '../../../core/userdata/checklistStepsOfMarkdown';
import { readReadCopy, recordRead } from '../../../core/userdata/readCopies';
import { followRename, isBookmarked } from '../../../core/userdata/followSourceChanges';
import { recentlyOpened, recordOpened } from '../../../core/userdata/history';
import { dumpDatabase, gitSource, openTestDatabase } from '../cache/testDatabase';

const SOURCE = 'team-runbooks';
const FAILOVER = 'db/failover.md';
const MOVED = 'runbooks/database/failover.md';
const RESTART = 'ops/restart-api.md';
const DNS = 'net/dns.md';
const ANCHOR = 'promote-the-replica';
const T1 = new Date('2026-03-01T10:00:00.000Z');
const T2 = new Date('2026-03-02T10:00:00.000Z');
const T3 = new Date('2026-03-03T10:00:00.000Z');

const encode = (text: string) => new TextEncoder().encode(text);

const failoverText = `---
title: Database failover
owner: dba
---
# Database failover

## Promote the replica

1. Stop writes on the primary.
2. Promote the replica.
3. Point the app at the new primary.

## Verify

- [ ] Check the error rate.
`;
const restartText = '---\ntitle: Restart the API\n---\n# Restart the API\n\n1. Drain the load balancer.\n2. Restart the pods.\n';
const dnsText = '---\ntitle: DNS outage\n---\n# DNS outage\n\n## Who to call\n\nThe network team.\n';

/**
 * A Git repository as the sync engine sees it: each sync compares the last synced commit's tree with the new
 * one by blob id (`diffSnapshots`), reads and ingests only added, changed and renamed files, and hands the
 * change set to `applyChangeSet`.
 */
class UpstreamRepo {
  readonly files = new Map<string, string>();
  private synced = new Map<string, string>();
  private commits = 0;

  move(from: string, to: string) {
    this.files.set(to, this.files.get(from)!);
    this.files.delete(from);
  }

  changeSet(): { changes: ChangeSet; tree: Map<string, string> } {
    const entries = [...this.files].map(([path, text]) => ({ path, oid: gitBlobId(encode(text)) }));
    const diff = diffSnapshots(this.synced, entries);
    const toRead = [...diff.added, ...diff.changed, ...diff.renamed.map((r) => ({ path: r.to, oid: r.oid }))];
    const changes: ChangeSet = {
      sourceId: SOURCE,
      version: `commit-${++this.commits}`,
      upserts: toRead.map((e) => ingestRunbook(SOURCE, { path: e.path, oid: e.oid, bytes: encode(this.files.get(e.path)!) })),
      removed: diff.removed,
      renamed: diff.renamed.map(({ from, to }) => ({ from, to })),
    };
    return { changes, tree: new Map(entries.map((e) => [e.path, e.oid])) };
  }

  async sync(db: RunbookDatabase, at: Date): Promise<AppliedChangeSummary> {
    const { changes, tree } = this.changeSet();
    const summary = await applyChangeSet(db, changes, at);
    this.synced = tree;
    return summary;
  }
}

let db: RunbookDatabase;
let repo: UpstreamRepo;

async function stepKeysOf(path: string): Promise<string[]> {
  const meta = await db.runbooks.get([SOURCE, path]);
  const body = await db.bodies.get([SOURCE, path]);
  if (!meta || !body) throw new Error(`${path} is not readable from the cache`);
  return listChecklistSteps(body.markdown, meta.headings, body.bodyLine, 'all-numbered').map((s) => s.key);
}

/** What the library and search list: the search index built from the cache. */
async function searchablePaths(): Promise<string[]> {
  const { state } = await refreshSearchIndex(db, undefined);
  return state.index.runbooks.map((r) => r.path).sort();
}

const withoutIdAndPath = ({ id: _id, path: _path, ...rest }: Bookmark) => rest;

beforeEach(async () => {
  db = openTestDatabase();
  await db.sources.put(gitSource(SOURCE));
  repo = new UpstreamRepo();
  repo.files.set(FAILOVER, failoverText);
  repo.files.set(RESTART, restartText);
  repo.files.set(DNS, dnsText);
  await repo.sync(db, T1);

  // The user's data: the runbook and one of its sections bookmarked (the section pinned), another runbook
  // bookmarked under their own name, two failover steps ticked, both runbooks opened.
  await toggleBookmark(db, { sourceId: SOURCE, path: FAILOVER, label: 'Database failover' }, T1);
  await toggleBookmark(db, { sourceId: SOURCE, path: FAILOVER, anchor: ANCHOR, label: 'Failover › Promote the replica' }, T1);
  await toggleBookmark(db, { sourceId: SOURCE, path: RESTART, label: 'Restart the API' }, T1);
  await setBookmarkPinned(db, bookmarkId(SOURCE, FAILOVER, ANCHOR), true);
  await renameBookmark(db, bookmarkId(SOURCE, RESTART), 'API restart (prod)');
  const keys = await stepKeysOf(FAILOVER);
  await setStepDone(db, SOURCE, FAILOVER, keys[0]!, true, T1);
  await setStepDone(db, SOURCE, FAILOVER, keys[1]!, true, T1);
  await recordOpened(db, { sourceId: SOURCE, path: FAILOVER, title: 'Database failover' }, T1);
  await recordOpened(db, { sourceId: SOURCE, path: RESTART, title: 'Restart the API' }, new Date(T1.getTime() + 1000));
});

afterEach(async () => {
  await db.delete();
});

describe('an upstream rename (same content, new path)', () => {
  it('moves both bookmarks to the new path, keeping labels, pin and order, with no duplicates', async () => {
    const before = await listBookmarks(db);
    const summary = await repo.sync(db, T2);
    expect(summary).toMatchObject({ renamed: 0 }); // nothing moved yet: this sync changes nothing
    repo.move(FAILOVER, MOVED);
    expect(await repo.sync(db, T3)).toMatchObject({ renamed: 1, added: 0, removed: 0 });

    const after = await listBookmarks(db);
    expect(after).toHaveLength(before.length);
    expect(after.map((b) => b.id)).toEqual([bookmarkId(SOURCE, MOVED, ANCHOR), bookmarkId(SOURCE, MOVED), bookmarkId(SOURCE, RESTART)]);
    expect(after.map(withoutIdAndPath)).toEqual(before.map(withoutIdAndPath));
    expect(after.map((b) => b.path)).toEqual([MOVED, MOVED, RESTART]);
    expect(await db.bookmarks.where('[sourceId+path]').equals([SOURCE, FAILOVER]).count()).toBe(0);

    // The bookmark leads to a readable runbook at the new path, and the control on that page shows it bookmarked.
    expect(await db.runbooks.get([SOURCE, MOVED])).toMatchObject({ title: 'Database failover' });
    expect((await db.bodies.get([SOURCE, MOVED]))?.markdown).toContain('Promote the replica.');
    expect(await db.runbooks.get([SOURCE, FAILOVER])).toBeUndefined();
    expect(await isBookmarked(db, SOURCE, MOVED)).toBe(true);
  });

  it('carries checklist progress and the history entry along', async () => {
    const ticked = await readChecklist(db, SOURCE, FAILOVER);
    repo.move(FAILOVER, MOVED);
    await repo.sync(db, T2);

    expect(await readChecklist(db, SOURCE, FAILOVER)).toEqual(new Set());
    const done = await readChecklist(db, SOURCE, MOVED);
    expect(done).toEqual(ticked);
    expect(countDone(await stepKeysOf(MOVED), done)).toBe(2);

    const recent = await recentlyOpened(db);
    expect(recent.map((e) => e.path)).toEqual([RESTART, MOVED]);
    expect(recent[1]).toMatchObject({ title: 'Database failover', openedAt: T1.toISOString() });
  });

  it('does not follow a move that also changed the content: the old copy stays for the bookmark', async () => {
    repo.files.set(MOVED, failoverText.replace('3. Point the app', '3. Point the application'));
    repo.files.delete(FAILOVER);
    expect(await repo.sync(db, T2)).toMatchObject({ renamed: 0, added: 1, removed: 1 });
    expect(await db.runbooks.get([SOURCE, FAILOVER])).toMatchObject({ removedFromSource: T2.toISOString() });
    expect((await listBookmarks(db)).map((b) => b.path)).toEqual([FAILOVER, FAILOVER, RESTART]);
    expect(await db.runbooks.get([SOURCE, MOVED])).toMatchObject({ changeMark: 'added' });
  });
});

describe('an upstream rename and "What changed"', () => {
  it('moves the copy kept for "What changed" to the new path', async () => {
    const version = { oid: 'oid-read', commit: 'c-read', cachedAt: T1.toISOString(), markdown: 'Read before.\n' };
    await recordRead(db, SOURCE, FAILOVER, version);
    repo.move(FAILOVER, MOVED);
    await repo.sync(db, T2);
    expect(await readReadCopy(db, SOURCE, FAILOVER)).toBeUndefined();
    expect((await readReadCopy(db, SOURCE, MOVED))?.current).toEqual(version);
  });
});

describe('an upstream delete', () => {
  it('keeps the bookmarks and the last synced copy, readable and marked as removed from source', async () => {
    const bookmarksBefore = await listBookmarks(db);
    const rowBefore = await db.runbooks.get([SOURCE, FAILOVER]);
    const bodyBefore = await db.bodies.get([SOURCE, FAILOVER]);
    const progressBefore = await db.checklists.toArray();
    const historyBefore = await db.history.toArray();

    repo.files.delete(FAILOVER);
    expect(await repo.sync(db, T2)).toMatchObject({ removed: 1 });

    expect(await listBookmarks(db)).toEqual(bookmarksBefore);
    expect(await db.runbooks.get([SOURCE, FAILOVER])).toEqual({ ...rowBefore, removedFromSource: T2.toISOString() });
    expect(await db.bodies.get([SOURCE, FAILOVER])).toEqual(bodyBefore);
    expect(await db.checklists.toArray()).toEqual(progressBefore);
    expect(await db.history.toArray()).toEqual(historyBefore);
    // The step checklist still works on the kept copy.
    expect(countDone(await stepKeysOf(FAILOVER), await readChecklist(db, SOURCE, FAILOVER))).toBe(2);
  });

  it('leaves the kept copy out of the library and search, unlike runbooks still in the source', async () => {
    expect(await searchablePaths()).toEqual([FAILOVER, DNS, RESTART].sort());
    repo.files.delete(FAILOVER);
    await repo.sync(db, T2);
    expect(await searchablePaths()).toEqual([DNS, RESTART].sort());
    const removedFromSource = (await db.runbooks.toArray()).filter((r) => r.removedFromSource).map((r) => r.path);
    expect(removedFromSource).toEqual([FAILOVER]);
  });

  it('really deletes a runbook nobody bookmarked', async () => {
    repo.files.delete(DNS);
    expect(await repo.sync(db, T2)).toMatchObject({ removed: 1 });
    expect(await db.runbooks.get([SOURCE, DNS])).toBeUndefined();
    expect(await db.bodies.get([SOURCE, DNS])).toBeUndefined();
  });

  it('keeps a runbook of which only a section is bookmarked', async () => {
    await toggleBookmark(db, { sourceId: SOURCE, path: DNS, anchor: 'who-to-call', label: 'DNS › Who to call' });
    repo.files.delete(DNS);
    await repo.sync(db, T2);
    expect(await db.runbooks.get([SOURCE, DNS])).toMatchObject({ removedFromSource: T2.toISOString() });
    expect((await db.bodies.get([SOURCE, DNS]))?.markdown).toContain('The network team.');
  });

  it('keeps the copy and the time of its removal through later syncs', async () => {
    repo.files.delete(FAILOVER);
    await repo.sync(db, T2);
    repo.files.set('net/proxy.md', '# Proxy\n');
    await repo.sync(db, T3);
    expect(await db.runbooks.get([SOURCE, FAILOVER])).toMatchObject({ removedFromSource: T2.toISOString() });
  });

  it('keeps the copy when the bookmark is made on an updated runbook (no stale "updated" mark on it)', async () => {
    repo.files.set(FAILOVER, `${failoverText}\n## Afterwards\n\nWrite the report.\n`);
    await repo.sync(db, T2);
    expect(await db.runbooks.get([SOURCE, FAILOVER])).toMatchObject({ changeMark: 'updated' });
    repo.files.delete(FAILOVER);
    await repo.sync(db, T3);
    const kept = await db.runbooks.get([SOURCE, FAILOVER]);
    expect(kept).toMatchObject({ removedFromSource: T3.toISOString() });
    expect(kept?.changeMark).toBeUndefined();
    expect((await db.bodies.get([SOURCE, FAILOVER]))?.markdown).toContain('Write the report.');
  });
});

describe('a runbook added back upstream', () => {
  it.each([
    ['with the same content', failoverText],
    ['with new content', failoverText.replace('## Verify', '## Verify the failover')],
  ])('is a normal runbook again %s: the mark is cleared and the bookmarks work', async (_name, text) => {
    const bookmarksBefore = await listBookmarks(db);
    repo.files.delete(FAILOVER);
    await repo.sync(db, T2);
    repo.files.set(FAILOVER, text);
    expect(await repo.sync(db, T3)).toMatchObject({ added: 1, updated: 0, removed: 0 });

    const row = await db.runbooks.get([SOURCE, FAILOVER]);
    expect(row?.removedFromSource).toBeUndefined();
    expect(row).toMatchObject({ changeMark: 'added', cachedAt: T3.toISOString() });
    expect((await db.bodies.get([SOURCE, FAILOVER]))?.markdown).toBe(text.slice(text.indexOf('# Database failover')));
    expect(await listBookmarks(db)).toEqual(bookmarksBefore);
    expect(await searchablePaths()).toContain(FAILOVER);
    // Ticked steps that are unchanged in the returned version still count.
    expect(countDone(await stepKeysOf(FAILOVER), await readChecklist(db, SOURCE, FAILOVER))).toBe(2);
  });
});

describe('a sync that fails mid-way', () => {
  it('changes no user row (nor anything else), and the next good sync still carries the user data along', async () => {
    repo.move(FAILOVER, MOVED);
    repo.files.delete(RESTART);
    const { changes } = repo.changeSet();
    // A row IndexedDB cannot store, written after the rename and the removal were applied.
    const bad = ingestRunbook(SOURCE, { path: 'ops/bad.md', bytes: encode('# Bad\n') });
    if (bad.kind === 'runbook') bad.meta.extra = { callback: () => 'not cloneable' };
    changes.upserts.push(bad);

    const before = await dumpDatabase(db);
    await expect(applyChangeSet(db, changes, T2)).rejects.toThrow();
    expect(await dumpDatabase(db)).toEqual(before);

    await repo.sync(db, T3);
    expect((await listBookmarks(db)).map((b) => b.path)).toEqual([MOVED, MOVED, RESTART]);
    expect(await readChecklist(db, SOURCE, MOVED)).toEqual(new Set((await stepKeysOf(MOVED)).slice(0, 2)));
    expect(await db.runbooks.get([SOURCE, RESTART])).toMatchObject({ removedFromSource: T3.toISOString() });
  });
});

describe('bundled runbooks across app updates (seedBundledSource)', () => {
  const shipped = (files: Record<string, string>): BundledFile[] =>
    Object.entries(files).map(([path, text]) => ({ path, bytes: encode(text) }));
  const bundledIds = async () => (await listBookmarks(db)).filter((b) => b.sourceId === BUNDLED_SOURCE_ID).map((b) => b.id);

  it('follows a renamed file, keeps a removed one for its bookmark, and clears the mark when it ships again', async () => {
    await seedBundledSource(db, snapshotBundledFiles(shipped({ 'failover.md': failoverText, 'dns.md': dnsText })));
    await toggleBookmark(db, { sourceId: BUNDLED_SOURCE_ID, path: 'failover.md', anchor: ANCHOR, label: 'Promote' });
    await toggleBookmark(db, { sourceId: BUNDLED_SOURCE_ID, path: 'dns.md', label: 'DNS' });

    // Update 1: failover.md moves, dns.md is dropped.
    await seedBundledSource(db, snapshotBundledFiles(shipped({ 'database/failover.md': failoverText })));
    expect(await bundledIds()).toEqual([
      bookmarkId(BUNDLED_SOURCE_ID, 'database/failover.md', ANCHOR),
      bookmarkId(BUNDLED_SOURCE_ID, 'dns.md'),
    ]);
    expect(await db.runbooks.get([BUNDLED_SOURCE_ID, 'dns.md'])).toMatchObject({ removedFromSource: expect.any(String) });
    const removedAt = (await db.runbooks.get([BUNDLED_SOURCE_ID, 'dns.md']))!.removedFromSource;

    // Update 2: still without dns.md; the kept copy and its removal time are left alone.
    await seedBundledSource(db, snapshotBundledFiles(shipped({ 'database/failover.md': failoverText, 'new.md': '# New\n' })));
    expect(await db.runbooks.get([BUNDLED_SOURCE_ID, 'dns.md'])).toMatchObject({ removedFromSource: removedAt });

    // Update 3: dns.md ships again, byte for byte as before.
    await seedBundledSource(
      db,
      snapshotBundledFiles(shipped({ 'database/failover.md': failoverText, 'new.md': '# New\n', 'dns.md': dnsText })),
    );
    const back = await db.runbooks.get([BUNDLED_SOURCE_ID, 'dns.md']);
    expect(back).toBeDefined();
    expect(back?.removedFromSource).toBeUndefined();
    expect(await bundledIds()).toHaveLength(2);
  });
});

describe('followRename and isBookmarked', () => {
  it('merges into bookmarks and progress already at the new path instead of duplicating them', async () => {
    await toggleBookmark(db, { sourceId: SOURCE, path: MOVED, label: 'Already here' });
    await setStepDone(db, SOURCE, MOVED, 'verify/check the error rate.', true);
    await db.transaction('rw', [db.bookmarks, db.checklists, db.history, db.readCopies], () => followRename(db, SOURCE, FAILOVER, MOVED));

    const atNewPath = await db.bookmarks.where('[sourceId+path]').equals([SOURCE, MOVED]).toArray();
    expect(atNewPath.map((b) => [b.anchor, b.label]).sort()).toEqual([
      [undefined, 'Already here'],
      [ANCHOR, 'Failover › Promote the replica'],
    ]);
    expect(await db.bookmarks.where('[sourceId+path]').equals([SOURCE, FAILOVER]).count()).toBe(0);
    expect(await readChecklist(db, SOURCE, MOVED)).toEqual(new Set(['verify/check the error rate.']));
    expect(await db.checklists.get([SOURCE, FAILOVER])).toBeUndefined();
  });

  it('tells a bookmarked runbook (whole or one section) from one that is not, per source', async () => {
    expect(await isBookmarked(db, SOURCE, FAILOVER)).toBe(true);
    expect(await isBookmarked(db, SOURCE, DNS)).toBe(false);
    expect(await isBookmarked(db, 'other-source', FAILOVER)).toBe(false);
    await toggleBookmark(db, { sourceId: SOURCE, path: FAILOVER, label: 'x' }); // remove the whole-runbook bookmark
    expect(await isBookmarked(db, SOURCE, FAILOVER)).toBe(true); // the section bookmark remains
  });
});
