import { packPostings, unpackPostings, type PackedPostingLists } from './packedPostings';
import type { SearchIndex } from './searchIndexData';
import { PendingSectionText } from './pendingSectionText';
import {
  loadSearchIndex,
  SEARCH_INDEX_FORMAT,
  SearchIndexFormatError,
  serializeSearchIndex,
  type SearchIndexColumns,
} from './serializeSearchIndex';

/**
 * The stored index is one row of columns plus its section text cut into chunk rows. The section text is half
 * of the index's bytes and only snippets and phrase checks need it, so a start decodes the columns (what ranking
 * needs) while the text's bytes are still arriving; a query answered meanwhile waits only for the chunks it
 * shows (`PendingSectionText`).
 */

/**
 * Bytes of section text per chunk row. Large on purpose: Chromium keeps a value over 64 KB as a file of its
 * own and reads it at disk speed, while 16 KB rows (tried first) were read about five times slower per byte
 * (1,000 runbooks: 11 MB of text in 664 rows took 0.8–1.4 s against 0.2–0.4 s for the whole 22 MB index).
 */
export const TEXT_CHUNK_BYTES = 4 * 1024 * 1024;

/** Everything but the section text, with delta-encoded postings. */
export interface StoredIndexColumns extends Omit<
  SearchIndexColumns,
  'sectionText' | 'runbookPostings' | 'headingPostings' | 'bodyPostings'
> {
  kind: 'columns';
  /** Written into every chunk row saved with these columns, so a chunk of another save is never taken for one of these. */
  textId: string;
  textChunkBytes: number;
  textChunks: number;
  runbookPostings: PackedPostingLists;
  headingPostings: PackedPostingLists;
  bodyPostings: PackedPostingLists;
}

/** Bytes `chunk × textChunkBytes` onwards of the section text of the columns with the same `textId`. */
export interface StoredTextChunk {
  kind: 'text';
  format: number;
  textId: string;
  chunk: number;
  /**
   * A Blob, so that reading the row hands over a reference and the bytes are read off the reading thread: as a
   * byte array (until 2026-12-08; still read) a 4 MB chunk took 60-90 ms of a worker's time to deserialize.
   */
  bytes: Blob | Uint8Array;
}

/** What a row of the `searchIndex` table holds: the index's columns, or one chunk of its section text. */
export type SerializedSearchIndex = StoredIndexColumns | StoredTextChunk;

/** A chunk row does not belong to the columns being read: another save replaced the stored index meanwhile. */
export class StoredTextChangedError extends Error {
  override name = 'StoredTextChangedError';
}

export function storedRowsOf(
  index: SearchIndex,
  textId: string,
  chunkBytes = TEXT_CHUNK_BYTES,
): { columns: StoredIndexColumns; chunks: StoredTextChunk[] } {
  if (index.sections.pendingText) throw new Error('The index still has section text to read; read it before saving.');
  const c = serializeSearchIndex(index);
  const text = c.sectionText;
  const chunks: StoredTextChunk[] = [];
  for (let at = 0, chunk = 0; at < text.length; at += chunkBytes, chunk++) {
    chunks.push({ kind: 'text', format: SEARCH_INDEX_FORMAT, textId, chunk, bytes: new Blob([text.slice(at, at + chunkBytes)]) });
  }
  const columns: StoredIndexColumns = {
    kind: 'columns',
    format: SEARCH_INDEX_FORMAT,
    terms: c.terms,
    runbooks: c.runbooks,
    sectionAnchors: c.sectionAnchors,
    sectionHeadings: c.sectionHeadings,
    sectionRunbook: c.sectionRunbook,
    sectionDepth: c.sectionDepth,
    sectionTextStart: c.sectionTextStart,
    textId,
    textChunkBytes: chunkBytes,
    textChunks: chunks.length,
    runbookPostings: packPostings(c.runbookPostings),
    headingPostings: packPostings(c.headingPostings),
    bodyPostings: packPostings(c.bodyPostings),
  };
  return { columns, chunks };
}

/**
 * A searchable index from its stored columns, its section text still to be read (`sections.pendingText`, none
 * when there is no text). Throws `SearchIndexFormatError` for anything that does not fit together.
 */
export function indexFromStoredColumns(data: unknown): SearchIndex {
  if (typeof data !== 'object' || data === null) throw new SearchIndexFormatError('The stored search index has another format.');
  const d = data as Partial<StoredIndexColumns>;
  if (d.kind !== 'columns' || d.format !== SEARCH_INDEX_FORMAT)
    throw new SearchIndexFormatError('The stored search index has another format.');
  const layout = storedTextLayout(d);
  if (!layout) throw new SearchIndexFormatError('The stored search index is inconsistent.');
  const { textLength, chunkBytes } = layout;
  const textStart = d.sectionTextStart!;
  const sectionCount = textStart.length - 1;
  let runbookCount: number;
  try {
    runbookCount = (JSON.parse(String(d.runbooks)) as unknown[]).length;
  } catch {
    throw new SearchIndexFormatError('The stored search index cannot be read.');
  }
  const index = loadSearchIndex({
    format: SEARCH_INDEX_FORMAT,
    terms: d.terms,
    runbooks: d.runbooks,
    sectionAnchors: d.sectionAnchors,
    sectionHeadings: d.sectionHeadings,
    sectionRunbook: d.sectionRunbook,
    sectionDepth: d.sectionDepth,
    sectionText: new Uint8Array(textLength),
    sectionTextStart: textStart,
    runbookPostings: unpacked(d.runbookPostings, runbookCount),
    headingPostings: unpacked(d.headingPostings, sectionCount),
    bodyPostings: unpacked(d.bodyPostings, sectionCount),
  });
  if (layout.chunks > 0) index.sections.pendingText = new PendingSectionText(chunkBytes, layout.chunks, layout.textId);
  return index;
}

function unpacked(value: unknown, docCount: number): unknown {
  const v = value as Partial<PackedPostingLists> | undefined;
  if (!(v?.start instanceof Uint32Array && v.docGaps instanceof Uint8Array)) return undefined;
  try {
    return unpackPostings(v as PackedPostingLists, docCount);
  } catch (error) {
    throw new SearchIndexFormatError(`The stored search index cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The bytes of a chunk row, once it is known to be chunk `chunk` of the save `textId`. Rejects with
 * `StoredTextChangedError` when the row is missing or belongs to another save (which replaced the stored index
 * while it was being read), with `SearchIndexFormatError` when it holds no bytes.
 */
export async function textChunkBytes(row: unknown, textId: string, chunk: number): Promise<Uint8Array> {
  const r = row as Partial<StoredTextChunk> | undefined;
  if (r?.kind !== 'text' || r.format !== SEARCH_INDEX_FORMAT || r.textId !== textId || r.chunk !== chunk) {
    throw new StoredTextChangedError('The stored search index changed while it was being read.');
  }
  if (r.bytes instanceof Uint8Array) return r.bytes;
  if (typeof Blob === 'function' && r.bytes instanceof Blob) return new Uint8Array(await r.bytes.arrayBuffer());
  throw new SearchIndexFormatError('A chunk of the stored section text holds no bytes.');
}

/** Copies a chunk's bytes into the index's section text. Throws `SearchIndexFormatError` when they do not fit. */
export function fillTextChunk(index: SearchIndex, chunk: number, bytes: Uint8Array): void {
  const pending = index.sections.pendingText;
  if (!pending || pending.isFilled(chunk)) return;
  const at = chunk * pending.chunkBytes;
  const expected = Math.min(pending.chunkBytes, index.sections.text.length - at);
  if (bytes.length !== expected) throw new SearchIndexFormatError('A chunk of the stored section text has the wrong size.');
  index.sections.text.set(bytes, at);
  pending.markFilled(chunk);
  if (pending.complete) delete index.sections.pendingText;
}

/** How a stored columns row says its section text is cut into chunk rows, or `undefined` if that does not add up. */
export function storedTextLayout(data: unknown): { textLength: number; chunkBytes: number; chunks: number; textId: string } | undefined {
  const d = data as Partial<StoredIndexColumns> | undefined;
  const textStart = d?.sectionTextStart;
  const textLength = textStart instanceof Uint32Array && textStart.length > 0 ? textStart[textStart.length - 1]! : -1;
  const chunkBytes = d?.textChunkBytes;
  if (
    textLength < 0 ||
    typeof chunkBytes !== 'number' ||
    !Number.isInteger(chunkBytes) ||
    chunkBytes <= 0 ||
    d?.textChunks !== Math.ceil(textLength / chunkBytes) ||
    typeof d.textId !== 'string'
  ) {
    return undefined;
  }
  return { textLength, chunkBytes, chunks: d.textChunks, textId: d.textId };
}
