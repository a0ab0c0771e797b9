import { describe, expect, it, vi } from 'vitest';
import { applyChangeSet } from '../../../core/cache/applyChangeSet';
import type { DeleteSyncStoreResult } from '../../../core/desktop/ipcContract';
import { removeGitSource, type SourceRemovalParts } from '../../../renderer/sources/removeGitSource';
import { bookmarkOf, gitSource, ingested, openTestDatabase } from '../../core/cache/testDatabase';

/** A cache holding two synced Git sources, a bookmark into the one to remove, and every step recorded. */
async function setUp(storeResult: DeleteSyncStoreResult = { deleted: true }) {
  const db = openTestDatabase();
  await db.sources.bulkPut([gitSource('team'), gitSource('other')]);
  for (const sourceId of ['team', 'other']) {
    await applyChangeSet(db, {
      sourceId,
      version: 'a'.repeat(40),
      upserts: [ingested(sourceId, 'db.md', '# Database failover\n')],
      removed: [],
      renamed: [],
    });
  }
  await db.bookmarks.put(bookmarkOf('team', 'db.md', { label: 'Failover' }));
  const steps: string[] = [];
  const parts: SourceRemovalParts = {
    db,
    forgetToken: vi.fn(async (id: string) => {
      steps.push(`token ${id}`);
    }),
    notifyRemoved: vi.fn((id: string) => {
      steps.push(`search ${id}`);
    }),
    deleteObjectStore: vi.fn(async (id: string) => {
      // What the store deletion finds in the cache when it runs.
      steps.push(`store ${id} (cached source: ${(await db.sources.get(id)) ? 'yes' : 'no'})`);
      return storeResult;
    }),
  };
  return { db, parts, steps };
}

describe('removeGitSource', () => {
  it('forgets the token, the cached runbooks and the object store; bookmarks and other sources stay', async () => {
    const { db, parts, steps } = await setUp();
    expect(await removeGitSource('team', parts)).toEqual({ deleted: true });
    expect(steps).toEqual(['token team', 'search team', 'store team (cached source: no)']);
    expect(await db.sources.get('team')).toBeUndefined();
    expect(await db.runbooks.where('sourceId').equals('team').count()).toBe(0);
    expect(await db.bodies.where('sourceId').equals('team').count()).toBe(0);
    expect(await db.bookmarks.get('team|db.md#')).toMatchObject({ label: 'Failover' });
    expect(await db.runbooks.get(['other', 'db.md'])).toBeDefined();
    expect(await db.sources.get('other')).toBeDefined();
  });

  it('a store that could not be deleted is reported, and the source is still removed', async () => {
    const failed = { deleted: false, reason: 'The source’s downloaded Git data could not be deleted (EBUSY).' };
    const { db, parts } = await setUp(failed);
    expect(await removeGitSource('team', parts)).toEqual(failed);
    expect(await db.sources.get('team')).toBeUndefined();
  });
});
