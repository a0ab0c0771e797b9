import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listTree, treeAt } from '../../../core/sync/compareTrees';
import type { ObjectStoreFs } from '../../../core/sync/objectStoreFs';
import { readChangedFiles } from '../../../core/sync/readChangedFiles';
import { SyncError } from '../../../core/sync/syncError';
import { RunbookRepo, generateRunbooks } from '../../helpers/makeRunbookRepo';
import { cleanUp, nodeFs } from './syncFixture';

const repos: RunbookRepo[] = [];
afterAll(async () => {
  for (const repo of repos) repo.dispose();
  await cleanUp();
});

/**
 * Node's fs with every answer kept in memory once given: from then on a blob read resolves without leaving the
 * microtask queue, as in the browser's sync worker, where the fetched pack is held in memory.
 */
function memoryFs(): ObjectStoreFs {
  const kept = new Map<string, Promise<unknown>>();
  const promises = nodeFs.promises as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const remembered = Object.fromEntries(
    Object.entries(promises).map(([name, call]) => [
      name,
      (...args: unknown[]) => {
        const key = `${name} ${JSON.stringify(args)}`;
        let answer = kept.get(key);
        if (!answer) kept.set(key, (answer = call(...args)));
        return answer;
      },
    ]),
  );
  return { promises: remembered } as unknown as ObjectStoreFs;
}

describe('readChangedFiles', () => {
  it('stops when the sync is cancelled while it parses, though every blob is already in memory', async () => {
    const repo = new RunbookRepo();
    repos.push(repo);
    repo.writeAll(generateRunbooks(300)).commit('initial');
    const reader = { fs: memoryFs(), gitdir: join(repo.workDir, '.git'), cache: {} };
    const files = await listTree(reader, (await treeAt(reader, repo.head(), ''))!);
    // Read once ahead, so that every read below is served from memory.
    const whole = await readChangedFiles(reader, 's1', files);
    expect(whole.parsed).toBe(300);

    // The cancel comes as a message would: on a later turn of the event loop, once parsing has started.
    const controller = new AbortController();
    let parsedBeforeCancel = -1;
    const parsing = readChangedFiles(reader, 's1', files, {
      signal: controller.signal,
      onPercent: (percent) => {
        if (percent === 1) setTimeout(() => controller.abort(), 0);
        parsedBeforeCancel = percent;
      },
    });
    const error = await parsing.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('cancelled');
    expect(parsedBeforeCancel).toBeLessThan(100);
  });
});
