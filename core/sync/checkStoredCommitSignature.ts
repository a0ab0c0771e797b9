import git from 'isomorphic-git';
import { checkCommitSignature, type CommitSignatureVerdict, type SigningPolicy } from './checkCommitSignature';
import type { TreeReader } from './compareTrees';
import { asGitFs } from './objectStore';

/** `checkCommitSignature` for a commit in the object store, read as the exact bytes that were signed. */
export async function checkStoredCommitSignature(
  reader: TreeReader,
  commit: string,
  policy: SigningPolicy,
): Promise<CommitSignatureVerdict> {
  const { object, type } = await git.readObject({
    fs: asGitFs(reader.fs),
    gitdir: reader.gitdir,
    oid: commit,
    format: 'content',
    cache: reader.cache,
  });
  if (type !== 'commit' || !(object instanceof Uint8Array)) {
    return { accepted: false, refusal: 'bad-signature', message: `${commit.slice(0, 7)} is not a commit. Nothing was changed.` };
  }
  return checkCommitSignature(commit, object, policy);
}
