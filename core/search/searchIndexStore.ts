import type { CachedRunbook, RunbookDatabase, RunbookKey, StoredSearchIndex } from '../cache/runbookDatabase';
import type { RunbookBody } from '../model';
import { SearchIndexBuilder, type RunbookToIndex } from './buildSearchIndex';
import { runbookKeyOf, type SearchIndex } from './searchIndexData';
import { loadSearchIndex, serializeSearchIndex } from './serializeSearchIndex';
import { updateSearchIndex } from './updateSearchIndex';

/** A timeline mark `rr-search:<name>` (bench/browser.ts reads them from the worker to split the first search). */
export function markSearch(name: string): void {
  globalThis.performance?.mark?.(`rr-search:${name}`);
}

/** Key of the one row of the `searchIndex` table that holds the runbook index. */
export const SEARCH_INDEX_ROW = 'runbooks';

export type { StoredSearchIndex };

export interface SearchIndexState {
  index: SearchIndex;
  sourceVersions: Record<string, string>;
}

export interface RefreshOptions {
  /** Called between batches, so a worker can answer queries meanwhile. */
  pause?: () => Promise<void>;
  /** Runbooks read and indexed per batch (default 25 for a full build, 100 per merge of an incremental update). */
  batchSize?: number;
}

export interface RefreshResult {
  state: SearchIndexState;
  /** What was done: nothing, a few runbooks replaced, or everything indexed. */
  work: 'none' | 'incremental' | 'full';
  added: number;
  removed: number;
}

/** The stored index, or `undefined` when there is none or it cannot be read (it is then rebuilt). */
export async function readStoredSearchIndex(db: RunbookDatabase): Promise<SearchIndexState | undefined> {
  try {
    const row = await db.searchIndex.get(SEARCH_INDEX_ROW);
    markSearch('index-read');
    if (!row || typeof row.sourceVersions !== 'object' || row.sourceVersions === null) return undefined;
    const index = loadSearchIndex(row.index);
    markSearch('index-loaded');
    return { index, sourceVersions: { ...row.sourceVersions } };
  } catch {
    return undefined;
  }
}

export async function saveSearchIndex(db: RunbookDatabase, state: SearchIndexState, now = new Date()): Promise<void> {
  await db.searchIndex.put({
    id: SEARCH_INDEX_ROW,
    sourceVersions: state.sourceVersions,
    savedAt: now.toISOString(),
    index: serializeSearchIndex(state.index),
  });
}

/** Source id → cached version, for every source the cache knows. */
export async function cachedSourceVersions(db: RunbookDatabase): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  for (const source of await db.sources.toArray()) versions[source.id] = source.version ?? '';
  return versions;
}

/**
 * Brings an index in line with the cache. When every source is at the version the index reflects, nothing is
 * read. Otherwise only the sources that moved are compared runbook by runbook (by blob id) and only the
 * runbooks whose blob id differs are read and indexed. Without an index, everything is indexed in batches.
 */
export async function refreshSearchIndex(
  db: RunbookDatabase,
  current: SearchIndexState | undefined,
  options: RefreshOptions = {},
): Promise<RefreshResult> {
  // Read first: a sync landing while we work leaves the versions different, so the next refresh looks again.
  const versions = await cachedSourceVersions(db);
  if (!current) return buildFromCache(db, versions, options);
  const moved = new Set<string>();
  for (const id of new Set([...Object.keys(versions), ...Object.keys(current.sourceVersions)])) {
    if (versions[id] !== current.sourceVersions[id]) moved.add(id);
  }
  if (moved.size === 0) return { state: current, work: 'none', added: 0, removed: 0 };

  const { upserts, removed } = await db.transaction('r', [db.runbooks, db.bodies, db.library], async () => {
    const indexedOids = new Map<string, string>();
    for (const r of current.index.runbooks) if (moved.has(r.sourceId)) indexedOids.set(runbookKeyOf(r), r.oid);
    // Blob ids come from the `oid` index and bookmark-only copies from the light library table, so finding
    // what changed reads no runbook record; only the changed ones are read in full.
    const keptOnlyForBookmark = new Set<string>();
    for (const sourceId of moved) {
      if (!(sourceId in versions)) continue;
      await db.library
        .where('sourceId')
        .equals(sourceId)
        .each((entry) => {
          if (entry.removedFromSource) keptOnlyForBookmark.add(runbookKeyOf(entry));
        });
    }
    const changedKeys: RunbookKey[] = [];
    const stillThere = new Set<string>();
    await db.runbooks.orderBy('oid').eachKey((oid, cursor) => {
      const [sourceId, path] = cursor.primaryKey;
      if (!moved.has(sourceId) || !(sourceId in versions)) return;
      const key = runbookKeyOf({ sourceId, path });
      if (keptOnlyForBookmark.has(key)) return;
      stillThere.add(key);
      if (indexedOids.get(key) !== oid) changedKeys.push([sourceId, path]);
    });
    const changedRecords = (await db.runbooks.bulkGet(changedKeys)).filter((r): r is CachedRunbook => r !== undefined);
    const bodies = await db.bodies.bulkGet(changedRecords.map((r) => [r.sourceId, r.path]));
    return {
      upserts: pairWithBodies(changedRecords, bodies),
      removed: [...indexedOids.keys()].filter((key) => !stillThere.has(key)).map(keyToRunbook),
    };
  });
  const batchSize = options.batchSize ?? 100;
  const runbooksAfter = Math.max(current.index.runbooks.length - removed.length, upserts.length);
  // Most of the index changed (a first sync of a large source): one batched build costs less than merging,
  // and it is saved at once, so the next start does not index the same runbooks again.
  if (upserts.length > batchSize && upserts.length * 2 > runbooksAfter) return buildFromCache(db, versions, options);
  let index = current.index;
  // One merge per batch, with a pause between, so queries are answered while a large sync is indexed.
  for (let i = 0; i === 0 || i < upserts.length; i += batchSize) {
    const batch = { upserts: upserts.slice(i, i + batchSize), removed: i === 0 ? removed : [] };
    if (batch.upserts.length + batch.removed.length > 0) index = updateSearchIndex(index, batch);
    if (options.pause && i + batchSize < upserts.length) await options.pause();
  }
  return { state: { index, sourceVersions: versions }, work: 'incremental', added: upserts.length, removed: removed.length };
}

async function buildFromCache(db: RunbookDatabase, versions: Record<string, string>, options: RefreshOptions): Promise<RefreshResult> {
  const builder = new SearchIndexBuilder();
  const keys = (await db.runbooks.toCollection().primaryKeys()) as [string, string][];
  // Small batches: a query waits for at most one batch of tokenizing (about 25 runbooks) before it is answered.
  const batchSize = options.batchSize ?? 25;
  for (let i = 0; i < keys.length; i += batchSize) {
    const batch = keys.slice(i, i + batchSize);
    const [records, bodies] = await Promise.all([db.runbooks.bulkGet(batch), db.bodies.bulkGet(batch)]);
    records.forEach((record, k) => {
      const body = bodies[k];
      if (record && body && !record.removedFromSource) builder.add(record, body);
    });
    if (options.pause && i + batchSize < keys.length) await options.pause();
  }
  const index = builder.finish();
  return { state: { index, sourceVersions: versions }, work: 'full', added: index.runbooks.length, removed: 0 };
}

function pairWithBodies(records: CachedRunbook[], bodies: (RunbookBody | undefined)[]): RunbookToIndex[] {
  const out: RunbookToIndex[] = [];
  records.forEach((meta, i) => {
    const body = bodies[i];
    // A runbook row without its body cannot be searched; it is picked up again once the cache is whole.
    if (body) out.push({ meta, body });
  });
  return out;
}

function keyToRunbook(key: string): { sourceId: string; path: string } {
  const bar = key.indexOf('|');
  return { sourceId: key.slice(0, bar), path: key.slice(bar + 1) };
}
