import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyChangeSet } from '../../../core/cache/applyChangeSet';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { buildSearchIndex } from '../../../core/search/buildSearchIndex';
import {
  readStoredSearchIndex,
  refreshSearchIndex,
  saveSearchIndex,
  SEARCH_INDEX_ROW,
  type SearchIndexState,
} from '../../../core/search/searchIndexStore';
import { searchRunbooks } from '../../../core/search/searchRunbooks';
import { gitSource, ingested, openTestDatabase } from '../cache/testDatabase';

const SOURCE = 'team';
let db: RunbookDatabase;

const restart = (text = 'Restart the api pods.') =>
  ingested(SOURCE, 'ops/restart.md', `---\ntitle: Restart API\n---\n# Restart API\n\n${text}\n`);
const failover = () => ingested(SOURCE, 'db/failover.md', '---\ntitle: Failover\n---\n# Failover\n\nPromote the replica.\n');
const dns = () => ingested(SOURCE, 'net/dns.md', '---\ntitle: DNS outage\n---\n# DNS outage\n\nFlush resolvers.\n');

async function sync(version: string, upserts = [restart(), failover()], removed: string[] = []) {
  await applyChangeSet(db, { sourceId: SOURCE, version, upserts, removed, renamed: [] });
}

const titles = (state: SearchIndexState, q: string) => searchRunbooks(state.index, q).runbooks.map((r) => r.title);

beforeEach(async () => {
  db = openTestDatabase();
  await db.sources.put(gitSource(SOURCE));
});

afterEach(async () => {
  await db.delete();
});

describe('search index persistence', () => {
  it('builds the index from the cache when there is none, in batches, and records the source versions', async () => {
    await sync('c1', [restart(), failover(), dns()]);
    let pauses = 0;
    const result = await refreshSearchIndex(db, undefined, { batchSize: 1, pause: async () => void pauses++ });
    expect(result.work).toBe('full');
    expect(result.added).toBe(3);
    expect(pauses).toBe(2);
    expect(result.state.sourceVersions).toEqual({ [SOURCE]: 'c1' });
    expect(titles(result.state, 'replica')).toEqual(['Failover']);
  });

  it('saves and loads the index without re-indexing, keeping the other tables intact', async () => {
    await sync('c1');
    const { state } = await refreshSearchIndex(db, undefined);
    await saveSearchIndex(db, state);
    const loaded = await readStoredSearchIndex(db);
    expect(loaded?.sourceVersions).toEqual({ [SOURCE]: 'c1' });
    expect(loaded?.index).toEqual(state.index);
    expect(await db.runbooks.count()).toBe(2);
  });

  it('does nothing when the cache is at the versions the index reflects', async () => {
    await sync('c1');
    const { state } = await refreshSearchIndex(db, undefined);
    const again = await refreshSearchIndex(db, state);
    expect(again.work).toBe('none');
    expect(again.state).toBe(state);
  });

  it('after a sync, indexes only the runbooks whose blob id changed and drops removed ones', async () => {
    await sync('c1', [restart(), failover(), dns()]);
    const { state } = await refreshSearchIndex(db, undefined);
    await sync('c2', [restart('Restart the api pods, then check ERR_CONNECTION_REFUSED.')], ['net/dns.md']);
    const result = await refreshSearchIndex(db, state);
    expect(result.work).toBe('incremental');
    expect(result.added).toBe(1);
    expect(result.removed).toBe(1);
    expect(result.state.sourceVersions).toEqual({ [SOURCE]: 'c2' });
    expect(titles(result.state, 'ERR_CONNECTION_REFUSED')).toEqual(['Restart API']);
    expect(titles(result.state, 'dns')).toEqual([]);
    // Same answers as indexing the cache from scratch.
    const fresh = await refreshSearchIndex(db, undefined);
    for (const q of ['restart', 'replica', 'ERR_CONNECTION_REFUSED', 'dns']) {
      expect(searchRunbooks(result.state.index, q)).toEqual(searchRunbooks(fresh.state.index, q));
    }
  });

  it('catches up on syncs that landed while the app was closed', async () => {
    await sync('c1');
    await saveSearchIndex(db, (await refreshSearchIndex(db, undefined)).state);
    await sync('c2', [dns()]);
    const stored = await readStoredSearchIndex(db);
    const result = await refreshSearchIndex(db, stored);
    expect(result.work).toBe('incremental');
    expect(result.added).toBe(1);
    expect(titles(result.state, 'resolvers')).toEqual(['DNS outage']);
  });

  it('drops the runbooks of a source that was removed', async () => {
    await sync('c1');
    const { state } = await refreshSearchIndex(db, undefined);
    await db.transaction('rw', [db.sources, db.runbooks, db.bodies], async () => {
      await db.sources.delete(SOURCE);
      await db.runbooks.where('sourceId').equals(SOURCE).delete();
      await db.bodies.where('sourceId').equals(SOURCE).delete();
    });
    const result = await refreshSearchIndex(db, state);
    expect(result.removed).toBe(2);
    expect(result.state.index.runbooks).toEqual([]);
  });

  it('does not search runbooks kept only for a bookmark after their source removed them', async () => {
    await sync('c1');
    const { state } = await refreshSearchIndex(db, undefined);
    await db.runbooks.update([SOURCE, 'db/failover.md'], { removedFromSource: '2026-03-01T00:00:00.000Z' });
    await db.sources.update(SOURCE, { version: 'c2' });
    const result = await refreshSearchIndex(db, state);
    expect(titles(result.state, 'replica')).toEqual([]);
  });

  it('builds afresh, in batches, when a sync changed most of the index (a first sync of a large source)', async () => {
    await sync('c1', [restart()]);
    const { state } = await refreshSearchIndex(db, undefined);
    await sync('c2', [failover(), dns(), ingested(SOURCE, 'ops/queue.md', '# Queue backlog\n\nDrain the queue.\n')]);
    const pause = vi.fn(() => Promise.resolve());
    const result = await refreshSearchIndex(db, state, { batchSize: 2, pause });
    // 'full' is what the service saves at once: the next start does not index the same runbooks again.
    expect(result.work).toBe('full');
    expect(pause).toHaveBeenCalledTimes(1);
    expect(titles(result.state, 'queue')).toEqual(['Queue backlog']);
    expect(result.state.index.runbooks).toHaveLength(4);
  });

  it('merges a larger sync in batches with pauses between them, ranking as a fresh build would', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ingested(SOURCE, `ops/r${i}.md`, `# Runbook ${i}\n\nRestart service ${i}.\n`));
    await sync('c1', many);
    const { state } = await refreshSearchIndex(db, undefined);
    await sync('c2', [restart('Rolling restart of the pods.'), failover(), dns()], ['ops/r7.md']);
    const pause = vi.fn(() => Promise.resolve());
    const result = await refreshSearchIndex(db, state, { batchSize: 1, pause });
    expect(result).toMatchObject({ work: 'incremental', added: 3, removed: 1 });
    expect(pause).toHaveBeenCalledTimes(2);
    const fresh = await refreshSearchIndex(db, undefined);
    for (const q of ['restart', 'replica', 'resolvers', 'runbook 7', 'rolling']) {
      expect(searchRunbooks(result.state.index, q)).toEqual(searchRunbooks(fresh.state.index, q));
    }
  });

  it('reads only the changed runbooks in full to find what a sync changed', async () => {
    await sync('c1', [restart(), failover(), dns()]);
    const { state } = await refreshSearchIndex(db, undefined);
    await sync('c2', [restart('Restart the api pods twice.'), failover(), dns()]);
    const readRunbooks = vi.spyOn(db.runbooks, 'bulkGet');
    const scanned = vi.spyOn(db.runbooks, 'where');
    const result = await refreshSearchIndex(db, state);
    expect(result.added).toBe(1);
    expect(readRunbooks.mock.calls).toEqual([[[[SOURCE, 'ops/restart.md']]]]);
    expect(scanned).not.toHaveBeenCalled();
  });

  it('treats a missing or corrupt stored index as none, so it gets rebuilt', async () => {
    expect(await readStoredSearchIndex(db)).toBeUndefined();
    await db.searchIndex.put({
      id: SEARCH_INDEX_ROW,
      sourceVersions: { [SOURCE]: 'c1' },
      savedAt: 'x',
      index: { format: 1, terms: 42 } as never,
    });
    expect(await readStoredSearchIndex(db)).toBeUndefined();
    await db.searchIndex.put({ id: SEARCH_INDEX_ROW, sourceVersions: null as never, savedAt: 'x', index: {} as never });
    expect(await readStoredSearchIndex(db)).toBeUndefined();
  });

  it('stores an empty index too', async () => {
    await saveSearchIndex(db, { index: buildSearchIndex([]), sourceVersions: {} });
    expect((await readStoredSearchIndex(db))?.index.runbooks).toEqual([]);
  });
});
