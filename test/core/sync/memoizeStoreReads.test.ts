import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEPT_PACK_BYTES, memoizeStoreReads } from '../../../core/sync/memoizeStoreReads';
import type { ObjectStoreFs } from '../../../core/sync/objectStoreFs';
import { cleanUp, nodeFs, tempDir } from './syncFixture';

afterAll(cleanUp);

/** Node's fs, counting the calls that reach it. */
function countingFs(): { fs: ObjectStoreFs; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const promises = Object.fromEntries(
    Object.entries(nodeFs.promises).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  );
  return { fs: { promises } as unknown as ObjectStoreFs, calls };
}

describe('memoizeStoreReads', () => {
  it('answers repeated listings and misses from memory', async () => {
    const dir = tempDir('memo-');
    writeFileSync(join(dir, 'a'), 'A');
    const { fs, calls } = countingFs();
    const memo = memoizeStoreReads(fs);
    for (let i = 0; i < 3; i++) {
      expect(await memo.promises.readdir(dir)).toEqual(['a']);
      await expect(memo.promises.readFile(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(memo.promises.stat(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
    }
    expect(calls).toMatchObject({ readdir: 1, readFile: 1, stat: 1 });
  });

  it("answers isomorphic-git's per-command probes without the disk: path-less reads and the git folder's stat", async () => {
    const dir = tempDir('memo-');
    const { fs, calls } = countingFs();
    const memo = memoizeStoreReads(fs);
    const readFile = memo.promises.readFile as unknown as () => Promise<unknown>;
    for (let i = 0; i < 3; i++) {
      await expect(readFile()).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
      expect((await memo.promises.stat(dir)).isDirectory()).toBe(true);
    }
    expect(calls).toEqual({ stat: 1 });
  });

  it('knows a loose object is absent when its fan-out folder is, from one listing of objects/', async () => {
    const gitdir = tempDir('memo-');
    mkdirSync(join(gitdir, 'objects', 'ab'), { recursive: true });
    writeFileSync(join(gitdir, 'objects', 'ab', 'c'.repeat(38)), 'loose');
    const { fs, calls } = countingFs();
    const memo = memoizeStoreReads(fs);
    for (const fanOut of ['01', '02', 'fe', 'ff']) {
      await expect(memo.promises.readFile(`${gitdir}/objects/${fanOut}/${'0'.repeat(38)}`)).rejects.toMatchObject({ code: 'ENOENT' });
    }
    expect(calls).toEqual({ readdir: 1 });
    // A folder that exists is still asked: the object in it is found, a missing one is reported by the disk.
    expect(new TextDecoder().decode(await memo.promises.readFile(`${gitdir}/objects/ab/${'c'.repeat(38)}`))).toBe('loose');
    await expect(memo.promises.readFile(`${gitdir}/objects/ab/${'d'.repeat(38)}`)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(calls).toEqual({ readdir: 1, readFile: 2 });
  });

  it('forgets everything on a write, so new files are seen at once', async () => {
    const dir = tempDir('memo-');
    const memo = memoizeStoreReads(nodeFs);
    await expect(memo.promises.readFile(join(dir, 'pack'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await memo.promises.readdir(dir)).toEqual([]);
    await memo.promises.writeFile(join(dir, 'pack'), new TextEncoder().encode('P'));
    expect(new TextDecoder().decode(await memo.promises.readFile(join(dir, 'pack')))).toBe('P');
    expect(await memo.promises.readdir(dir)).toEqual(['pack']);
    await memo.promises.unlink(join(dir, 'pack'));
    expect(await memo.promises.readdir(dir)).toEqual([]);
    await expect(memo.promises.stat(join(dir, 'pack'))).rejects.toMatchObject({ code: 'ENOENT' });
    await memo.promises.mkdir(join(dir, 'objects'));
    await memo.promises.mkdir(join(dir, 'objects', 'ab'));
    await memo.promises.writeFile(join(dir, 'objects', 'ab', 'c'.repeat(38)), new TextEncoder().encode('O'));
    expect(new TextDecoder().decode(await memo.promises.readFile(join(dir, 'objects', 'ab', 'c'.repeat(38))))).toBe('O');
  });

  it('passes options through (isomorphic-git reads refs and config as text)', async () => {
    const dir = tempDir('memo-');
    writeFileSync(join(dir, 'HEAD'), 'ref: refs/heads/main\n');
    const memo = memoizeStoreReads(nodeFs);
    const read = memo.promises.readFile as unknown as (path: string, options: unknown) => Promise<unknown>;
    expect(await read(join(dir, 'HEAD'), { encoding: 'utf8' })).toBe('ref: refs/heads/main\n');
  });

  it('answers reads of a pack file it wrote from memory, under its new name after a rename, until it is removed', async () => {
    const packDir = join(tempDir('memo-'), 'objects', 'pack');
    mkdirSync(packDir, { recursive: true });
    const { fs, calls } = countingFs();
    const memo = memoizeStoreReads(fs);
    const pack = new TextEncoder().encode('PACK and its objects');
    await memo.promises.writeFile(join(packDir, 'pack-1.pack'), pack);
    expect(await memo.promises.readFile(join(packDir, 'pack-1.pack'))).toEqual(pack);
    await memo.promises.rename!(join(packDir, 'pack-1.pack'), join(packDir, 'pack-0001-1.pack'));
    expect(await memo.promises.readFile(join(packDir, 'pack-0001-1.pack'))).toEqual(pack);
    expect(calls.readFile ?? 0).toBe(0);
    // Written to the store all the same, and gone from memory with the file.
    expect(await nodeFs.promises.readFile(join(packDir, 'pack-0001-1.pack'))).toEqual(Buffer.from(pack));
    await expect(memo.promises.readFile(join(packDir, 'pack-1.pack'))).rejects.toMatchObject({ code: 'ENOENT' });
    await memo.promises.unlink(join(packDir, 'pack-0001-1.pack'));
    await expect(memo.promises.readFile(join(packDir, 'pack-0001-1.pack'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps no other file, no text read and no more than its limit of pack bytes', async () => {
    const dir = tempDir('memo-');
    const packDir = join(dir, 'objects', 'pack');
    mkdirSync(packDir, { recursive: true });
    const { fs, calls } = countingFs();
    const memo = memoizeStoreReads(fs);
    await memo.promises.writeFile(join(dir, 'config'), new TextEncoder().encode('[core]\n'));
    await memo.promises.readFile(join(dir, 'config'));
    expect(calls.readFile).toBe(1);
    await memo.promises.writeFile(join(packDir, 'small.idx'), new TextEncoder().encode('index'));
    const read = memo.promises.readFile as unknown as (path: string, options: unknown) => Promise<unknown>;
    expect(await read(join(packDir, 'small.idx'), 'utf8')).toBe('index');
    expect(calls.readFile).toBe(2);
    await memo.promises.writeFile(join(packDir, 'big.pack'), new Uint8Array(KEPT_PACK_BYTES));
    expect((await memo.promises.readFile(join(packDir, 'big.pack'))).byteLength).toBe(KEPT_PACK_BYTES);
    expect(calls.readFile).toBe(3);
  });
});
