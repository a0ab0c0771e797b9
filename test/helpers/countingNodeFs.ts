import { promises as nodeFs } from 'node:fs';
import type { PromiseFsClient } from 'isomorphic-git';

/**
 * Node's file system as isomorphic-git sees a sync's object store, counting the `readFile()` calls whose first
 * argument `counts` picks (a path-less probe, a pack file read back, …).
 */
export function countingNodeFs(counts: (path: unknown) => boolean): { fs: PromiseFsClient; counted: { reads: number } } {
  const counted = { reads: 0 };
  const promises = { ...nodeFs } as unknown as PromiseFsClient['promises'];
  promises.readFile = (path: unknown, ...rest: unknown[]) => {
    if (counts(path)) counted.reads++;
    return (nodeFs.readFile as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
  };
  return { fs: { promises }, counted };
}
