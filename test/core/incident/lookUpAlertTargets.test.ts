import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyChangeSet } from '../../../core/cache/applyChangeSet';
import { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { lookUpAlertTargets } from '../../../core/incident/lookUpAlertTargets';
import type { ChangeSet, IngestResult } from '../../../core/model';
import { gitSource, ingested, openTestDatabase } from '../cache/testDatabase';

const ban = (sourceId: string, alerts = 'alerts:\n  HighBanSyncLag: "#ban-sync-lag"\n  QueueBacklog: ""\n') =>
  ingested(sourceId, 'ops/ban.md', `---\ntitle: Ban sync\n${alerts}---\n# Ban sync\n\n## Ban sync lag\n\nText.\n`);
const plain = (sourceId: string, i: number) => ingested(sourceId, `ops/other-${i}.md`, `---\ntitle: Other ${i}\n---\n# Other ${i}\n`);

function changeSet(sourceId: string, upserts: IngestResult[], version = 'v1'): ChangeSet {
  return { sourceId, version, upserts, removed: [], renamed: [] };
}

let db: RunbookDatabase;

beforeEach(async () => {
  db = openTestDatabase();
  await db.sources.bulkPut([gitSource('team'), { id: 'bundled', kind: 'bundled', name: 'Bundled runbooks' }]);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('lookUpAlertTargets (the alertKeys index of the library table)', () => {
  it('finds the runbooks mapping an alert, team copy first, and reads only their records', async () => {
    await applyChangeSet(db, changeSet('team', [ban('team'), ...Array.from({ length: 50 }, (_, i) => plain('team', i))]));
    await applyChangeSet(db, changeSet('bundled', [ban('bundled')]));
    const readAll = vi.spyOn(db.runbooks, 'toArray');
    const bulkGet = vi.spyOn(db.runbooks, 'bulkGet');

    expect(await lookUpAlertTargets(db, 'HighBanSyncLag')).toEqual([
      { sourceId: 'team', path: 'ops/ban.md', title: 'Ban sync', anchor: 'ban-sync-lag' },
      { sourceId: 'bundled', path: 'ops/ban.md', title: 'Ban sync', anchor: 'ban-sync-lag' },
    ]);
    expect(readAll).not.toHaveBeenCalled();
    expect(bulkGet).toHaveBeenCalledTimes(1);
    expect(bulkGet.mock.calls[0]![0]).toHaveLength(2);
  });

  it('finds an alert typed in another case, and nothing for an unknown or empty name', async () => {
    await applyChangeSet(db, changeSet('team', [ban('team')]));
    expect((await lookUpAlertTargets(db, 'highbansynclag')).map((t) => t.path)).toEqual(['ops/ban.md']);
    expect(await lookUpAlertTargets(db, 'NoSuchAlert')).toEqual([]);
    expect(await lookUpAlertTargets(db, '  ')).toEqual([]);
  });

  it('follows syncs: a mapping removed upstream is no longer found, a runbook removed is gone', async () => {
    await applyChangeSet(db, changeSet('team', [ban('team')]));
    await applyChangeSet(db, changeSet('team', [ban('team', 'alerts: [QueueBacklog]\n')], 'v2'));
    expect(await lookUpAlertTargets(db, 'HighBanSyncLag')).toEqual([]);
    expect((await lookUpAlertTargets(db, 'QueueBacklog')).map((t) => t.sourceId)).toEqual(['team']);
    await applyChangeSet(db, { ...changeSet('team', [], 'v3'), removed: ['ops/ban.md'] });
    expect(await lookUpAlertTargets(db, 'QueueBacklog')).toEqual([]);
  });

  it('is filled from the runbooks already cached when a version 6 cache is opened', async () => {
    const name = 'runbook-reader-alert-index-upgrade';
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(6).stores({ runbooks: '[sourceId+path], sourceId, oid', library: '[sourceId+path], sourceId' });
    const result = ban('team');
    if (result.kind !== 'runbook') throw new Error('expected a runbook');
    await old.table('runbooks').put({ ...result.meta, cachedAt: '2026-12-01T00:00:00Z' });
    await old.table('library').put({ sourceId: 'team', path: 'ops/ban.md', title: 'Ban sync' });
    old.close();

    const upgraded = new RunbookDatabase(name, { indexedDB, IDBKeyRange });
    try {
      expect((await lookUpAlertTargets(upgraded, 'QueueBacklog')).map((t) => t.path)).toEqual(['ops/ban.md']);
    } finally {
      await upgraded.delete();
    }
  });
});
