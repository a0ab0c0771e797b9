import { describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../core/cache/applyChangeSet';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { diffSnapshots } from '../../../core/changes/diffSnapshots';
import type { IngestResult } from '../../../core/model';
import { fileIndexFromCache } from '../../../core/sync/fileIndexFromCache';
import { TINY_PNG } from '../../helpers/makeRunbookRepo';
import { bookmarkOf, gitSource, ingested, ingestedNotUtf8, openTestDatabase } from '../cache/testDatabase';

const KEPT_TEXT = '# Kept for its bookmark\n\nStep one.\n';

function oidOf(result: IngestResult): string {
  return result.kind === 'runbook' ? result.meta.oid : result.skipped.oid;
}

/**
 * A cache after two syncs of source `team`: a runbook, a skipped file and an image in the source, plus
 * `gone.md`, removed upstream in the second sync but kept (marked `removedFromSource`) for its bookmark.
 * Source `other` holds a runbook at the same path, which no index of `team` may see.
 */
async function cacheWithKeptRunbook(): Promise<{ db: RunbookDatabase; gone: IngestResult }> {
  const db = openTestDatabase();
  await db.sources.bulkPut([gitSource('team'), gitSource('other')]);
  const gone = ingested('team', 'gone.md', KEPT_TEXT);
  await applyChangeSet(db, {
    sourceId: 'team',
    version: 'c1'.padEnd(40, '0'),
    upserts: [ingested('team', 'a.md', '# A\n'), gone, ingestedNotUtf8('team', 'latin1.md')],
    removed: [],
    renamed: [],
    assets: [{ path: 'img/map.png', oid: 'e'.repeat(40), mime: 'image/png', bytes: TINY_PNG }],
  });
  await applyChangeSet(db, {
    sourceId: 'other',
    version: 'o1'.padEnd(40, '0'),
    upserts: [ingested('other', 'gone.md', KEPT_TEXT)],
    removed: [],
    renamed: [],
  });
  await db.bookmarks.put(bookmarkOf('team', 'gone.md'));
  await applyChangeSet(db, { sourceId: 'team', version: 'c2'.padEnd(40, '0'), upserts: [], removed: ['gone.md'], renamed: [] });
  return { db, gone };
}

describe('fileIndexFromCache', () => {
  it('leaves out a runbook kept only for a bookmark after it left the source', async () => {
    const { db } = await cacheWithKeptRunbook();
    expect((await db.runbooks.get(['team', 'gone.md']))?.removedFromSource).toBeDefined();

    const index = fileIndexFromCache(db, 'team');
    expect(await index.count()).toBe(3);
    expect([...(await index.lookup(['a.md', 'gone.md', 'latin1.md', 'img/map.png', 'missing.md'])).keys()].sort()).toEqual([
      'a.md',
      'img/map.png',
      'latin1.md',
    ]);
    expect([...(await index.all()).keys()].sort()).toEqual(['a.md', 'img/map.png', 'latin1.md']);
  });

  it('so a file that comes back with the same bytes is new to the sync, not unchanged', async () => {
    const { db, gone } = await cacheWithKeptRunbook();
    const index = fileIndexFromCache(db, 'team');
    const back = [{ path: 'gone.md', oid: oidOf(gone) }];

    // Both ways the engine compares: the touched paths looked up, or the whole cache listed.
    for (const previous of [await index.lookup(['gone.md']), await index.all()]) {
      const diff = diffSnapshots(previous, back);
      expect(diff.added).toEqual(back);
      expect(diff.unchanged).toBe(0);
    }
  });

  it('still sees the runbook once it is back in the source', async () => {
    const { db, gone } = await cacheWithKeptRunbook();
    await applyChangeSet(db, { sourceId: 'team', version: 'c3'.padEnd(40, '0'), upserts: [gone], removed: [], renamed: [] });
    const index = fileIndexFromCache(db, 'team');
    expect(await index.count()).toBe(4);
    expect(await index.lookup(['gone.md'])).toEqual(new Map([['gone.md', oidOf(gone)]]));
    expect((await index.all()).get('gone.md')).toBe(oidOf(gone));
  });
});
