import { describe, expect, it, vi } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { seedBundledSource } from '../../../core/cache/seedBundledSource';
import { INGEST_VERSION, ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { BUNDLED_SOURCE_ID } from '../../../core/model';
import { snapshotBundledFiles, type BundledFile } from '../../../core/sources/bundledChangeSet';
import { bundledFile as file, useFreshCachePerTest } from '../sources/support/bundledSeedTest';
import { dumpDatabase } from './testDatabase';

// Count the files parsed: the real ingest, wrapped in a spy.
vi.mock('../../../core/ingest/ingestRunbook', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../core/ingest/ingestRunbook')>();
  return { ...real, ingestRunbook: vi.fn(real.ingestRunbook) };
});
const ingestSpy = vi.mocked(ingestRunbook);
const parsedPaths = () => ingestSpy.mock.calls.map(([, file]) => file.path).sort();

const shippedV1: BundledFile[] = [
  file('database-failover.md', '---\ntitle: Database failover\nowner: dba\n---\n# Failover\n'),
  file('hpa-scaling.md', '---\ntitle: HPA scaling\n---\nScale out.\n'),
  file('moderation-rollback.md', '# Moderation rollback\n'),
  { path: 'diagram.md', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]) },
];

let db: RunbookDatabase;
useFreshCachePerTest((opened) => {
  db = opened;
  ingestSpy.mockClear();
});

describe('seedBundledSource', () => {
  it('fills an empty cache on first start, without marking anything as new', async () => {
    const summary = await seedBundledSource(db, snapshotBundledFiles(shippedV1));
    expect(summary).toMatchObject({ added: 3, updated: 0, removed: 0, skipped: 1 });
    expect(parsedPaths()).toEqual(shippedV1.map((f) => f.path).sort());

    const source = await db.sources.get(BUNDLED_SOURCE_ID);
    expect(source).toMatchObject({ id: BUNDLED_SOURCE_ID, kind: 'bundled', version: snapshotBundledFiles(shippedV1).version });
    const runbooks = await db.runbooks.where('sourceId').equals(BUNDLED_SOURCE_ID).toArray();
    expect(runbooks.map((r) => r.title).sort()).toEqual(['Database failover', 'HPA scaling', 'Moderation rollback']);
    for (const r of runbooks) expect(r.changeMark).toBeUndefined();
    expect(await db.skipped.get([BUNDLED_SOURCE_ID, 'diagram.md'])).toMatchObject({ reason: 'binary' });
  });

  it('parses nothing and changes nothing on a second start with the same bundle', async () => {
    await seedBundledSource(db, snapshotBundledFiles(shippedV1));
    const before = await dumpDatabase(db);
    ingestSpy.mockClear();

    expect(await seedBundledSource(db, snapshotBundledFiles(shippedV1))).toBeUndefined();
    expect(ingestSpy).not.toHaveBeenCalled();
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('parses only the changed file after an app update, and marks it as updated', async () => {
    await seedBundledSource(db, snapshotBundledFiles(shippedV1));
    const untouchedBefore = await db.runbooks.get([BUNDLED_SOURCE_ID, 'hpa-scaling.md']);
    ingestSpy.mockClear();

    const shippedV2 = shippedV1.map((f) =>
      f.path === 'database-failover.md' ? file(f.path, '---\ntitle: Database failover (v2)\nowner: dba\n---\n# Failover\n') : f,
    );
    const summary = await seedBundledSource(db, snapshotBundledFiles(shippedV2));

    expect(parsedPaths()).toEqual(['database-failover.md']);
    expect(summary).toMatchObject({ added: 0, updated: 1, removed: 0, skipped: 0 });
    expect(await db.runbooks.get([BUNDLED_SOURCE_ID, 'database-failover.md'])).toMatchObject({
      title: 'Database failover (v2)',
      changeMark: 'updated',
    });
    expect(await db.runbooks.get([BUNDLED_SOURCE_ID, 'hpa-scaling.md'])).toEqual(untouchedBefore);
    expect((await db.sources.get(BUNDLED_SOURCE_ID))?.version).toBe(snapshotBundledFiles(shippedV2).version);
  });

  it('re-reads every file, without marking any as updated, when the cache was written by an older ingest', async () => {
    await seedBundledSource(db, snapshotBundledFiles(shippedV1));
    // What an app from before the current INGEST_VERSION left behind: same bundle, older records.
    await db.sources.update(BUNDLED_SOURCE_ID, { ingestVersion: INGEST_VERSION - 1 });
    await db.runbooks.update([BUNDLED_SOURCE_ID, 'hpa-scaling.md'], { title: 'stale title from an older ingest' });
    ingestSpy.mockClear();

    const summary = await seedBundledSource(db, snapshotBundledFiles(shippedV1));

    expect(parsedPaths()).toEqual(shippedV1.map((f) => f.path).sort());
    expect(summary).toMatchObject({ added: 0, updated: 0, removed: 0 });
    const hpa = await db.runbooks.get([BUNDLED_SOURCE_ID, 'hpa-scaling.md']);
    expect(hpa?.title).toBe('HPA scaling');
    expect(hpa?.changeMark).toBeUndefined();
    expect((await db.sources.get(BUNDLED_SOURCE_ID))?.ingestVersion).toBe(INGEST_VERSION);
  });

  it('follows files removed and renamed between builds', async () => {
    await seedBundledSource(db, snapshotBundledFiles(shippedV1));
    ingestSpy.mockClear();

    const shippedV3 = shippedV1
      .filter((f) => f.path !== 'hpa-scaling.md')
      .map((f) => (f.path === 'moderation-rollback.md' ? { ...f, path: 'moderation/rollback.md' } : f));
    const summary = await seedBundledSource(db, snapshotBundledFiles(shippedV3));

    expect(summary).toMatchObject({ removed: 1, renamed: 1, added: 0, updated: 0 });
    expect(parsedPaths()).toEqual(['moderation/rollback.md']);
    const paths = (await db.runbooks.where('sourceId').equals(BUNDLED_SOURCE_ID).toArray()).map((r) => r.path).sort();
    expect(paths).toEqual(['database-failover.md', 'moderation/rollback.md']);
  });

  it('keeps what the user set on the bundled source (hidden) across an update', async () => {
    await seedBundledSource(db, snapshotBundledFiles(shippedV1));
    await db.sources.update(BUNDLED_SOURCE_ID, { hidden: true });
    await seedBundledSource(db, snapshotBundledFiles([...shippedV1, file('new.md', '# New\n')]));
    expect(await db.sources.get(BUNDLED_SOURCE_ID)).toMatchObject({ hidden: true, kind: 'bundled' });
  });
});
