import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { bundledSourceIsCurrent, seedBundledSource } from '../../../core/cache/seedBundledSource';
import { INGEST_VERSION, ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { BUNDLED_SOURCE_ID } from '../../../core/model';
import { bundledChangeSet, snapshotBundledFiles, type BundledFile } from '../../../core/sources/bundledChangeSet';
import { preIngestBundle, snapshotOfPreIngested, type PreIngestedBundle } from '../../../core/sources/preIngestedBundle';
import { dumpDatabase, openTestDatabase } from '../cache/testDatabase';
import { bundledFile, useFreshCachePerTest } from './support/bundledSeedTest';

vi.mock('../../../core/ingest/ingestRunbook', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../core/ingest/ingestRunbook')>();
  return { ...real, ingestRunbook: vi.fn(real.ingestRunbook) };
});
const ingestSpy = vi.mocked(ingestRunbook);

const RUNBOOKS_DIR = fileURLToPath(new URL('../../../runbooks', import.meta.url));

/** The shipped folder as the build reads it. */
function shippedTexts(dir = RUNBOOKS_DIR): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) return shippedTexts(file);
    if (!entry.isFile() || !/\.(md|markdown)$/i.test(entry.name)) return [];
    return [{ path: relative(RUNBOOKS_DIR, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }];
  });
}

/** What the page receives: the build inlines the bundle as a JSON string. */
const asShipped = (bundle: PreIngestedBundle): PreIngestedBundle => JSON.parse(JSON.stringify(bundle)) as PreIngestedBundle;

const freshFiles = (): BundledFile[] => shippedTexts().map((f) => bundledFile(f.path, f.text));

let db: RunbookDatabase;
useFreshCachePerTest((opened) => {
  db = opened;
  ingestSpy.mockClear();
});

describe('preIngestBundle (the bundled runbooks, ingested at build time)', () => {
  it('ships exactly what a fresh ingest of runbooks/ gives, after the trip through JSON', () => {
    const shipped = snapshotOfPreIngested(asShipped(preIngestBundle(shippedTexts())));
    const fresh = snapshotBundledFiles(freshFiles());
    expect(shipped.version).toBe(fresh.version);
    expect(shipped.entries.map((e) => [e.path, e.oid])).toEqual(fresh.entries.map((e) => [e.path, e.oid]));
    expect(shipped.entries.length).toBeGreaterThan(5);
    expect(bundledChangeSet(shipped, new Map())).toEqual(bundledChangeSet(fresh, new Map()));
  });

  it('fills an empty cache on first start without parsing a file, as a fresh ingest would', async () => {
    const bundle = asShipped(preIngestBundle(shippedTexts()));
    ingestSpy.mockClear();
    expect(await bundledSourceIsCurrent(db, bundle.version)).toBe(false);
    await seedBundledSource(db, snapshotOfPreIngested(bundle));
    expect(ingestSpy).not.toHaveBeenCalled();
    expect(await bundledSourceIsCurrent(db, bundle.version)).toBe(true);

    const parsedHere = openTestDatabase();
    try {
      await seedBundledSource(parsedHere, snapshotBundledFiles(freshFiles()));
      const withoutTimes = (dump: Awaited<ReturnType<typeof dumpDatabase>>): unknown =>
        JSON.parse(
          JSON.stringify(dump, (key, value: unknown) => (key === 'cachedAt' || key === 'at' || key === 'lastSyncAt' ? undefined : value)),
        );
      expect(withoutTimes(await dumpDatabase(db))).toEqual(withoutTimes(await dumpDatabase(parsedHere)));
    } finally {
      await parsedHere.delete();
    }
    const runbooks = await db.runbooks.where('sourceId').equals(BUNDLED_SOURCE_ID).count();
    expect(runbooks).toBe(bundle.entries.filter((e) => e.ingested.kind === 'runbook').length);
  });

  it('ingests the texts again when the records were made by another ingest version', async () => {
    const bundle = { ...asShipped(preIngestBundle(shippedTexts())), ingestVersion: INGEST_VERSION - 1 };
    ingestSpy.mockClear();
    await seedBundledSource(db, snapshotOfPreIngested(bundle));
    expect(ingestSpy).toHaveBeenCalledTimes(bundle.entries.length);
    expect(await db.sources.get(BUNDLED_SOURCE_ID)).toMatchObject({ version: bundle.version, ingestVersion: INGEST_VERSION });
  });
});
