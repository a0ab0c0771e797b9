import type { ReadCopy, ReadVersion, RunbookDatabase } from '../cache/runbookDatabase';

export type { ReadCopy, ReadVersion };

/**
 * Remembers that the reader saw this version of a runbook. Seeing a new version keeps the one seen before
 * as `previous`, so "What changed" can compare them without fetching anything; seeing the same version
 * again changes nothing but the time.
 */
export async function recordRead(
  db: RunbookDatabase,
  sourceId: string,
  path: string,
  version: ReadVersion,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.readCopies, async () => {
    const row = await db.readCopies.get([sourceId, path]);
    const readAt = now.toISOString();
    if (row && row.current.oid === version.oid) {
      await db.readCopies.update([sourceId, path], { readAt });
      return;
    }
    await db.readCopies.put({ sourceId, path, current: version, previous: row?.current, readAt });
  });
}

export async function readReadCopy(db: RunbookDatabase, sourceId: string, path: string): Promise<ReadCopy | undefined> {
  return db.readCopies.get([sourceId, path]);
}

/** The earlier version "What changed" compares `oid` with: the one read before it, when there was one. */
export function versionReadBefore(copy: ReadCopy | undefined, oid: string): ReadVersion | undefined {
  if (!copy) return undefined;
  if (copy.current.oid === oid) return copy.previous;
  // The version on screen is newer than the last one recorded (the record is being written).
  return copy.current;
}
