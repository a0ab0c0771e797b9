import git from 'isomorphic-git';
import type { TreeReader } from '../sync/compareTrees';
import { asGitFs } from '../sync/objectStore';
import type { ObjectStoreFs } from '../sync/objectStoreFs';
import { OfflineCopyError } from './offlineCopyError';
import { readCommitOrUndefined } from './storeObjects';

export interface BundleExportRequest {
  /** The commit to save (the source's current one). */
  commit: string;
  /** Branch name the bundle gives it: `git clone` of the bundle checks this branch out. */
  branch: string;
}

export interface BundleExport {
  bytes: Uint8Array;
  /** Commits in the bundle: the chosen one and as much of its history as this device has. */
  commits: number;
  /**
   * Parents the store does not have (a sync fetches the latest commit only), written as the bundle's
   * prerequisites. Empty means a complete history, which `git clone` accepts; otherwise the bundle imports
   * here and into any clone that has those commits, but `git clone` needs a complete one.
   */
  prerequisites: string[];
}

/** Git ref names cannot hold whitespace or control characters; a name that does would break the header. */
const SAFE_BRANCH = /^(?!\/)(?!.*\/\/)(?!.*\.\.)[^\s\u0000-\u001f\u007f~^:?*[\\]+$/;

/**
 * A Git bundle (v2) of `commit` and every commit, tree and file behind it that the store holds, packed
 * with isomorphic-git's `packObjects`: the file `git bundle verify` checks and `git clone` reads.
 */
export async function writeGitBundle(
  deps: { fs: ObjectStoreFs; gitdir: string; cache?: object },
  request: BundleExportRequest,
): Promise<BundleExport> {
  if (!SAFE_BRANCH.test(request.branch))
    throw new OfflineCopyError('branch-not-found', `"${request.branch}" cannot be a branch name in a bundle.`);
  const reader: TreeReader = {
    fs: deps.fs,
    gitdir: deps.gitdir,
    cache: deps.cache ?? {},
  };
  const objects = new Set<string>();
  const prerequisites: string[] = [];
  const queue = [request.commit];
  const seenCommits = new Set(queue);
  let commits = 0;
  for (let i = 0; i < queue.length; i++) {
    const oid = queue[i]!;
    const commit = await readCommitOrUndefined(reader, oid);
    if (!commit) {
      if (i === 0) throw new OfflineCopyError('damaged', `Commit ${oid.slice(0, 7)} is not on this device, so it cannot be saved.`);
      prerequisites.push(oid);
      continue;
    }
    commits++;
    objects.add(oid);
    await addTree(reader, commit.tree, objects);
    for (const parent of commit.parents) {
      if (!seenCommits.has(parent)) {
        seenCommits.add(parent);
        queue.push(parent);
      }
    }
  }
  const { packfile } = await git.packObjects({
    fs: asGitFs(deps.fs),
    gitdir: deps.gitdir,
    oids: [...objects],
    cache: reader.cache,
  });
  const lines = ['# v2 git bundle', ...prerequisites.map((oid) => `-${oid}`), `${request.commit} refs/heads/${request.branch}`];
  // HEAD tells `git clone` which branch to check out.
  if (request.branch !== 'HEAD') lines.push(`${request.commit} HEAD`);
  const header = new TextEncoder().encode(`${lines.join('\n')}\n\n`);
  const bytes = new Uint8Array(header.length + packfile!.length);
  bytes.set(header);
  bytes.set(packfile!, header.length);
  return { bytes, commits, prerequisites };
}

/** Adds a tree and everything in it (sub-trees and files; not sub-modules, which live elsewhere). */
async function addTree(reader: TreeReader, tree: string, objects: Set<string>): Promise<void> {
  if (objects.has(tree)) return;
  objects.add(tree);
  const { tree: entries } = await git.readTree({
    fs: asGitFs(reader.fs),
    gitdir: reader.gitdir,
    oid: tree,
    cache: reader.cache,
  });
  for (const entry of entries) {
    if (entry.type === 'tree') await addTree(reader, entry.oid, objects);
    else if (entry.type === 'blob') objects.add(entry.oid);
  }
}
