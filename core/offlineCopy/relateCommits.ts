import type { TreeReader } from '../sync/compareTrees';
import { readCommitOrUndefined } from './storeObjects';

/**
 * How an imported commit stands to the one the cache holds:
 * `first` (nothing held), `same`, `newer` (the held commit is among its ancestors), `older` (it is among
 * the held commit's ancestors), `unrelated` (neither, as far as the history on this device goes).
 */
export type CommitRelation = 'first' | 'same' | 'newer' | 'older' | 'unrelated';

/** Commits visited at most per direction; a bigger history than this is treated as not connected. */
const MAX_COMMITS_WALKED = 100_000;

export async function relateCommits(reader: TreeReader, imported: string, current: string | undefined): Promise<CommitRelation> {
  if (current === undefined) return 'first';
  if (imported === current) return 'same';
  if (await isAncestor(reader, current, imported)) return 'newer';
  if (await isAncestor(reader, imported, current)) return 'older';
  return 'unrelated';
}

/** Walks `descendant`'s parents breadth-first; parents not on this device end that line of the walk. */
async function isAncestor(reader: TreeReader, ancestor: string, descendant: string): Promise<boolean> {
  const seen = new Set<string>([descendant]);
  const queue = [descendant];
  for (let i = 0; i < queue.length && i < MAX_COMMITS_WALKED; i++) {
    const commit = await readCommitOrUndefined(reader, queue[i]!);
    for (const parent of commit?.parents ?? []) {
      if (parent === ancestor) return true;
      if (!seen.has(parent)) {
        seen.add(parent);
        queue.push(parent);
      }
    }
  }
  return false;
}
