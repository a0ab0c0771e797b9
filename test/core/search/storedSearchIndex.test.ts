import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { buildSearchIndex } from '../../../core/search/buildSearchIndex';
import type { SearchIndex } from '../../../core/search/searchIndexData';
import {
  readAllSectionText,
  readStoredSearchIndex,
  readStoredSearchIndexLazily,
  readWantedSectionText,
  saveSearchIndex,
  SEARCH_INDEX_ROW,
} from '../../../core/search/searchIndexStore';
import { searchRunbooks } from '../../../core/search/searchRunbooks';
import { SearchService } from '../../../core/search/searchService';
import { SearchIndexFormatError } from '../../../core/search/serializeSearchIndex';
import {
  fillTextChunk,
  indexFromStoredColumns,
  textChunkBytes,
  StoredTextChangedError,
  storedRowsOf,
  type StoredTextChunk,
} from '../../../core/search/storedSearchIndex';
import { openTestDatabase } from '../cache/testDatabase';
import { testCorpus } from './searchTestCorpus';

const index = buildSearchIndex(testCorpus());
const QUERIES = ['ban', 'MOD_BAN_SYNC', 'rolback', '"ban sync failures"', 'donnees personnelles', '障害対応', 'moderashun', 'ban user'];
/** Small chunks, so that the test library's text spans many of them. */
const CHUNK = 256;

/** What reading a chunk row does: its bytes, checked to belong to this save, copied into the index. */
async function fillFromRow(lazy: SearchIndex, chunk: number, row: unknown): Promise<void> {
  if (!lazy.sections.pendingText || lazy.sections.pendingText.isFilled(chunk)) return;
  fillTextChunk(lazy, chunk, await textChunkBytes(row, lazy.sections.pendingText?.textId ?? '', chunk));
}

/** What `SearchService.answer` does: search, read the chunks the answer needed, until none is missing. */
async function answerFromRows(lazy: SearchIndex, chunks: StoredTextChunk[], query: string) {
  for (;;) {
    const response = searchRunbooks(lazy, query);
    const wanted = [...(lazy.sections.pendingText?.wanted ?? [])];
    if (wanted.length === 0) return response;
    for (const c of wanted) await fillFromRow(lazy, c, structuredClone(chunks[c]));
  }
}

describe('stored search index: columns and section text apart', () => {
  it('answers every query as the whole index does, reading only the text chunks the answers show', async () => {
    const { columns, chunks } = storedRowsOf(index, 'save-1', CHUNK);
    expect(chunks.length).toBeGreaterThan(3);
    const lazy = indexFromStoredColumns(structuredClone(columns));
    expect(lazy.sections.pendingText?.chunkCount).toBe(chunks.length);
    expect(await answerFromRows(lazy, chunks, 'MOD_BAN_SYNC')).toEqual(searchRunbooks(index, 'MOD_BAN_SYNC'));
    expect(lazy.sections.pendingText).toBeDefined();
    for (const q of QUERIES) expect(await answerFromRows(lazy, chunks, q)).toEqual(searchRunbooks(index, q));
    for (const [c, chunk] of chunks.entries()) await fillFromRow(lazy, c, chunk);
    // Once every chunk is in, the index is the whole index again.
    expect(lazy).toEqual(index);
  });

  it('never takes a chunk of another save for one of its own', async () => {
    const lazy = indexFromStoredColumns(structuredClone(storedRowsOf(index, 'save-1', CHUNK).columns));
    const other = storedRowsOf(index, 'save-2', CHUNK).chunks;
    await expect(fillFromRow(lazy, 0, other[0])).rejects.toThrow(StoredTextChangedError);
    await expect(fillFromRow(lazy, 0, undefined)).rejects.toThrow(StoredTextChangedError);
  });

  it('reads text chunks saved with their bytes in the row, as saves before 2026-12-08 did', async () => {
    const { columns, chunks } = storedRowsOf(index, 'save-1', CHUNK);
    const lazy = indexFromStoredColumns(structuredClone(columns));
    for (const [c, chunk] of chunks.entries()) {
      const bytes = new Uint8Array(await (chunk.bytes as Blob).arrayBuffer());
      await fillFromRow(lazy, c, { ...chunk, bytes });
    }
    expect(lazy).toEqual(index);
  });

  it('refuses a text chunk of the wrong size', async () => {
    const { columns, chunks } = storedRowsOf(index, 'save-1', CHUNK);
    const lazy = indexFromStoredColumns(structuredClone(columns));
    await expect(fillFromRow(lazy, 0, { ...chunks[0], bytes: new Blob(['too short']) })).rejects.toThrow(SearchIndexFormatError);
    await expect(fillFromRow(lazy, 0, { ...chunks[0], bytes: 'not bytes' })).rejects.toThrow(SearchIndexFormatError);
    expect(lazy.sections.pendingText?.isFilled(0)).toBe(false);
  });

  it.each([
    ['the single row of format 2', { ...storedRowsOf(index, 'x').columns, kind: undefined, format: 2 }],
    ['a text chunk', storedRowsOf(index, 'x', CHUNK).chunks[0]],
    ['a chunk count that does not fit the text', { ...storedRowsOf(index, 'x', CHUNK).columns, textChunks: 1 }],
    [
      'postings that end early',
      (() => {
        const { columns } = storedRowsOf(index, 'x');
        return { ...columns, bodyPostings: { ...columns.bodyPostings, docGaps: columns.bodyPostings.docGaps.slice(1) } };
      })(),
    ],
  ])('rejects %s with SearchIndexFormatError', (_what, data) => {
    expect(() => indexFromStoredColumns(data)).toThrow(SearchIndexFormatError);
  });
});

describe('stored search index in IndexedDB', () => {
  let db: RunbookDatabase;
  beforeEach(() => {
    db = openTestDatabase();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('reads the columns first and the text chunks a query needs next', async () => {
    await saveSearchIndex(db, { index, sourceVersions: { team: 'c1' } }, new Date(), CHUNK);
    const state = await readStoredSearchIndexLazily(db);
    expect(state?.index.sections.pendingText).toBeDefined();
    for (const q of QUERIES) {
      for (;;) {
        const response = searchRunbooks(state!.index, q);
        if ((state!.index.sections.pendingText?.wanted.size ?? 0) === 0) {
          expect(response).toEqual(searchRunbooks(index, q));
          break;
        }
        await readWantedSectionText(db, state!.index);
      }
    }
    expect((await readStoredSearchIndex(db))?.index).toEqual(index);
  });

  it('replaces the previous save’s text chunks, and says so to a reader of the previous columns', async () => {
    const bigger = buildSearchIndex([
      ...testCorpus(),
      ...testCorpus().map((r) => ({ ...r, meta: { ...r.meta, path: `copy/${r.meta.path}` } })),
    ]);
    await saveSearchIndex(db, { index: bigger, sourceVersions: { team: 'c1' } }, new Date(), CHUNK);
    // The columns as a reader had them just before another save; its reads of their text come after that save.
    const before = { index: indexFromStoredColumns((await db.searchIndex.get(SEARCH_INDEX_ROW))?.index) };
    await saveSearchIndex(db, { index, sourceVersions: { team: 'c2' } }, new Date(), CHUNK);
    const rows = await db.searchIndex.count();
    expect(rows).toBe(1 + storedRowsOf(index, 'x', CHUNK).chunks.length);
    searchRunbooks(before.index, 'ban');
    await expect(readWantedSectionText(db, before.index)).rejects.toThrow(StoredTextChangedError);
    expect((await readStoredSearchIndex(db))?.index).toEqual(index);
  });

  it('reads the columns with their text chunks, so a save landing right after cannot take their text away', async () => {
    const bigger = buildSearchIndex([
      ...testCorpus(),
      ...testCorpus().map((r) => ({ ...r, meta: { ...r.meta, path: `copy/${r.meta.path}` } })),
    ]);
    await saveSearchIndex(db, { index: bigger, sourceVersions: { team: 'c1' } }, new Date(), CHUNK);
    const read = await readStoredSearchIndexLazily(db);
    await saveSearchIndex(db, { index, sourceVersions: { team: 'c2' } }, new Date(), CHUNK);
    await readAllSectionText(db, read!.index);
    expect(read!.index).toEqual(bigger);
  });

  it('SearchService.answer gives the whole index’s answers while the text is still being read', async () => {
    await saveSearchIndex(db, { index, sourceVersions: {} }, new Date(), CHUNK);
    const service = new SearchService(db);
    const started = service.start();
    await new Promise<void>((resolve) => {
      const check = () => (service.currentStatus().state === 'ready' ? resolve() : setTimeout(check, 1));
      check();
    });
    for (const q of QUERIES) expect(await service.answer(q)).toEqual(searchRunbooks(index, q));
    await started;
    expect(await db.searchIndex.get(SEARCH_INDEX_ROW)).toBeDefined();
  });
});
