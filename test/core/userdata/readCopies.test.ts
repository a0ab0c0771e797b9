import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { readReadCopy, recordRead, versionReadBefore } from '../../../core/userdata/readCopies';
import { openTestDatabase } from '../cache/testDatabase';

const SOURCE = 'team-runbooks';
const PATH = 'ops/restart.md';
let db: RunbookDatabase;

beforeEach(() => {
  db = openTestDatabase();
});
afterEach(async () => {
  await db.delete();
});

const v = (n: number) => ({ oid: `oid-${n}`, commit: `commit-${n}`, cachedAt: `2026-03-0${n}T10:00:00.000Z`, markdown: `Step ${n}.\n` });

describe('the copies kept for "What changed"', () => {
  it('keeps the version read before when a newer one is read, and nothing older', async () => {
    await recordRead(db, SOURCE, PATH, v(1));
    expect(versionReadBefore(await readReadCopy(db, SOURCE, PATH), 'oid-1')).toBeUndefined();
    await recordRead(db, SOURCE, PATH, v(2));
    await recordRead(db, SOURCE, PATH, v(3));
    const copy = await readReadCopy(db, SOURCE, PATH);
    expect(copy?.current).toEqual(v(3));
    expect(copy?.previous).toEqual(v(2));
    expect(versionReadBefore(copy, 'oid-3')).toEqual(v(2));
  });

  it('reading the same version again keeps what it is compared with', async () => {
    await recordRead(db, SOURCE, PATH, v(1));
    await recordRead(db, SOURCE, PATH, v(2), new Date('2026-03-05T00:00:00.000Z'));
    await recordRead(db, SOURCE, PATH, v(2), new Date('2026-03-06T00:00:00.000Z'));
    const copy = await readReadCopy(db, SOURCE, PATH);
    expect(copy?.previous).toEqual(v(1));
    expect(copy?.readAt).toBe('2026-03-06T00:00:00.000Z');
  });

  it('compares a version not yet recorded with the last one read', async () => {
    await recordRead(db, SOURCE, PATH, v(1));
    expect(versionReadBefore(await readReadCopy(db, SOURCE, PATH), 'oid-2')).toEqual(v(1));
  });
});
