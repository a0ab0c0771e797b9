import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../core/cache/applyChangeSet';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import type { ChangeSet, IngestResult } from '../../../core/model';
import { bookmarkOf, dumpDatabase, gitSource, ingested, ingestedNotUtf8, openTestDatabase } from './testDatabase';

const SOURCE = 'team-runbooks';
const T1 = new Date('2026-03-01T10:00:00.000Z');
const T2 = new Date('2026-03-02T10:00:00.000Z');

function changeSet(fields: Partial<ChangeSet>): ChangeSet {
  return { sourceId: SOURCE, version: 'commit-1', upserts: [], removed: [], renamed: [], ...fields };
}

const restart = (version = 'v1') =>
  ingested(SOURCE, 'ops/restart.md', `---\ntitle: Restart (${version})\n---\n# Restart\n\nStep ${version}.\n`);
const failover = () => ingested(SOURCE, 'db/failover.md', '---\ntitle: Failover\n---\nPromote the replica.\n');
const diagram = () => ingestedNotUtf8(SOURCE, 'ops/legacy.md');

let db: RunbookDatabase;

beforeEach(async () => {
  db = openTestDatabase();
  await db.sources.put(gitSource(SOURCE));
});

afterEach(async () => {
  await db.delete();
});

async function firstSync() {
  return applyChangeSet(db, changeSet({ version: 'commit-1', upserts: [restart(), failover(), diagram()] }), T1);
}

describe('applyChangeSet: writing a change set', () => {
  it('writes metadata, bodies and skipped files for a first sync, and records the version', async () => {
    const summary = await firstSync();
    expect(summary).toEqual({ added: 2, updated: 0, removed: 0, renamed: 0, skipped: 1 });

    const runbooks = await db.runbooks.where('sourceId').equals(SOURCE).toArray();
    expect(runbooks.map((r) => r.path).sort()).toEqual(['db/failover.md', 'ops/restart.md']);
    for (const r of runbooks) expect(r.cachedAt).toBe(T1.toISOString());
    const body = await db.bodies.get([SOURCE, 'ops/restart.md']);
    expect(body?.markdown).toBe('# Restart\n\nStep v1.\n');
    expect(await db.skipped.get([SOURCE, 'ops/legacy.md'])).toMatchObject({ reason: 'not-utf8' });

    expect(await db.sources.get(SOURCE)).toMatchObject({
      version: 'commit-1',
      lastSyncAt: T1.toISOString(),
      lastChange: { added: 2, updated: 0, removed: 0, at: T1.toISOString() },
    });
  });

  it('keeps what the reader shows of a runbook, but not its links, which nothing reads back from the cache', async () => {
    const linking = ingested(SOURCE, 'ops/links.md', '# Links\n\nSee [failover](../db/failover.md) and [docs](https://example.com).\n');
    if (linking.kind !== 'runbook') throw new Error('expected a runbook');
    expect(linking.meta.links).toHaveLength(2);
    await applyChangeSet(db, changeSet({ upserts: [linking] }), T1);
    const cached = await db.runbooks.get([SOURCE, 'ops/links.md']);
    expect(cached?.title).toBe('Links');
    expect(cached?.headings.map((h) => h.text)).toEqual(['Links']);
    expect(cached && 'links' in cached).toBe(false);
  });

  it('does not mark anything as new on the first load of a source', async () => {
    await firstSync();
    for (const r of await db.runbooks.toArray()) expect(r.changeMark).toBeUndefined();
  });

  it('counts and marks what a later sync added, changed and removed, and leaves the rest alone', async () => {
    await firstSync();
    const failoverBefore = await db.runbooks.get([SOURCE, 'db/failover.md']);
    const summary = await applyChangeSet(
      db,
      changeSet({
        version: 'commit-2',
        upserts: [restart('v2'), ingested(SOURCE, 'net/dns.md', '# DNS\n')],
        removed: ['ops/legacy.md', 'never/existed.md'],
      }),
      T2,
    );
    expect(summary).toEqual({ added: 1, updated: 1, removed: 0, renamed: 0, skipped: 0 });
    expect(await db.runbooks.get([SOURCE, 'ops/restart.md'])).toMatchObject({ title: 'Restart (v2)', changeMark: 'updated' });
    expect((await db.bodies.get([SOURCE, 'ops/restart.md']))?.markdown).toContain('Step v2.');
    expect(await db.runbooks.get([SOURCE, 'net/dns.md'])).toMatchObject({ changeMark: 'added' });
    expect(await db.runbooks.get([SOURCE, 'db/failover.md'])).toEqual(failoverBefore);
    expect(await db.skipped.get([SOURCE, 'ops/legacy.md'])).toBeUndefined();
    expect(await db.sources.get(SOURCE)).toMatchObject({ version: 'commit-2', lastChange: { added: 1, updated: 1, removed: 0 } });
  });

  it('keeps a change mark through later syncs that do not touch the runbook, until it is opened', async () => {
    await firstSync();
    await applyChangeSet(db, changeSet({ version: 'commit-2', upserts: [restart('v2')] }), T2);
    // A sync that brings nothing, then one that changes only another runbook.
    await applyChangeSet(db, changeSet({ version: 'commit-3' }), new Date('2026-03-03T10:00:00.000Z'));
    await applyChangeSet(db, changeSet({ version: 'commit-4', upserts: [failover()] }), new Date('2026-03-04T10:00:00.000Z'));
    await applyChangeSet(
      db,
      changeSet({ version: 'commit-5', upserts: [ingested(SOURCE, 'db/failover.md', '# Failover\n\nPromote the replica, then check.\n')] }),
      new Date('2026-03-05T10:00:00.000Z'),
    );
    expect((await db.runbooks.get([SOURCE, 'ops/restart.md']))?.changeMark).toBe('updated');
    expect((await db.library.get([SOURCE, 'ops/restart.md']))?.changeMark).toBe('updated');
  });

  it('removes a runbook with its body and counts it', async () => {
    await firstSync();
    const summary = await applyChangeSet(db, changeSet({ version: 'commit-2', removed: ['db/failover.md'] }), T2);
    expect(summary.removed).toBe(1);
    expect(await db.runbooks.get([SOURCE, 'db/failover.md'])).toBeUndefined();
    expect(await db.bodies.get([SOURCE, 'db/failover.md'])).toBeUndefined();
  });

  it('moves a renamed runbook to its new path without calling it new or changed', async () => {
    await firstSync();
    const moved = ingested(SOURCE, 'runbooks/restart.md', `---\ntitle: Restart (v1)\n---\n# Restart\n\nStep v1.\n`);
    const summary = await applyChangeSet(
      db,
      changeSet({ version: 'commit-2', upserts: [moved], renamed: [{ from: 'ops/restart.md', to: 'runbooks/restart.md' }] }),
      T2,
    );
    expect(summary).toEqual({ added: 0, updated: 0, removed: 0, renamed: 1, skipped: 0 });
    expect(await db.runbooks.get([SOURCE, 'ops/restart.md'])).toBeUndefined();
    expect(await db.bodies.get([SOURCE, 'ops/restart.md'])).toBeUndefined();
    const at = await db.runbooks.get([SOURCE, 'runbooks/restart.md']);
    expect(at).toMatchObject({ title: 'Restart (v1)', path: 'runbooks/restart.md' });
    expect(at?.changeMark).toBeUndefined();
    expect((await db.bodies.get([SOURCE, 'runbooks/restart.md']))?.markdown).toBe('# Restart\n\nStep v1.\n');
  });

  it('replaces a runbook by a skip and a skip by a runbook at the same path', async () => {
    await firstSync();
    await applyChangeSet(
      db,
      changeSet({
        version: 'commit-2',
        upserts: [ingestedNotUtf8(SOURCE, 'ops/restart.md'), ingested(SOURCE, 'ops/legacy.md', '# Legacy, now UTF-8\n')],
      }),
      T2,
    );
    expect(await db.runbooks.get([SOURCE, 'ops/restart.md'])).toBeUndefined();
    expect(await db.bodies.get([SOURCE, 'ops/restart.md'])).toBeUndefined();
    expect(await db.skipped.get([SOURCE, 'ops/restart.md'])).toMatchObject({ reason: 'not-utf8' });
    expect(await db.skipped.get([SOURCE, 'ops/legacy.md'])).toBeUndefined();
    expect(await db.runbooks.get([SOURCE, 'ops/legacy.md'])).toMatchObject({ title: 'Legacy, now UTF-8' });
  });

  it('stores rows under the change set source, whatever the ingest record says', async () => {
    const other = ingested('somewhere-else', 'a.md', '# A\n');
    await applyChangeSet(db, changeSet({ upserts: [other] }), T1);
    expect(await db.runbooks.get([SOURCE, 'a.md'])).toMatchObject({ sourceId: SOURCE });
    expect(await db.bodies.get([SOURCE, 'a.md'])).toMatchObject({ sourceId: SOURCE });
    expect(await db.runbooks.get(['somewhere-else', 'a.md'])).toBeUndefined();
  });

  it('never touches another source that has the same paths', async () => {
    await db.sources.put(gitSource('other'));
    await applyChangeSet(
      db,
      changeSet({ sourceId: 'other', version: 'o1', upserts: [ingested('other', 'db/failover.md', '# Theirs\n')] }),
      T1,
    );
    const otherBefore = await dumpDatabase(db);
    await firstSync();
    await applyChangeSet(db, changeSet({ version: 'commit-2', removed: ['db/failover.md'] }), T2);
    expect(await db.runbooks.get(['other', 'db/failover.md'])).toEqual(otherBefore.runbooks![0]);
    expect(await db.sources.get('other')).toEqual(otherBefore.sources!.find((s) => (s as { id: string }).id === 'other'));
  });
});

describe('applyChangeSet: all or nothing', () => {
  it('refuses a change set for an unknown source and changes nothing', async () => {
    await firstSync();
    const before = await dumpDatabase(db);
    await expect(applyChangeSet(db, changeSet({ sourceId: 'ghost', upserts: [restart('v9')] }), T2)).rejects.toThrow(
      /Unknown source "ghost"/,
    );
    expect(await dumpDatabase(db)).toEqual(before);
  });

  // Each bad change set does real work (removals, an upsert) before the row that makes IndexedDB fail.
  const badChangeSets: Record<string, () => ChangeSet> = {
    'a row that cannot be stored (a function in its metadata)': () => {
      const bad = ingested(SOURCE, 'ops/bad.md', '# Bad\n');
      if (bad.kind === 'runbook') bad.meta.extra = { callback: () => 'not cloneable' };
      return changeSet({ version: 'commit-2', removed: ['db/failover.md'], upserts: [restart('v2'), bad] });
    },
    'a row without a valid key (no path)': () => {
      const bad = ingested(SOURCE, 'ops/bad.md', '# Bad\n') as Extract<IngestResult, { kind: 'runbook' }>;
      (bad.meta as { path?: string | undefined }).path = undefined;
      return changeSet({ version: 'commit-2', removed: ['db/failover.md'], upserts: [restart('v2'), bad] });
    },
    'a removal with an invalid path': () =>
      changeSet({
        version: 'commit-2',
        renamed: [{ from: 'ops/restart.md', to: 'x/restart.md' }],
        removed: ['ops/legacy.md', null as unknown as string],
      }),
  };
  for (const [name, make] of Object.entries(badChangeSets)) {
    it(`leaves the cache exactly as it was when a change set fails mid-way: ${name}`, async () => {
      await firstSync();
      await db.bookmarks.put(bookmarkOf(SOURCE, 'db/failover.md'));
      const before = await dumpDatabase(db);
      await expect(applyChangeSet(db, make(), T2)).rejects.toThrow();
      expect(await dumpDatabase(db)).toEqual(before);
      // And the cache still works afterwards: the next good sync goes through.
      await expect(applyChangeSet(db, changeSet({ version: 'commit-3', upserts: [restart('v3')] }), T2)).resolves.toMatchObject({
        updated: 1,
      });
    });
  }
});

describe('applyChangeSet: user data', () => {
  async function addUserData(path: string) {
    await db.bookmarks.put(bookmarkOf(SOURCE, path, { label: 'Failover' }));
    await db.checklists.put({ sourceId: SOURCE, path, done: ['step-1', 'step-2'], updatedAt: '2026-02-01T00:00:00Z' });
    await db.history.add({ sourceId: SOURCE, path, title: 'Failover', openedAt: '2026-02-02T00:00:00Z' });
    await db.settings.put({ key: 'theme', value: 'dark' });
  }
  const userTables = async () => ({
    bookmarks: await db.bookmarks.toArray(),
    checklists: await db.checklists.toArray(),
    history: await db.history.toArray(),
    settings: await db.settings.toArray(),
  });

  it('never deletes or changes bookmarks, checklists, history or settings when a sync removes their runbook', async () => {
    await firstSync();
    await addUserData('db/failover.md');
    const before = await userTables();
    await applyChangeSet(db, changeSet({ version: 'commit-2', removed: ['db/failover.md'] }), T2);
    expect(await userTables()).toEqual(before);
  });

  it('loses no user row when their runbook is renamed', async () => {
    await firstSync();
    await addUserData('ops/restart.md');
    const before = await userTables();
    const renamedAway = ingested(SOURCE, 'ops/restart-api.md', `---\ntitle: Restart (v1)\n---\n# Restart\n\nStep v1.\n`);
    await applyChangeSet(
      db,
      changeSet({ version: 'commit-2', upserts: [renamedAway], renamed: [{ from: 'ops/restart.md', to: 'ops/restart-api.md' }] }),
      T2,
    );
    const after = await userTables();
    expect(after.bookmarks).toHaveLength(before.bookmarks.length);
    expect(after.checklists.map((c) => c.done)).toEqual(before.checklists.map((c) => c.done));
    expect(after.history).toHaveLength(before.history.length);
    expect(after.settings).toEqual(before.settings);
  });
});
