import type { PendingSectionText } from './pendingSectionText';

/**
 * The in-memory shape of the search index. It is an inverted index kept in flat typed arrays (not one object
 * per posting), so that it loads from IndexedDB without re-indexing, stays small in memory and is fast to scan.
 *
 * Terms are scored in three groups, each with its own posting lists over the same sorted vocabulary:
 * - `runbook`: per runbook — title, aliases, tags, summary, area, owner (a hit there makes the whole runbook
 *   relevant; it is not repeated in every section);
 * - `heading`: per section — its own heading and the headings it sits under;
 * - `body`: per section — its text, code included.
 */
export interface PostingLists {
  /** `start[t]`..`start[t + 1]` are the postings of term `t`; length is the vocabulary size + 1. */
  start: Uint32Array;
  /** Runbook number (runbook group) or section number (heading and body groups), ascending per term. */
  doc: Uint32Array;
  /**
   * The posting's BM25 term-frequency part multiplied by its field weights, quantized to a byte (the real value
   * is `impact × scale`); the term's idf is applied at query time.
   */
  impact: Uint8Array;
  /** What one unit of `impact` is worth. */
  scale: number;
}

/** What the index keeps of a runbook: enough to filter, rank, show the result and detect changes. */
export interface IndexedRunbook {
  sourceId: string;
  path: string;
  /** Blob id of the indexed version, compared with the cache to find what changed while the app was closed. */
  oid: string;
  title: string;
  summary?: string;
  aliases: string[];
  tags: string[];
  area?: string;
  status?: string;
  owner?: string;
  /** Number of the runbook's first section; its sections are numbered contiguously. */
  firstSection: number;
  sectionCount: number;
}

/** Sections, column by column. Section `s` belongs to runbook `runbook[s]`. */
export interface IndexedSections {
  runbook: Uint32Array;
  anchor: string[];
  heading: string[];
  /** Heading depth (0 for the text before the first heading). */
  depth: Uint8Array;
  /** UTF-8 of every section's plain text, back to back; decoded only for the sections a query shows. */
  text: Uint8Array;
  /** `textStart[s]`..`textStart[s + 1]` is section `s`'s text; length is the section count + 1. */
  textStart: Uint32Array;
  /**
   * Set on an index read from storage until all of `text` has been read too (see `PendingSectionText`); read
   * section text through `sectionText()`, which knows about it.
   */
  pendingText?: PendingSectionText;
}

export interface SearchIndex {
  /** Every indexed term, sorted by UTF-16 code units (prefix ranges are contiguous). */
  terms: string[];
  runbookPostings: PostingLists;
  headingPostings: PostingLists;
  bodyPostings: PostingLists;
  runbooks: IndexedRunbook[];
  sections: IndexedSections;
}

/** `sourceId|path`: how a runbook is named across the search code. */
export function runbookKeyOf(r: { sourceId: string; path: string }): string {
  return `${r.sourceId}|${r.path}`;
}

/** Code-unit order of two strings (stable across platforms, unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
