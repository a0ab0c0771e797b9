import { INGEST_VERSION } from '../ingest/ingestRunbook';
import type { ChangeSet } from '../model';
import { followRename, isBookmarked } from '../userdata/followSourceChanges';
import type { CachedRunbook, RunbookDatabase, RunbookKey } from './runbookDatabase';

export interface AppliedChangeSummary {
  added: number;
  updated: number;
  removed: number;
  renamed: number;
  skipped: number;
}

/**
 * Writes a change set into the cache in one IndexedDB transaction: either every row changes or none does,
 * so readers see the previous version until the new one is complete. User data is never deleted: it
 * follows renames, and a bookmarked runbook that disappears upstream stays readable, marked as removed. Images (`changes.assets`) are written, and removed paths' images deleted, in
 * the same transaction.
 */
export async function applyChangeSet(db: RunbookDatabase, changes: ChangeSet, now = new Date()): Promise<AppliedChangeSummary> {
  const at = now.toISOString();
  const summary: AppliedChangeSummary = { added: 0, updated: 0, removed: 0, renamed: changes.renamed.length, skipped: 0 };
  const { sourceId } = changes;
  const renamedTo = new Set(changes.renamed.map((r) => r.to));

  const tables = [db.sources, db.runbooks, db.bodies, db.skipped, db.assets, db.bookmarks, db.checklists, db.history];
  await db.transaction('rw', tables, async () => {
    const source = await db.sources.get(sourceId);
    if (!source) throw new Error(`Unknown source "${sourceId}".`);
    // The first load of a source is not news; later syncs mark what they brought until it is opened.
    const markChanges = source.version !== undefined;

    for (const { from, to } of changes.renamed) {
      await db.runbooks.delete([sourceId, from]);
      await db.bodies.delete([sourceId, from]);
      await db.skipped.delete([sourceId, from]);
      await db.assets.delete([sourceId, from]);
      await followRename(db, sourceId, from, to);
    }
    for (const path of changes.removed) {
      const key: RunbookKey = [sourceId, path];
      const cached = await db.runbooks.get(key);
      if (cached && !cached.removedFromSource) summary.removed++;
      if (cached && (await isBookmarked(db, sourceId, path))) {
        // The bookmark keeps its last synced copy readable; the first removal's time is kept.
        if (!cached.removedFromSource) {
          const { changeMark: _changeMark, ...kept } = cached;
          await db.runbooks.put({ ...kept, removedFromSource: at });
        }
        continue;
      }
      await db.runbooks.delete(key);
      await db.bodies.delete(key);
      await db.skipped.delete(key);
      await db.assets.delete(key);
    }
    for (const result of changes.upserts) {
      if (result.kind === 'skipped') {
        const key: RunbookKey = [sourceId, result.skipped.path];
        await db.runbooks.delete(key);
        await db.bodies.delete(key);
        await db.assets.delete(key);
        await db.skipped.put({ ...result.skipped, sourceId });
        summary.skipped++;
        continue;
      }
      const key: RunbookKey = [sourceId, result.meta.path];
      const previous = await db.runbooks.get(key);
      // A runbook back in its source after a removal the user's bookmark outlived is new again, not updated.
      const existed = previous !== undefined && !previous.removedFromSource;
      const record: CachedRunbook = { ...result.meta, sourceId, cachedAt: at };
      // Re-reading the same bytes (after an app update changed ingest) is not news to the reader.
      const sameContent = existed && previous.oid === result.meta.oid;
      if (sameContent && previous.changeMark) record.changeMark = previous.changeMark;
      if (!renamedTo.has(result.meta.path) && !sameContent) {
        if (markChanges) record.changeMark = existed ? 'updated' : 'added';
        if (existed) summary.updated++;
        else summary.added++;
      }
      await db.runbooks.put(record);
      await db.bodies.put({ ...result.body, sourceId });
      await db.skipped.delete(key);
    }
    for (const asset of changes.assets ?? []) {
      await db.assets.put({ ...asset, sourceId });
      await db.skipped.delete([sourceId, asset.path]);
    }
    await db.sources.put({
      ...source,
      ingestVersion: INGEST_VERSION,
      version: changes.version,
      lastSyncAt: at,
      lastChange: { added: summary.added, updated: summary.updated, removed: summary.removed, at },
    });
  });
  return summary;
}
