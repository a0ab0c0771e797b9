import git from 'isomorphic-git';
import type { TreeReader } from '../sync/compareTrees';
import { asGitFs } from '../sync/objectStore';

/** True when the object store can read the object (loose or in a pack). */
export async function hasObject(reader: TreeReader, oid: string): Promise<boolean> {
  try {
    await git.readObject({
      fs: asGitFs(reader.fs),
      gitdir: reader.gitdir,
      oid,
      format: 'deflated',
      cache: reader.cache,
    });
    return true;
  } catch {
    return false;
  }
}

/** A commit's parents and committer time, or undefined when the store does not have it. */
export async function readCommitOrUndefined(
  reader: TreeReader,
  oid: string,
): Promise<{ parents: string[]; committedAt: string; tree: string } | undefined> {
  try {
    const { commit } = await git.readCommit({
      fs: asGitFs(reader.fs),
      gitdir: reader.gitdir,
      oid,
      cache: reader.cache,
    });
    return {
      parents: commit.parent,
      committedAt: new Date(commit.committer.timestamp * 1000).toISOString(),
      tree: commit.tree,
    };
  } catch {
    return undefined;
  }
}
