import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { HISTORY_LIMIT, recentlyOpened, recordOpened } from '../../../core/userdata/history';
import { openTestDatabase } from '../cache/testDatabase';

const SOURCE = 'team-runbooks';
let db: RunbookDatabase;
let clock: number;

beforeEach(() => {
  db = openTestDatabase();
  clock = Date.parse('2026-03-01T00:00:00.000Z');
});

afterEach(async () => {
  await db.delete();
});

/** Opens runbook `n` one minute after the previous open. */
async function open(n: number, sourceId = SOURCE) {
  clock += 60_000;
  await recordOpened(db, { sourceId, path: `rb-${n}.md`, title: `Runbook ${n}` }, new Date(clock));
}
const paths = async () => (await recentlyOpened(db)).map((e) => e.path);

describe('recently opened runbooks', () => {
  it('lists the newest first, with title and time', async () => {
    await open(1);
    await open(2);
    await open(3);
    expect(await paths()).toEqual(['rb-3.md', 'rb-2.md', 'rb-1.md']);
    expect((await recentlyOpened(db))[0]).toMatchObject({ sourceId: SOURCE, title: 'Runbook 3', openedAt: new Date(clock).toISOString() });
  });

  it('lists each runbook once, and reopening one moves it to the top', async () => {
    await open(1);
    await open(2);
    await open(3);
    await open(1);
    await open(1);
    expect(await paths()).toEqual(['rb-1.md', 'rb-3.md', 'rb-2.md']);
    expect(await db.history.count()).toBe(3);
  });

  it('keeps the same path of two sources as two entries', async () => {
    await open(1, 'a');
    await open(1, 'b');
    expect((await recentlyOpened(db)).map((e) => e.sourceId)).toEqual(['b', 'a']);
  });

  it('keeps only the last 20 of 25 distinct runbooks, in the table as well as in the list', async () => {
    for (let n = 1; n <= 25; n++) await open(n);
    const expected = Array.from({ length: HISTORY_LIMIT }, (_, i) => `rb-${25 - i}.md`);
    expect(HISTORY_LIMIT).toBe(20);
    expect(await paths()).toEqual(expected);
    expect(await db.history.count()).toBe(20);
  });

  it('keeps a reopened old runbook and drops the oldest other one when the list is full', async () => {
    for (let n = 1; n <= 20; n++) await open(n);
    await open(1);
    await open(21);
    const list = await paths();
    expect(list.slice(0, 2)).toEqual(['rb-21.md', 'rb-1.md']);
    expect(list).toHaveLength(20);
    expect(list).not.toContain('rb-2.md');
  });

  it('orders opens in the same millisecond by when they were recorded', async () => {
    const now = new Date('2026-03-01T12:00:00.000Z');
    for (const n of [1, 2, 3]) await recordOpened(db, { sourceId: SOURCE, path: `rb-${n}.md`, title: `${n}` }, now);
    expect(await paths()).toEqual(['rb-3.md', 'rb-2.md', 'rb-1.md']);
  });
});
