import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoizeStoreReads } from '../../../core/sync/memoizeStoreReads';
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
  });

  it('passes options through (isomorphic-git reads refs and config as text)', async () => {
    const dir = tempDir('memo-');
    writeFileSync(join(dir, 'HEAD'), 'ref: refs/heads/main\n');
    const memo = memoizeStoreReads(nodeFs);
    const read = memo.promises.readFile as unknown as (path: string, options: unknown) => Promise<unknown>;
    expect(await read(join(dir, 'HEAD'), { encoding: 'utf8' })).toBe('ref: refs/heads/main\n');
  });
});
