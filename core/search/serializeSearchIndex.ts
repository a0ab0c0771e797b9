import type { IndexedRunbook, PostingLists, SearchIndex } from './searchIndexData';

/**
 * Bumped whenever tokenizing, weights or the layout change: an index of another format is rebuilt.
 * 3: section text in rows of its own, postings delta-encoded (see `storedSearchIndex.ts`).
 */
export const SEARCH_INDEX_FORMAT = 3;

/**
 * The whole index as plain columns: typed arrays as they are (structured clone copies them without any
 * conversion) and a few strings for the text columns, so loading is decoding a handful of values, not
 * re-indexing. The stored rows are made from it (`storedSearchIndex.ts`).
 */
export interface SearchIndexColumns {
  format: number;
  /** Vocabulary joined with `\n` (terms never contain whitespace). */
  terms: string;
  runbooks: string;
  sectionAnchors: string;
  sectionHeadings: string;
  sectionRunbook: Uint32Array;
  sectionDepth: Uint8Array;
  sectionText: Uint8Array;
  sectionTextStart: Uint32Array;
  runbookPostings: PostingLists;
  headingPostings: PostingLists;
  bodyPostings: PostingLists;
}

export class SearchIndexFormatError extends Error {
  override name = 'SearchIndexFormatError';
}

export function serializeSearchIndex(index: SearchIndex): SearchIndexColumns {
  return {
    format: SEARCH_INDEX_FORMAT,
    terms: index.terms.join('\n'),
    runbooks: JSON.stringify(index.runbooks),
    sectionAnchors: JSON.stringify(index.sections.anchor),
    sectionHeadings: JSON.stringify(index.sections.heading),
    sectionRunbook: index.sections.runbook,
    sectionDepth: index.sections.depth,
    sectionText: index.sections.text,
    sectionTextStart: index.sections.textStart,
    runbookPostings: index.runbookPostings,
    headingPostings: index.headingPostings,
    bodyPostings: index.bodyPostings,
  };
}

/**
 * Rebuilds the in-memory index from its stored form. Anything that does not fit together (another format, a
 * truncated array, a posting pointing past the end) throws `SearchIndexFormatError`; the caller then rebuilds
 * from the cache instead of searching a broken index.
 */
export function loadSearchIndex(data: unknown): SearchIndex {
  if (!isRecord(data) || data.format !== SEARCH_INDEX_FORMAT)
    throw new SearchIndexFormatError('The stored search index has another format.');
  const d = data as unknown as SearchIndexColumns;
  try {
    const terms = d.terms === '' ? [] : text(d.terms).split('\n');
    const runbooks = JSON.parse(text(d.runbooks)) as IndexedRunbook[];
    const anchor = JSON.parse(text(d.sectionAnchors)) as string[];
    const heading = JSON.parse(text(d.sectionHeadings)) as string[];
    const sections = {
      runbook: typed(d.sectionRunbook, Uint32Array),
      depth: typed(d.sectionDepth, Uint8Array),
      text: typed(d.sectionText, Uint8Array),
      textStart: typed(d.sectionTextStart, Uint32Array),
      anchor,
      heading,
    };
    const sectionCount = anchor.length;
    check(Array.isArray(runbooks) && Array.isArray(anchor) && Array.isArray(heading) && heading.length === sectionCount);
    check(
      sections.runbook.length === sectionCount && sections.depth.length === sectionCount && sections.textStart.length === sectionCount + 1,
    );
    check(sections.textStart[sectionCount] === sections.text.length);
    for (let s = 0; s < sectionCount; s++)
      check(sections.runbook[s]! < runbooks.length && sections.textStart[s]! <= sections.textStart[s + 1]!);
    for (const r of runbooks) {
      check(typeof r.sourceId === 'string' && typeof r.path === 'string' && typeof r.title === 'string' && typeof r.oid === 'string');
      check(Array.isArray(r.tags) && Array.isArray(r.aliases) && r.firstSection + r.sectionCount <= sectionCount);
    }
    return {
      terms,
      runbookPostings: postings(d.runbookPostings, terms.length, runbooks.length),
      headingPostings: postings(d.headingPostings, terms.length, sectionCount),
      bodyPostings: postings(d.bodyPostings, terms.length, sectionCount),
      runbooks,
      sections,
    };
  } catch (error) {
    if (error instanceof SearchIndexFormatError) throw error;
    throw new SearchIndexFormatError(`The stored search index cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function postings(value: unknown, termCount: number, docCount: number): PostingLists {
  check(isRecord(value));
  const v = value as PostingLists;
  const start = typed(v.start, Uint32Array);
  const doc = typed(v.doc, Uint32Array);
  const impact = typed(v.impact, Uint8Array);
  check(start.length === termCount + 1 && start[termCount] === doc.length && impact.length === doc.length);
  check(typeof v.scale === 'number' && Number.isFinite(v.scale) && v.scale > 0);
  for (let t = 0; t < termCount; t++) check(start[t]! <= start[t + 1]!);
  let max = 0;
  for (let p = 0; p < doc.length; p++) if (doc[p]! > max) max = doc[p]!;
  check(doc.length === 0 || max < docCount);
  return { start, doc, impact, scale: v.scale };
}

function typed<T extends Uint8Array | Uint32Array | Float32Array>(value: unknown, kind: { new (...args: never[]): T }): T {
  check(value instanceof kind);
  return value as T;
}

function text(value: unknown): string {
  check(typeof value === 'string');
  return value as string;
}

function check(ok: boolean): void {
  if (!ok) throw new SearchIndexFormatError('The stored search index is inconsistent.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
