import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyChangeSet } from '../../../core/cache/applyChangeSet';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { readStoredSearchIndex } from '../../../core/search/searchIndexStore';
import { searchRunbooks } from '../../../core/search/searchRunbooks';
import { SearchService, type SearchServiceStatus } from '../../../core/search/searchService';
import { gitSource, ingested, openTestDatabase } from '../cache/testDatabase';

// Watched, not replaced: every query still runs the real engine.
vi.mock('../../../core/search/searchRunbooks', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../core/search/searchRunbooks')>();
  return { ...real, searchRunbooks: vi.fn(real.searchRunbooks) };
});

const SOURCE = 'team';
let db: RunbookDatabase;

async function sync(version: string, files: [string, string][]) {
  const upserts = files.map(([path, text]) => ingested(SOURCE, path, text));
  await applyChangeSet(db, { sourceId: SOURCE, version, upserts, removed: [], renamed: [] });
}

beforeEach(async () => {
  db = openTestDatabase();
  await db.sources.put(gitSource(SOURCE));
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await db.delete();
});

describe('SearchService', () => {
  it('answers nothing before the index exists, then indexes the cache, persists it and answers', async () => {
    await sync('c1', [['ops/restart.md', '# Restart API\n\nRestart the api pods.\n']]);
    const statuses: SearchServiceStatus[] = [];
    const service = new SearchService(db, { onStatus: (s) => statuses.push(s) });
    expect(service.search('restart')).toMatchObject({ runbooks: [], empty: false });
    expect(service.search('  ')).toMatchObject({ runbooks: [], empty: true });
    await service.start();
    expect(statuses.map((s) => s.state)).toEqual(['indexing', 'ready']);
    expect(service.currentStatus()).toEqual({ state: 'ready', runbooks: 1 });
    expect(service.search('restart').runbooks.map((r) => r.title)).toEqual(['Restart API']);
    expect((await readStoredSearchIndex(db))?.sourceVersions).toEqual({ [SOURCE]: 'c1' });
    expect(service.facets().sources).toEqual([{ value: SOURCE, count: 1 }]);
  });

  it('starts from the stored index without re-indexing, and answers while catching up', async () => {
    await sync('c1', [['ops/restart.md', '# Restart API\n\nRestart the api pods.\n']]);
    await new SearchService(db).start();
    await sync('c2', [['db/failover.md', '# Failover\n\nPromote the replica.\n']]);

    const statuses: SearchServiceStatus[] = [];
    const second = new SearchService(db, { onStatus: (s) => statuses.push(s) });
    await second.start();
    // Ready from the stored index first (never "indexing"), then ready with the caught-up index.
    expect(statuses).toEqual([
      { state: 'ready', runbooks: 1 },
      { state: 'ready', runbooks: 2 },
    ]);
    expect(second.search('replica').runbooks.map((r) => r.title)).toEqual(['Failover']);
    // The catch-up is written a moment later, or when flushed.
    expect((await readStoredSearchIndex(db))?.sourceVersions).toEqual({ [SOURCE]: 'c1' });
    await second.flush();
    expect((await readStoredSearchIndex(db))?.sourceVersions).toEqual({ [SOURCE]: 'c2' });
  });

  it('writes an incremental update once after a burst of syncs', async () => {
    await sync('c1', [['ops/a.md', '# Alpha\n\nFirst.\n']]);
    // Only the save delay's timers are fake: fake-indexeddb schedules its own work with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const service = new SearchService(db, { saveDelayMs: 2000 });
    await service.start();
    const put = vi.spyOn(db.searchIndex, 'put');
    await sync('c2', [['ops/b.md', '# Beta\n\nSecond.\n']]);
    await service.refresh();
    await vi.advanceTimersByTimeAsync(1500);
    await sync('c3', [['ops/c.md', '# Gamma\n\nThird.\n']]);
    await service.refresh();
    await vi.advanceTimersByTimeAsync(1500);
    expect(put).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    await service.flush();
    expect(put).toHaveBeenCalledTimes(1);
    expect((await readStoredSearchIndex(db))?.sourceVersions).toEqual({ [SOURCE]: 'c3' });
  });

  it('does not rebuild from scratch when told of a change while still reading the stored index', async () => {
    await sync('c1', [['ops/a.md', '# Alpha\n\nFirst.\n']]);
    await new SearchService(db).start();
    await sync('c2', [['ops/b.md', '# Beta\n\nSecond.\n']]);
    const statuses: SearchServiceStatus[] = [];
    const service = new SearchService(db, { onStatus: (s) => statuses.push(s) });
    await Promise.all([service.start(), service.refresh()]);
    expect(statuses.map((s) => s.state)).not.toContain('indexing');
    expect(service.search('beta').runbooks.map((r) => r.title)).toEqual(['Beta']);
  });

  it('folds refresh requests made during a refresh into one more', async () => {
    await sync('c1', [['ops/a.md', '# Alpha\n\nFirst.\n']]);
    const service = new SearchService(db);
    await service.start();
    await sync('c2', [['ops/b.md', '# Beta\n\nSecond.\n']]);
    const first = service.refresh();
    await sync('c3', [['ops/c.md', '# Gamma\n\nThird.\n']]);
    const second = service.refresh();
    const third = service.refresh();
    await Promise.all([first, second, third]);
    expect(service.search('gamma').runbooks.map((r) => r.title)).toEqual(['Gamma']);
    expect(service.currentStatus().runbooks).toBe(3);
  });

  it('reports a failing cache and keeps answering from the index it has', async () => {
    await sync('c1', [['ops/a.md', '# Alpha\n\nFirst.\n']]);
    const statuses: SearchServiceStatus[] = [];
    const service = new SearchService(db, { onStatus: (s) => statuses.push(s) });
    await service.start();
    db.close();
    await service.refresh();
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', runbooks: 1, error: expect.any(String) });
    expect(service.search('alpha').runbooks).toHaveLength(1);
  });

  it('runs a query of its own as soon as the index is read and again once its text is, so the first keystroke finds the query path warm', async () => {
    await sync('c1', [['ops/restart.md', '# Restart API\n\nRestart the api pods.\n']]);
    await new SearchService(db).start();
    const queries = vi.mocked(searchRunbooks);
    const real = await vi.importActual<typeof import('../../../core/search/searchRunbooks')>('../../../core/search/searchRunbooks');
    // What each query found of the section text still in storage, when it ran.
    const textLeft: number[] = [];
    queries.mockClear();
    queries.mockImplementation((index, ...rest) => {
      const pending = index.sections.pendingText;
      textLeft.push(pending ? Array.from({ length: pending.chunkCount }, (_, c) => c).filter((c) => !pending.isFilled(c)).length : 0);
      return real.searchRunbooks(index, ...rest);
    });

    const service = new SearchService(db);
    await service.start();
    // The first ran on whatever text had arrived; the second on all of it.
    expect(textLeft).toHaveLength(2);
    expect(textLeft[1]).toBe(0);
    expect(service.search('restart').runbooks.map((r) => r.title)).toEqual(['Restart API']);
  });
});
