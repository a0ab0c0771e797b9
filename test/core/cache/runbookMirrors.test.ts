import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../core/cache/applyChangeSet';
import { toContactListRow } from '../../../core/cache/contactList';
import { toLibraryEntry } from '../../../core/cache/libraryEntry';
import { unpackContacts } from '../../../core/contacts/packContacts';
import { removeSource } from '../../../core/cache/removeSource';
import { toggleBookmark } from '../../../core/userdata/bookmarks';
import { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import type { ChangeSet, IngestResult } from '../../../core/model';
import { gitSource, ingested, openTestDatabase } from './testDatabase';

const SOURCE = 'team-runbooks';

function changeSet(fields: Partial<ChangeSet>): ChangeSet {
  return { sourceId: SOURCE, version: 'commit-1', upserts: [], removed: [], renamed: [], ...fields };
}

const restart = (version: string) =>
  ingested(
    SOURCE,
    'ops/restart.md',
    `---\ntitle: Restart (${version})\nsummary: Restart the API.\nstatus: draft\n---\n# Restart\n\n## Step\n\n[x](../db/failover.md)\n`,
  );
const failover = () => ingested(SOURCE, 'db/failover.md', '---\ntitle: Failover\n---\nPromote the replica.\n');

let db: RunbookDatabase;

beforeEach(async () => {
  db = openTestDatabase();
  await db.sources.put(gitSource(SOURCE));
});

afterEach(async () => {
  await db.delete();
});

/** The library table must always be the runbooks table seen through `toLibraryEntry`. */
async function expectInStep() {
  const runbooks = await db.runbooks.toArray();
  expect(await db.library.toArray()).toEqual(runbooks.map(toLibraryEntry));
}

describe('the library table', () => {
  it('holds only what a library row shows, never headings, links or contacts', async () => {
    await applyChangeSet(db, changeSet({ upserts: [restart('v1')] }));
    expect(await db.library.toArray()).toEqual([
      { sourceId: SOURCE, path: 'ops/restart.md', title: 'Restart (v1)', summary: 'Restart the API.', status: 'draft' },
    ]);
  });

  it('follows every sync: added, changed, renamed and removed runbooks, and change marks', async () => {
    await applyChangeSet(db, changeSet({ upserts: [restart('v1'), failover()] }));
    await expectInStep();
    await applyChangeSet(db, changeSet({ version: 'commit-2', upserts: [restart('v2')] }));
    expect((await db.library.get([SOURCE, 'ops/restart.md']))?.changeMark).toBe('updated');
    await expectInStep();
    const moved = ingested(SOURCE, 'db/failover-v2.md', '---\ntitle: Failover\n---\nPromote the replica.\n');
    await applyChangeSet(
      db,
      changeSet({ version: 'commit-3', upserts: [moved], renamed: [{ from: 'db/failover.md', to: 'db/failover-v2.md' }] }),
    );
    await expectInStep();
    await applyChangeSet(db, changeSet({ version: 'commit-4', removed: ['ops/restart.md'] }));
    await expectInStep();
    expect((await db.library.toArray()).map((e) => e.path)).toEqual(['db/failover-v2.md']);
  });

  it('loses a change mark when the runbook is opened (an update outside any sync)', async () => {
    await applyChangeSet(db, changeSet({ upserts: [failover()] }));
    await applyChangeSet(db, changeSet({ version: 'commit-2', upserts: [restart('v1')] }));
    expect((await db.library.get([SOURCE, 'ops/restart.md']))?.changeMark).toBe('added');
    await db.runbooks.update([SOURCE, 'ops/restart.md'], { changeMark: undefined });
    expect((await db.library.get([SOURCE, 'ops/restart.md']))?.changeMark).toBeUndefined();
    await expectInStep();
  });

  it('empties with its source, with a delete by index and with a clear', async () => {
    await applyChangeSet(db, changeSet({ upserts: [restart('v1'), failover()] }));
    await db.sources.put(gitSource('other'));
    await applyChangeSet(db, changeSet({ sourceId: 'other', upserts: [ingested('other', 'a.md', '# A\n')] }));
    await removeSource(db, SOURCE);
    await expectInStep();
    expect(await db.library.count()).toBe(1);
    await db.runbooks.where('sourceId').equals('other').delete();
    expect(await db.library.count()).toBe(0);
    await applyChangeSet(db, changeSet({ sourceId: 'other', version: 'commit-2', upserts: [ingested('other', 'b.md', '# B\n')] }));
    expect(await db.library.count()).toBe(1);
    await db.runbooks.clear();
    expect(await db.library.count()).toBe(0);
  });

  it('keeps nothing of a transaction that failed', async () => {
    await applyChangeSet(db, changeSet({ upserts: [failover()] }));
    const before = await db.library.toArray();
    await expect(
      db.transaction('rw', db.runbooks, async () => {
        await db.runbooks.delete([SOURCE, 'db/failover.md']);
        throw new Error('sync interrupted');
      }),
    ).rejects.toThrow('sync interrupted');
    expect(await db.library.toArray()).toEqual(before);
  });

  it('is filled from the runbooks already cached when an older cache is opened', async () => {
    const name = 'runbook-reader-library-upgrade';
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(4).stores({ runbooks: '[sourceId+path], sourceId, oid' });
    const result = failover();
    if (result.kind !== 'runbook') throw new Error('expected a runbook');
    await old.table('runbooks').put({ ...result.meta, cachedAt: '2026-01-01T00:00:00Z', changeMark: 'added' });
    old.close();

    const upgraded = new RunbookDatabase(name, { indexedDB, IDBKeyRange });
    try {
      expect(await upgraded.library.toArray()).toEqual([
        { sourceId: SOURCE, path: 'db/failover.md', title: 'Failover', changeMark: 'added' },
      ]);
    } finally {
      await upgraded.delete();
    }
  });
});

const oncall = (version: string) =>
  ingested(
    SOURCE,
    'ops/oncall.md',
    `---\ntitle: On-call (${version})\nlast_reviewed: 2026-01-10\n---\n# On-call\n\n## Emergency contacts\n\n- Operations Team: +1 (415) 555-0100\n- Security: security@example.com (${version})\n`,
  );

/** Contacts as ingest found them for each runbook written last. */
const contactsOf = (result: IngestResult) => (result.kind === 'runbook' ? result.meta.contacts : undefined);

/** The contacts panel's table must always hold a row for each cached runbook with contacts, those ingest last found in it. */
async function expectContactsInStep(latest: Map<string, IngestResult>) {
  const runbooks = await db.runbooks.toArray();
  const expected = runbooks
    .map((r) => toContactListRow({ ...r, contacts: contactsOf(latest.get(r.path)!) }))
    .filter((row) => row.contacts !== undefined);
  expect(await db.contactLists.toArray()).toEqual(expected);
}

describe('the contact lists table', () => {
  it('holds each runbook’s contacts as the ingest found them, which the runbook row the reader reads leaves out', async () => {
    const found = oncall('v1');
    await applyChangeSet(db, changeSet({ upserts: [found, failover()] }));
    const cached = await db.runbooks.get([SOURCE, 'ops/oncall.md']);
    const row = await db.contactLists.get([SOURCE, 'ops/oncall.md']);
    expect(unpackContacts(row?.contacts).map((c) => c.value)).toEqual(['+1 (415) 555-0100', 'security@example.com']);
    expect(unpackContacts(row?.contacts)).toEqual(contactsOf(found));
    expect(Object.keys(row ?? {}).sort()).toEqual(['contacts', 'path', 'sourceId']);
    expect(cached?.contacts).toBeUndefined();
    expect(cached?.contactsApart).toBe(true);
    expect(cached?.title).toBe('On-call (v1)');
    // A runbook without contacts has no row: the panel has nothing to read for it.
    expect(await db.contactLists.get([SOURCE, 'db/failover.md'])).toBeUndefined();
  });

  it('drops the row of a runbook whose contacts are gone, and of one an earlier cache kept empty', async () => {
    const latest = new Map<string, IngestResult>([
      ['ops/oncall.md', oncall('v1')],
      ['db/failover.md', failover()],
    ]);
    await applyChangeSet(db, changeSet({ upserts: [...latest.values()] }));
    // Earlier caches held a row for every runbook, contacts or not.
    await db.transaction('rw', db.contactLists, () => db.contactLists.put({ sourceId: SOURCE, path: 'db/failover.md' }));
    latest.set('ops/oncall.md', ingested(SOURCE, 'ops/oncall.md', '---\ntitle: On-call\n---\n# On-call\n\nAsk in the channel.\n'));
    latest.set('db/failover.md', ingested(SOURCE, 'db/failover.md', '---\ntitle: Failover\n---\nPromote the replica now.\n'));
    await applyChangeSet(db, changeSet({ version: 'commit-2', upserts: [...latest.values()] }));
    expect(await db.contactLists.count()).toBe(0);
    await expectContactsInStep(latest);
  });

  it('writes no rows for a first sync of runbooks without contacts', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ingested(SOURCE, `notes/n${i}.md`, `# Note ${i}\n\nNothing to call.\n`));
    await applyChangeSet(db, changeSet({ upserts: [...many, oncall('v1')] }));
    expect((await db.contactLists.toArray()).map((row) => row.path)).toEqual(['ops/oncall.md']);
    expect(await db.library.count()).toBe(51);
  });

  it('follows every sync, change mark and removal', async () => {
    const latest = new Map<string, IngestResult>([
      ['ops/oncall.md', oncall('v1')],
      ['db/failover.md', failover()],
    ]);
    await toggleBookmark(db, { sourceId: SOURCE, path: 'ops/oncall.md', label: 'On-call' }, new Date('2026-01-01T00:00:00Z'));
    await applyChangeSet(db, changeSet({ upserts: [...latest.values()] }));
    latest.set('ops/oncall.md', oncall('v2'));
    await applyChangeSet(db, changeSet({ version: 'commit-2', upserts: [latest.get('ops/oncall.md')!] }));
    await expectContactsInStep(latest);
    const notes = unpackContacts((await db.contactLists.get([SOURCE, 'ops/oncall.md']))?.contacts).map((c) => c.note);
    expect(notes).toContain('v2');
    // Clearing a change mark rewrites the whole runbook row, read back without its contacts: they must stay.
    await db.runbooks.update([SOURCE, 'ops/oncall.md'], { changeMark: undefined });
    expect(unpackContacts((await db.contactLists.get([SOURCE, 'ops/oncall.md']))?.contacts)).toHaveLength(2);
    await expectContactsInStep(latest);
    // Removed upstream but bookmarked: the row is kept, marked removed, and so are its contacts.
    await applyChangeSet(db, changeSet({ version: 'commit-3', removed: ['ops/oncall.md'] }));
    const kept = await db.contactLists.get([SOURCE, 'ops/oncall.md']);
    expect(kept?.removedFromSource).toBeDefined();
    expect(unpackContacts(kept?.contacts)).toHaveLength(2);
    await expectContactsInStep(latest);
    await removeSource(db, SOURCE);
    expect(await db.contactLists.count()).toBe(0);
  });

  it('takes the contacts and links out of the runbook rows of a version 8 cache, keeping the contacts in the contacts panel', async () => {
    const name = 'runbook-reader-contacts-apart';
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(8).stores({
      runbooks: '[sourceId+path], sourceId, oid',
      library: '[sourceId+path], sourceId, *alertKeys',
      contactLists: '[sourceId+path], sourceId',
    });
    const result = oncall('v1');
    if (result.kind !== 'runbook') throw new Error('expected a runbook');
    const row = { ...result.meta, cachedAt: '2026-01-01T00:00:00Z' };
    await old.table('runbooks').put(row);
    await old.table('contactLists').put(toContactListRow(row));
    old.close();

    const upgraded = new RunbookDatabase(name, { indexedDB, IDBKeyRange });
    try {
      const cached = await upgraded.runbooks.get([SOURCE, 'ops/oncall.md']);
      expect(cached?.contacts).toBeUndefined();
      expect(cached && 'links' in cached).toBe(false);
      expect(cached?.title).toBe('On-call (v1)');
      const list = await upgraded.contactLists.get([SOURCE, 'ops/oncall.md']);
      expect(unpackContacts(list?.contacts)).toEqual(result.meta.contacts);
      expect(result.meta.contacts).toHaveLength(2);
    } finally {
      await upgraded.delete();
    }
  });

  it('is filled from the runbooks already cached when a version 7 cache is opened', async () => {
    const name = 'runbook-reader-contacts-upgrade';
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(7).stores({ runbooks: '[sourceId+path], sourceId, oid', library: '[sourceId+path], sourceId, *alertKeys' });
    const result = oncall('v1');
    if (result.kind !== 'runbook') throw new Error('expected a runbook');
    await old.table('runbooks').put({ ...result.meta, cachedAt: '2026-01-01T00:00:00Z' });
    old.close();

    const upgraded = new RunbookDatabase(name, { indexedDB, IDBKeyRange });
    try {
      const row = await upgraded.contactLists.get([SOURCE, 'ops/oncall.md']);
      expect(unpackContacts(row?.contacts)).toEqual(result.meta.contacts);
      expect(result.meta.contacts).toHaveLength(2);
    } finally {
      await upgraded.delete();
    }
  });
});
