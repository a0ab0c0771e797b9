import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME, RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { bookmarkOf, ingested, openTestDatabase } from './testDatabase';

const open: RunbookDatabase[] = [];
const track = (db: RunbookDatabase) => (open.push(db), db);

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

async function cacheRunbook(db: RunbookDatabase, sourceId: string, path: string, text: string) {
  const result = ingested(sourceId, path, text);
  if (result.kind !== 'runbook') throw new Error('expected a runbook');
  await db.runbooks.put({ ...result.meta, cachedAt: '2026-01-01T00:00:00.000Z' });
  await db.bodies.put(result.body);
  return result;
}

describe('RunbookDatabase', () => {
  it('uses the app database name by default', () => {
    expect(new RunbookDatabase(undefined, { indexedDB, IDBKeyRange }).name).toBe(DATABASE_NAME);
  });

  it('has separate tables for source content and for user data', async () => {
    const db = track(openTestDatabase());
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'assets',
        'bodies',
        'bookmarks',
        'checklists',
        'contactLists',
        'history',
        'incidentEvents',
        'incidents',
        'library',
        'readCopies',
        'runbooks',
        'searchIndex',
        'settings',
        'skipped',
        'sources',
        'syncHistory',
      ].sort(),
    );
  });

  it('keys runbooks by source and path, so two sources may hold the same path', async () => {
    const db = track(openTestDatabase());
    await cacheRunbook(db, 'a', 'ops/restart.md', '# From A\n');
    await cacheRunbook(db, 'b', 'ops/restart.md', '# From B\n');
    expect((await db.runbooks.get(['a', 'ops/restart.md']))?.title).toBe('From A');
    expect((await db.runbooks.get(['b', 'ops/restart.md']))?.title).toBe('From B');
    expect(await db.runbooks.where('sourceId').equals('a').count()).toBe(1);
    expect((await db.bodies.get(['b', 'ops/restart.md']))?.markdown).toBe('# From B\n');
  });

  it('finds runbooks by blob id', async () => {
    const db = track(openTestDatabase());
    const { meta } = await cacheRunbook(db, 'a', 'x.md', '# Same content\n');
    await cacheRunbook(db, 'b', 'y.md', '# Same content\n');
    expect((await db.runbooks.where('oid').equals(meta.oid).toArray()).map((r) => r.path).sort()).toEqual(['x.md', 'y.md']);
  });

  it('numbers history entries itself and finds user rows by runbook', async () => {
    const db = track(openTestDatabase());
    const first = await db.history.add({ sourceId: 'a', path: 'x.md', title: 'X', openedAt: '2026-01-01T00:00:00Z' });
    const second = await db.history.add({ sourceId: 'a', path: 'x.md', title: 'X', openedAt: '2026-01-02T00:00:00Z' });
    expect(second).toBeGreaterThan(first);
    await db.bookmarks.put(bookmarkOf('a', 'x.md'));
    expect(await db.bookmarks.where('[sourceId+path]').equals(['a', 'x.md']).count()).toBe(1);
    expect(await db.history.where('[sourceId+path]').equals(['a', 'x.md']).count()).toBe(2);
  });

  it('keeps everything across a restart (closing and reopening the same database)', async () => {
    const first = openTestDatabase();
    await cacheRunbook(first, 'a', 'x.md', '# Kept\n');
    await first.settings.put({ key: 'theme', value: 'dark' });
    first.close();

    const again = track(new RunbookDatabase(first.name, { indexedDB, IDBKeyRange }));
    expect((await again.runbooks.get(['a', 'x.md']))?.title).toBe('Kept');
    expect(await again.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
  });
});
