import { INGEST_VERSION } from '../ingest/ingestVersion';
import type { ChangeSet } from '../model';
import { followRename, isBookmarked } from '../userdata/followSourceChanges';
import type { CachedRunbook, RunbookDatabase, RunbookKey } from './runbookDatabase';
import { recordSyncHistory } from './syncHistory';

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

  const tables = [
    db.sources,
    db.runbooks,
    db.bodies,
    db.skipped,
    db.assets,
    db.bookmarks,
    db.checklists,
    db.history,
    db.syncHistory,
    db.readCopies,
  ];
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
    // Upserts and images go in bulk: one request per row, issued together instead of awaited one by one
    // (each await is a round trip to the database; 1,000 runbooks took seconds in a browser that way).
    // Their paths are distinct, so the order of the rows does not matter within the transaction.
    const skipped = changes.upserts.flatMap((result) => (result.kind === 'skipped' ? [result.skipped] : []));
    const skippedKeys = skipped.map((file): RunbookKey => [sourceId, file.path]);
    summary.skipped += skipped.length;

    const runbooks = changes.upserts.flatMap((result) => (result.kind === 'runbook' ? [result] : []));
    // Only runbooks the source already has are read back: its keys come in one request, where a get per
    // runbook cost a first sync of 1,000 runbooks a thousand requests for rows that were not there.
    const cachedPaths = new Set((await db.runbooks.where('sourceId').equals(sourceId).primaryKeys()).map(([, path]) => path));
    const cachedKeys = runbooks.flatMap(({ meta }): RunbookKey[] => (cachedPaths.has(meta.path) ? [[sourceId, meta.path]] : []));
    const cachedRows = new Map((await db.runbooks.bulkGet(cachedKeys)).flatMap((row) => (row ? [[row.path, row] as const] : [])));
    const previousRows = runbooks.map(({ meta }) => cachedRows.get(meta.path));
    const records = runbooks.map(({ meta }, i): CachedRunbook => {
      const previous = previousRows[i];
      // A runbook back in its source after a removal the user's bookmark outlived is new again, not updated.
      const existed = previous !== undefined && !previous.removedFromSource;
      const { links: _links, ...kept } = meta;
      const record: CachedRunbook = { ...kept, sourceId, cachedAt: at };
      // Re-reading the same bytes (after an app update changed ingest) is not news to the reader.
      const sameContent = existed && previous.oid === meta.oid;
      if (sameContent && previous.changeMark) record.changeMark = previous.changeMark;
      if (!renamedTo.has(meta.path) && !sameContent) {
        if (markChanges) record.changeMark = existed ? 'updated' : 'added';
        if (existed) summary.updated++;
        else summary.added++;
      }
      return record;
    });
    const assets = changes.assets ?? [];
    // Sent together: the database works through one table's rows while the next table's are sent.
    await Promise.all([
      db.runbooks.bulkDelete(skippedKeys),
      db.bodies.bulkDelete(skippedKeys),
      db.assets.bulkDelete(skippedKeys),
      db.skipped.bulkPut(skipped.map((file) => ({ ...file, sourceId }))),
      db.runbooks.bulkPut(records),
      db.bodies.bulkPut(runbooks.map(({ body }) => ({ ...body, sourceId }))),
      db.assets.bulkPut(assets.map((asset) => ({ ...asset, sourceId }))),
    ]);
    // A file read now is no longer skipped. Only the source's earlier skips are deleted: one delete request
    // per file read cost a large first sync a thousand requests for rows that were never there.
    const readPaths = new Set([...runbooks.map(({ meta }) => meta.path), ...assets.map((asset) => asset.path)]);
    const skippedBefore = await db.skipped.where('sourceId').equals(sourceId).primaryKeys();
    await db.skipped.bulkDelete(skippedBefore.filter(([, path]) => readPaths.has(path)));
    // A sync that changed nothing does not hide what the last one that did changed.
    const changedSomething = summary.added + summary.updated + summary.removed + summary.renamed > 0;
    await db.sources.put({
      ...source,
      ingestVersion: INGEST_VERSION,
      version: changes.version,
      signature: changes.signature,
      lastSyncAt: at,
      lastChange:
        changedSomething || !source.lastChange
          ? { added: summary.added, updated: summary.updated, removed: summary.removed, at }
          : source.lastChange,
    });
    await recordSyncHistory(db, { sourceId, at, version: changes.version, ...summary });
  });
  return summary;
}
