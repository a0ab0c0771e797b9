import { diffSnapshots, type SnapshotEntry } from '../changes/diffSnapshots';
import { gitBlobId } from '../ingest/gitBlobId';
import { ingestRunbook } from '../ingest/ingestRunbook';
import { BUNDLED_SOURCE_ID, type ChangeSet, type IngestResult } from '../model';
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha1 } from '@noble/hashes/legacy.js';

export interface BundledFile {
  /** Path inside `runbooks/`, e.g. `moderation-operations.md`. */
  path: string;
  bytes: Uint8Array;
}

export interface BundledSnapshot {
  version: string;
  /** `ingested`: the record the build already made of these bytes (see `preIngestedBundle`); used instead of parsing. */
  entries: (SnapshotEntry & { bytes: Uint8Array; ingested?: IngestResult | undefined })[];
}

/** Blob ids of the shipped files and one version id for the whole set (changes when any file does). */
export function snapshotBundledFiles(files: readonly BundledFile[]): BundledSnapshot {
  const entries = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => ({ path: f.path, oid: gitBlobId(f.bytes), bytes: f.bytes }));
  const listing = new TextEncoder().encode(entries.map((e) => `${e.oid} ${e.path}\n`).join(''));
  return { version: `bundle-${bytesToHex(sha1(listing)).slice(0, 12)}`, entries };
}

/**
 * The change set that brings the cache from what it holds of the bundled source (`cachedOids`, path → blob
 * id) to the shipped set. Only new or changed files are parsed, unless `rereadAll` (the cache was filled by
 * an older ingest) asks for every file to be read again.
 */
export function bundledChangeSet(snapshot: BundledSnapshot, cachedOids: ReadonlyMap<string, string>, rereadAll = false): ChangeSet {
  const diff = diffSnapshots(cachedOids, snapshot.entries);
  const byPath = new Map(snapshot.entries.map((e) => [e.path, e]));
  const unchanged = rereadAll ? snapshot.entries.filter((e) => cachedOids.get(e.path) === e.oid) : [];
  const toRead = [...diff.added, ...diff.changed, ...diff.renamed.map((r) => ({ path: r.to, oid: r.oid })), ...unchanged];
  return {
    sourceId: BUNDLED_SOURCE_ID,
    version: snapshot.version,
    upserts: toRead.map((e) => {
      const shipped = byPath.get(e.path)!;
      return shipped.ingested ?? ingestRunbook(BUNDLED_SOURCE_ID, { path: e.path, oid: e.oid, bytes: shipped.bytes });
    }),
    removed: diff.removed,
    renamed: diff.renamed.map(({ from, to }) => ({ from, to })),
  };
}
