import type { CachedFileIndex } from '../sync/cachedFileIndex';
import { changeSetFromTrees, type TreeChangeSet } from '../sync/changeSetFromTrees';
import { treeAt, type TreeReader } from '../sync/compareTrees';
import { OfflineCopyError } from './offlineCopyError';
import { readCommitOrUndefined } from './storeObjects';

export interface CommitChangeSetRequest {
  sourceId: string;
  /** A commit whose tree is wholly in the store. */
  commit: string;
  branch: string;
  /** Already normalised (`normaliseSubdir`). */
  subdir: string;
  /** The commit the cache holds; when it is in the store only the trees are compared. */
  previousCommit?: string | undefined;
  cached: CachedFileIndex;
  rereadAll?: boolean | undefined;
  maxFileBytes?: number | undefined;
  signal?: AbortSignal | undefined;
}

export type CommitChangeSet = TreeChangeSet;

/**
 * The change set from what the cache holds to `commit`, exactly as a sync computes it once its fetch is
 * done (`changeSetFromTrees`); a sub-folder missing from the bundle's commit is said in the offline copy's words.
 */
export async function changeSetForCommit(reader: TreeReader, request: CommitChangeSetRequest): Promise<CommitChangeSet> {
  const { subdir } = request;
  const newTree = await treeAt(reader, request.commit, subdir);
  if (newTree === undefined) {
    throw new OfflineCopyError(
      'subdir-missing',
      `The folder "${subdir}" is not in the bundle's commit ${request.commit.slice(0, 7)} of "${request.branch}". Check the sub-folder. Nothing was changed.`,
    );
  }
  const have = request.previousCommit && (await readCommitOrUndefined(reader, request.previousCommit)) ? request.previousCommit : undefined;
  return changeSetFromTrees(reader, { ...request, newTree, have });
}
