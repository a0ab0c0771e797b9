import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gitBlobId } from '../../../core/ingest/gitBlobId';
import { importZip, type ZipImportRequest } from '../../../core/offlineCopy/importZip';
import { OfflineCopyError } from '../../../core/offlineCopy/offlineCopyError';
import { fileIndexFromMap } from '../../../core/sync/cachedFileIndex';
import { TINY_PNG } from '../../helpers/makeRunbookRepo';

const FAILOVER = '---\ntitle: Database failover\n---\n# Failover\n\nPromote the replica.\n';
const RESTORE = '# Restore\n\nFrom the nightly snapshot.\n';

function zip(files: Zippable): Uint8Array {
  return zipSync(files, { level: 6 });
}

function request(bytes: Uint8Array, extra: Partial<ZipImportRequest> = {}): ZipImportRequest {
  return { sourceId: 'src', bytes, cached: fileIndexFromMap(new Map()), ...extra };
}

async function refusal(promise: Promise<unknown>): Promise<OfflineCopyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OfflineCopyError);
  return error as OfflineCopyError;
}

/** Offsets of the central directory entries' fields, found by their signature. */
function centralEntryOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02) offsets.push(i);
  }
  return offsets;
}

describe('importZip', () => {
  it('reads the runbooks and images of a zipped folder, by Git blob id, from inside its one top folder', async () => {
    const bytes = zip({
      runbooks: {
        db: { 'failover.md': strToU8(FAILOVER), 'restore.md': strToU8(RESTORE) },
        'img/diagram.png': TINY_PNG,
        'scripts/run.py': strToU8('print("not a runbook")\n'),
      },
      __MACOSX: { runbooks: { db: { '._failover.md': strToU8('resource fork') } } },
    });
    const { changeSet, stats } = await importZip(request(bytes));
    expect(stats.folder).toBe('runbooks');
    expect(stats.counts).toMatchObject({ added: 3, updated: 0, removed: 0, skipped: 0 });
    expect(changeSet.version).toMatch(/^zip-[0-9a-f]{12}$/);
    const runbooks = changeSet.upserts.flatMap((u) => (u.kind === 'runbook' ? [u.meta] : []));
    expect(runbooks.map((m) => [m.path, m.oid])).toEqual([
      ['db/failover.md', gitBlobId(strToU8(FAILOVER))],
      ['db/restore.md', gitBlobId(strToU8(RESTORE))],
    ]);
    expect(runbooks[0]!.title).toBe('Database failover');
    expect(changeSet.assets?.map((a) => a.path)).toEqual(['img/diagram.png']);
  });

  it('reads only what changed since the cache, and removes what is gone', async () => {
    const cached = new Map([
      ['db/failover.md', gitBlobId(strToU8(FAILOVER))],
      ['db/old.md', gitBlobId(strToU8('# Old\n'))],
    ]);
    const bytes = zip({ 'db/failover.md': strToU8(FAILOVER), 'db/restore.md': strToU8(RESTORE) });
    const { changeSet, stats } = await importZip(request(bytes, { cached: fileIndexFromMap(cached) }));
    expect(stats.counts).toMatchObject({ added: 1, unchanged: 1, removed: 1 });
    expect(changeSet.upserts.map((u) => (u.kind === 'runbook' ? u.meta.path : ''))).toEqual(['db/restore.md']);
    expect(changeSet.removed).toEqual(['db/old.md']);
    // Without the cache's paths to go by, one top folder is taken as the folder that was zipped.
    expect((await importZip(request(bytes))).stats.folder).toBe('db');
  });

  it('reads a sub-folder at the top or inside the top folder, and says when it is missing', async () => {
    const bytes = zip({ repo: { docs: { 'a.md': strToU8('# A\n') }, 'README.md': strToU8('# Repo\n') } });
    const inside = await importZip(request(bytes, { subdir: 'docs' }));
    expect(inside.stats.folder).toBe('repo/docs');
    expect(inside.changeSet.upserts.map((u) => (u.kind === 'runbook' ? u.meta.path : ''))).toEqual(['a.md']);
    expect((await importZip(request(bytes, { subdir: 'repo/docs' }))).stats.folder).toBe('repo/docs');
    const missing = await refusal(importZip(request(bytes, { subdir: 'manuals' })));
    expect(missing.code).toBe('subdir-missing');
  });

  it('refuses a path that climbs out with "..", before anything is unpacked', async () => {
    const error = await refusal(importZip(request(zip({ 'ok.md': strToU8('# Ok\n'), '../../etc/evil.md': strToU8('# Evil\n') }))));
    expect(error.code).toBe('unsafe-zip');
    expect(error.message).toContain('"../../etc/evil.md"');
    expect(error.message).toContain('Nothing was changed');
  });

  it('refuses absolute paths, also written with a drive letter or backslashes', async () => {
    for (const name of ['/etc/evil.md', 'C:/Users/evil.md', '..\\evil.md']) {
      const error = await refusal(importZip(request(zip({ 'x.md': strToU8('# X\n'), [name]: strToU8('# Evil\n') }))));
      expect(error.code, name).toBe('unsafe-zip');
    }
  });

  it('refuses a symbolic link (Unix mode in the external attributes)', async () => {
    const bytes = zipSync({
      'a.md': strToU8('# A\n'),
      'link.md': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    });
    const error = await refusal(importZip(request(bytes)));
    expect(error.code).toBe('unsafe-zip');
    expect(error.message).toContain('symbolic link, "link.md"');
  });

  it('refuses more entries than the limit, from the directory alone', async () => {
    const bytes = zip({ 'a.md': strToU8('# A\n'), 'b.md': strToU8('# B\n'), 'c.md': strToU8('# C\n') });
    const error = await refusal(importZip(request(bytes, { limits: { maxEntries: 2, maxTotalBytes: 1e9 } })));
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toContain('holds 3 files, over the limit of 2');
  });

  it('refuses more declared bytes than the limit, before inflating', async () => {
    const bytes = zip({ 'big.md': new Uint8Array(300_000).fill(0x61) });
    const error = await refusal(importZip(request(bytes, { limits: { maxEntries: 10, maxTotalBytes: 100_000 } })));
    expect(error.code).toBe('zip-bomb');
  });

  it('stops inflating an entry that unpacks to more than its directory says (a lying zip bomb)', async () => {
    const bytes = zip({ 'bomb.md': new Uint8Array(20 * 1024 * 1024) });
    expect(bytes.length).toBeLessThan(200_000);
    const central = centralEntryOffsets(bytes)[0]!;
    new DataView(bytes.buffer).setUint32(central + 24, 1000, true); // declared size: 1,000 bytes
    const error = await refusal(importZip(request(bytes)));
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toContain('"bomb.md" in the zip unpacks to more than');
  });

  it('refuses an entry whose content does not match its checksum', async () => {
    const bytes = zipSync({ 'a.md': strToU8('# Alpha\n') }, { level: 0 });
    const at = findText(bytes, '# Alpha');
    bytes[at + 2] = 'B'.charCodeAt(0);
    const error = await refusal(importZip(request(bytes)));
    expect(error).toMatchObject({ code: 'damaged' });
    expect(error.message).toContain('does not match its checksum');
  });

  it('refuses a truncated zip and a file that is neither a zip nor a bundle', async () => {
    const bytes = zip({ 'a.md': strToU8('# A\n') });
    expect((await refusal(importZip(request(bytes.subarray(0, bytes.length - 10))))).code).toBe('damaged');
    expect((await refusal(importZip(request(strToU8('just some notes\n'))))).code).toBe('not-an-offline-copy');
  });

  it('refuses a file over the size limit by its length', async () => {
    const huge = { length: 2 * 1024 ** 3 } as Uint8Array;
    expect((await refusal(importZip(request(huge)))).code).toBe('too-large');
  });
});

function findText(bytes: Uint8Array, text: string): number {
  const needle = strToU8(text);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error(`"${text}" not in the zip`);
}
