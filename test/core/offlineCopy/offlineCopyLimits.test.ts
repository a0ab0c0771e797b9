import { closeSync, openSync, statSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OfflineCopyError } from '../../../core/offlineCopy/offlineCopyError';
import { offlineCopyKind } from '../../../core/offlineCopy/offlineCopyKind';
import { checkOfflineCopySize } from '../../../core/offlineCopy/offlineCopyLimits';
import { cleanUp, tempDir } from '../sync/syncFixture';

afterAll(cleanUp);

describe('checkOfflineCopySize', () => {
  it('refuses a 2 GiB file by its size alone (a sparse file: nothing is read or written)', () => {
    const file = join(tempDir('sparse-'), 'huge.bundle');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 2 * 1024 ** 3);
    closeSync(fd);
    let error: unknown;
    try {
      checkOfflineCopySize(statSync(file).size);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OfflineCopyError);
    expect((error as OfflineCopyError).code).toBe('too-large');
    expect((error as OfflineCopyError).message).toBe('The file is 2 GiB, over the 512 MiB limit for an offline copy. Nothing was changed.');
  });

  it('accepts a file under the limit and refuses an empty one', () => {
    expect(() => checkOfflineCopySize(12_500_000)).not.toThrow();
    expect(() => checkOfflineCopySize(0)).toThrow(/empty/);
  });
});

describe('offlineCopyKind', () => {
  it('tells a bundle and a zip by their first bytes, and nothing else', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(offlineCopyKind(bytes('# v2 git bundle\nabc'))).toBe('bundle');
    expect(offlineCopyKind(bytes('# v3 git bundle\n@object-format=sha1\n'))).toBe('bundle');
    expect(offlineCopyKind(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('zip');
    expect(offlineCopyKind(bytes('# v4 git bundle\n'))).toBeUndefined();
    expect(offlineCopyKind(bytes('%PDF-1.7'))).toBeUndefined();
  });
});
