import { INGEST_VERSION } from '../ingest/ingestVersion';
import { BUNDLED_SOURCE_ID } from '../model';
import { bundledChangeSet, type BundledSnapshot } from '../sources/bundledChangeSet';
import { applyChangeSet, type AppliedChangeSummary } from './applyChangeSet';
import { holdsBundle } from './bundledSourceIsCurrent';

export { bundledSourceIsCurrent } from './bundledSourceIsCurrent';
import type { RunbookDatabase } from './runbookDatabase';

/**
 * Makes sure the cache holds the runbooks shipped with this build. When the cache already holds this
 * bundle version nothing is read or parsed; after an app update only the files that changed are (all of
 * them when the update changed what ingest records).
 */
export async function seedBundledSource(db: RunbookDatabase, snapshot: BundledSnapshot): Promise<AppliedChangeSummary | undefined> {
  const existing = await db.sources.get(BUNDLED_SOURCE_ID);
  if (holdsBundle(existing, snapshot.version)) return undefined;
  if (!existing) {
    await db.sources.put({ id: BUNDLED_SOURCE_ID, kind: 'bundled', name: 'Bundled runbooks' });
  }
  const cachedOids = new Map<string, string>();
  // A copy kept only for a bookmark is not part of the source: when the file is shipped again it must be re-read.
  await db.runbooks
    .where('sourceId')
    .equals(BUNDLED_SOURCE_ID)
    .each((r) => {
      if (!r.removedFromSource) cachedOids.set(r.path, r.oid);
    });
  await db.skipped
    .where('sourceId')
    .equals(BUNDLED_SOURCE_ID)
    .each((s) => cachedOids.set(s.path, s.oid));
  const rereadAll = existing !== undefined && existing.ingestVersion !== INGEST_VERSION;
  return applyChangeSet(db, bundledChangeSet(snapshot, cachedOids, rereadAll));
}
