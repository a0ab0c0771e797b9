import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../core/cache/applyChangeSet';
import { removeSource } from '../../../core/cache/removeSource';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { readSyncHistory, SYNC_HISTORY_LENGTH } from '../../../core/cache/syncHistory';
import type { ChangeSet } from '../../../core/model';
import { gitSource, ingested, openTestDatabase } from './testDatabase';

const SOURCE = 'team-runbooks';
let db: RunbookDatabase;

beforeEach(async () => {
  db = openTestDatabase();
  await db.sources.put(gitSource(SOURCE));
});

afterEach(async () => {
  await db.delete();
});

function changeSet(version: string, fields: Partial<ChangeSet> = {}): ChangeSet {
  return { sourceId: SOURCE, version, upserts: [], removed: [], renamed: [], ...fields };
}

const restart = (step: string) => ingested(SOURCE, 'ops/restart.md', `---\ntitle: Restart\n---\n# Restart\n\n${step}\n`);
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute));

describe('sync history and the last change', () => {
  it('keeps the last change that changed something when the next sync brings nothing', async () => {
    await applyChangeSet(db, changeSet('c1', { upserts: [restart('One.')] }), at(0));
    await applyChangeSet(db, changeSet('c2', { upserts: [restart('Two.')] }), at(1));
    await applyChangeSet(db, changeSet('c3'), at(2));
    const source = await db.sources.get(SOURCE);
    expect(source?.lastChange).toEqual({ added: 0, updated: 1, removed: 0, at: at(1).toISOString() });
    expect(source?.lastSyncAt).toBe(at(2).toISOString());
    expect(source?.version).toBe('c3');
  });

  it('records every sync, newest first, with its commit and counts', async () => {
    await applyChangeSet(db, changeSet('c1', { upserts: [restart('One.')] }), at(0));
    await applyChangeSet(db, changeSet('c2'), at(1));
    const history = await readSyncHistory(db, SOURCE);
    expect(history.map(({ version, added, updated, removed, at: when }) => ({ version, added, updated, removed, when }))).toEqual([
      { version: 'c2', added: 0, updated: 0, removed: 0, when: at(1).toISOString() },
      { version: 'c1', added: 1, updated: 0, removed: 0, when: at(0).toISOString() },
    ]);
  });

  it('keeps only the last 20 syncs of each source, and none of a removed source', async () => {
    await db.sources.put(gitSource('other'));
    await applyChangeSet(db, { ...changeSet('o1'), sourceId: 'other' }, at(0));
    for (let i = 0; i < SYNC_HISTORY_LENGTH + 5; i++) await applyChangeSet(db, changeSet(`c${i}`), at(i));
    const history = await readSyncHistory(db, SOURCE);
    expect(history).toHaveLength(SYNC_HISTORY_LENGTH);
    expect(history[0]!.version).toBe(`c${SYNC_HISTORY_LENGTH + 4}`);
    expect(history.at(-1)!.version).toBe('c5');
    expect(await readSyncHistory(db, 'other')).toHaveLength(1);
    await removeSource(db, SOURCE);
    expect(await readSyncHistory(db, SOURCE)).toEqual([]);
    expect(await readSyncHistory(db, 'other')).toHaveLength(1);
  });
});
