import type { CachedRunbook, RunbookDatabase, RunbookKey, StoredSearchIndex } from '../cache/runbookDatabase';
import type { RunbookBody } from '../model';
import type { RunbookToIndex } from './buildSearchIndex';
import { runbookKeyOf, type SearchIndex } from './searchIndexData';
import {
  fillTextChunk,
  indexFromStoredColumns,
  storedRowsOf,
  storedTextLayout,
  TEXT_CHUNK_BYTES,
  textChunkBytes,
} from './storedSearchIndex';

/** A timeline mark `rr-search:<name>` (bench/browser.ts reads them from the worker to split the first search). */
export function markSearch(name: string): void {
  globalThis.performance?.mark?.(`rr-search:${name}`);
}

/** Key of the row of the `searchIndex` table that holds the runbook index's columns. */
export const SEARCH_INDEX_ROW = 'runbooks';
/** Keys of the rows holding its section text: this prefix and the chunk's number (`textRowKey`). */
export const SEARCH_TEXT_ROW_PREFIX = 'runbooks-text:';
/** Zero-padded, so that the keys of consecutive chunks are a key range. */
export function textRowKey(chunk: number): string {
  return SEARCH_TEXT_ROW_PREFIX + String(chunk).padStart(6, '0');
}

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

/**
 * The stored index with its section text still in storage (read as queries need it: `readWantedSectionText`),
 * or `undefined` when there is none or it cannot be read (it is then rebuilt).
 */
export async function readStoredSearchIndexLazily(db: RunbookDatabase): Promise<SearchIndexState | undefined> {
  try {
    // The columns and their text's chunk rows in one read, so they are of one save; a chunk row holds a Blob,
    // whose bytes are asked for before the columns are decoded (150-300 ms for 1,000 runbooks in a worker)
    // and arrive meanwhile, off this thread.
    const rows = await db.searchIndex.where(':id').between(SEARCH_INDEX_ROW, `${SEARCH_TEXT_ROW_PREFIX}\uffff`, true, true).toArray();
    markSearch('index-read');
    const row = rows.find((r) => r.id === SEARCH_INDEX_ROW);
    if (!row || typeof row.sourceVersions !== 'object' || row.sourceVersions === null) return undefined;
    const textReads = startTextChunkReads(row.index, rows);
    const index = indexFromStoredColumns(row.index);
    for (const [chunk, bytes] of textReads) void fillWhenRead(index, chunk, bytes);
    markSearch('index-loaded');
    return { index, sourceVersions: { ...row.sourceVersions } };
  } catch {
    return undefined;
  }
}

/** The stored index with all of its section text, or `undefined` when there is none or it cannot be read. */
export async function readStoredSearchIndex(db: RunbookDatabase): Promise<SearchIndexState | undefined> {
  const state = await readStoredSearchIndexLazily(db);
  if (!state) return undefined;
  try {
    await readAllSectionText(db, state.index);
    return state;
  } catch {
    return undefined;
  }
}

/** Reads the chunks of section text that queries asked for and did not find (see `sectionText`). */
export async function readWantedSectionText(db: RunbookDatabase, index: SearchIndex): Promise<void> {
  const pending = index.sections.pendingText;
  if (!pending || pending.wanted.size === 0) return;
  markSearch('text-wanted');
  await readTextChunks(
    db,
    index,
    [...pending.wanted].sort((a, b) => a - b),
  );
  markSearch('text-read');
}

/**
 * Reads whatever section text is still in storage, every chunk at once: a chunk's bytes are a Blob, read off
 * this thread, so the reads hold up nothing here and end together sooner than one after another.
 */
export async function readAllSectionText(db: RunbookDatabase, index: SearchIndex): Promise<void> {
  const pending = index.sections.pendingText;
  if (!pending) return;
  const unfilled: number[] = [];
  for (let chunk = 0; chunk < pending.chunkCount; chunk++) if (!pending.isFilled(chunk)) unfilled.push(chunk);
  await readTextChunks(db, index, unfilled);
  markSearch('text-complete');
}

async function readTextChunks(db: RunbookDatabase, index: SearchIndex, chunks: number[]): Promise<void> {
  await Promise.all(chunks.map((chunk) => readTextChunk(db, index, chunk)));
}

/** Chunk reads in flight per index, so a query and the background read never read the same chunk twice. */
const chunkReads = new WeakMap<SearchIndex, Map<number, Promise<void>>>();

function readTextChunk(db: RunbookDatabase, index: SearchIndex, chunk: number): Promise<void> {
  const textId = index.sections.pendingText?.textId;
  if (textId === undefined) return Promise.resolve();
  return chunkReads.get(index)?.get(chunk) ?? fillWhenRead(index, chunk, readChunkBytes(db, textId, chunk));
}

function readChunkBytes(db: RunbookDatabase, textId: string, chunk: number): Promise<Uint8Array> {
  return db.searchIndex.get(textRowKey(chunk)).then((row) => textChunkBytes(row?.index, textId, chunk));
}

/** The bytes of every chunk row read with the columns that name it; none when the columns do not add up. */
function startTextChunkReads(columns: unknown, rows: StoredSearchIndex[]): Map<number, Promise<Uint8Array>> {
  const reads = new Map<number, Promise<Uint8Array>>();
  const layout = storedTextLayout(columns);
  if (!layout) return reads;
  for (const row of rows) {
    const chunk = (row.index as { chunk?: unknown } | undefined)?.chunk;
    if (typeof chunk !== 'number' || !Number.isInteger(chunk) || chunk < 0 || chunk >= layout.chunks || row.id !== textRowKey(chunk))
      continue;
    const read = textChunkBytes(row.index, layout.textId, chunk);
    // Awaited once the columns are decoded; when they cannot be, nothing will, and that is no error of its own.
    ignoreIfUnawaited(read);
    reads.set(chunk, read);
  }
  return reads;
}

function fillWhenRead(index: SearchIndex, chunk: number, bytes: Promise<Uint8Array>): Promise<void> {
  let reads = chunkReads.get(index);
  if (!reads) chunkReads.set(index, (reads = new Map<number, Promise<void>>()));
  const read = bytes.then((b) => fillTextChunk(index, chunk, b)).finally(() => reads.delete(chunk));
  // A query or the start's read of all text awaits it and meets its failure; an index dropped meanwhile does not.
  ignoreIfUnawaited(read);
  reads.set(chunk, read);
  return read;
}

function ignoreIfUnawaited(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}

/**
 * Writes the index: its columns in one row, its section text in chunk rows (replacing those of the previous
 * save), all in one transaction. An index read from storage has its remaining text read first.
 */
export async function saveSearchIndex(
  db: RunbookDatabase,
  state: SearchIndexState,
  now = new Date(),
  textChunkBytes = TEXT_CHUNK_BYTES,
): Promise<void> {
  await readAllSectionText(db, state.index);
  const textId = `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const { columns, chunks } = storedRowsOf(state.index, textId, textChunkBytes);
  const savedAt = now.toISOString();
  await db.transaction('rw', db.searchIndex, async () => {
    await db.searchIndex.where(':id').startsWith(SEARCH_TEXT_ROW_PREFIX).delete();
    await db.searchIndex.bulkPut(chunks.map((chunk) => ({ id: textRowKey(chunk.chunk), sourceVersions: {}, savedAt, index: chunk })));
    await db.searchIndex.put({ id: SEARCH_INDEX_ROW, sourceVersions: state.sourceVersions, savedAt, index: columns });
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
  // Merging copies every kept section's text: what is still in storage is read first.
  await readAllSectionText(db, current.index);

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
  // Loaded only when there is something to index: the worker starts without the Markdown parser.
  const { updateSearchIndex } = await import('./updateSearchIndex');
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
  const { SearchIndexBuilder } = await import('./buildSearchIndex');
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
