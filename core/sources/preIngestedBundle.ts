import { INGEST_VERSION, ingestRunbook } from '../ingest/ingestRunbook';
import { BUNDLED_SOURCE_ID, type IngestResult } from '../model';
import { snapshotBundledFiles, type BundledFile, type BundledSnapshot } from './bundledChangeSet';

/**
 * The bundled runbooks as the build ships them: each file's text with its blob id and the record ingest made
 * of it at build time, so the first start writes the records instead of parsing every file in the browser.
 * Plain JSON data (the build inlines it as one string).
 */
export interface PreIngestedBundle {
  /** `BundledSnapshot.version` of the shipped set. */
  version: string;
  /** `INGEST_VERSION` of the build that made the records; an app with another one ingests the texts itself. */
  ingestVersion: number;
  entries: { path: string; oid: string; text: string; ingested: IngestResult }[];
}

/** Runs at build time over the files of `runbooks/` (as UTF-8 text, as the app always read them). */
export function preIngestBundle(files: readonly { path: string; text: string }[]): PreIngestedBundle {
  const encoder = new TextEncoder();
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const snapshot = snapshotBundledFiles(files.map((f): BundledFile => ({ path: f.path, bytes: encoder.encode(f.text) })));
  return {
    version: snapshot.version,
    ingestVersion: INGEST_VERSION,
    entries: snapshot.entries.map((e) => ({
      path: e.path,
      oid: e.oid,
      text: texts.get(e.path)!,
      ingested: ingestRunbook(BUNDLED_SOURCE_ID, { path: e.path, oid: e.oid, bytes: e.bytes }),
    })),
  };
}

/**
 * The snapshot `seedBundledSource` takes, from what the build shipped: its records are used as they are when
 * this app's ingest is the one that made them; otherwise (a stale build output) the texts are ingested again.
 */
export function snapshotOfPreIngested(bundle: PreIngestedBundle): BundledSnapshot {
  const encoder = new TextEncoder();
  const current = bundle.ingestVersion === INGEST_VERSION;
  return {
    version: bundle.version,
    entries: bundle.entries.map((e) => {
      const entry = { path: e.path, oid: e.oid, bytes: encoder.encode(e.text) };
      return current ? { ...entry, ingested: e.ingested } : entry;
    }),
  };
}
