import git, { TREE, type WalkerEntry } from 'isomorphic-git';
import type { SnapshotEntry } from '../changes/diffSnapshots';
import { asGitFs } from './objectStore';
import type { ObjectStoreFs } from './objectStoreFs';
import { syncFileKind } from './syncFileKind';

export interface TreeReader {
  fs: ObjectStoreFs;
  gitdir: string;
  /** isomorphic-git's object cache, shared by every read of one sync so pack indexes load once. */
  cache: object;
}

/** A path whose content differs between two trees; `before`/`after` are blob ids, absent on one side when added/removed. */
export interface TouchedFile {
  path: string;
  before?: string;
  after?: string;
}

/** Git's mode for a symbolic link; its "content" is a path, never a runbook. */
const SYMLINK_MODE = 0o120000;

/**
 * The tree at `subdir` in `commit` (the commit's root tree when `subdir` is empty), or undefined when
 * the commit has no folder there.
 */
export async function treeAt(reader: TreeReader, commit: string, subdir: string): Promise<string | undefined> {
  try {
    const { oid } = await git.readTree({ fs: asGitFs(reader.fs), gitdir: reader.gitdir, oid: commit, filepath: subdir || undefined, cache: reader.cache });
    return oid;
  } catch (error) {
    if (subdir && isMissingPath(error)) return undefined;
    throw error; // a missing object, not a missing folder: the store is damaged
  }
}

/** isomorphic-git's error for a path that is not in the tree (as opposed to an object not in the store). */
function isMissingPath(error: unknown): boolean {
  const e = error as { code?: unknown; data?: { what?: unknown } };
  if (e.code === 'ObjectTypeError') return true; // a file where a folder was expected
  return e.code === 'NotFoundError' && String(e.data?.what ?? '').startsWith('file or directory found at');
}

/**
 * Every Markdown file and image in `tree`, with its blob id. Reads tree objects only, never a file.
 * Used when the previous commit is not in the store, so the cache's path → blob id map is the baseline.
 */
export async function listTree(reader: TreeReader, tree: string): Promise<SnapshotEntry[]> {
  const files: SnapshotEntry[] = [];
  await git.walk({
    fs: asGitFs(reader.fs),
    gitdir: reader.gitdir,
    cache: reader.cache,
    trees: [TREE({ ref: tree })],
    map: async (path, [entry]) => {
      if (!entry || path === '.') return undefined;
      const type = await entry.type();
      if (type === 'tree') return undefined;
      if (type === 'blob' && (await isSyncedBlob(path, entry))) files.push({ path, oid: await entry.oid() });
      return null;
    },
  });
  return files;
}

/**
 * The files whose blob ids differ between two trees, found with one `git.walk` over both. A sub-tree with
 * the same id on both sides is identical all the way down, so the walk does not enter it; unchanged
 * files are neither listed nor read.
 */
export async function compareTrees(reader: TreeReader, before: string, after: string): Promise<TouchedFile[]> {
  const touched: TouchedFile[] = [];
  if (before === after) return touched;
  await git.walk({
    fs: asGitFs(reader.fs),
    gitdir: reader.gitdir,
    cache: reader.cache,
    trees: [TREE({ ref: before }), TREE({ ref: after })],
    map: async (path, [old, next]) => {
      if (path === '.') return undefined;
      const oldSide = await describe(path, old);
      const newSide = await describe(path, next);
      if (oldSide.tree && newSide.tree && oldSide.oid === newSide.oid) return null;
      const beforeBlob = oldSide.synced ? oldSide.oid : undefined;
      const afterBlob = newSide.synced ? newSide.oid : undefined;
      if (beforeBlob !== afterBlob) {
        const change: TouchedFile = { path };
        if (beforeBlob !== undefined) change.before = beforeBlob;
        if (afterBlob !== undefined) change.after = afterBlob;
        touched.push(change);
      }
      // Descend only where a side is a tree (a folder that changed, or replaced a file of the same name).
      return oldSide.tree || newSide.tree ? undefined : null;
    },
  });
  return touched;
}

interface Side {
  tree: boolean;
  /** A blob the sync looks at (Markdown or image, not a symlink). */
  synced: boolean;
  oid?: string;
}

async function describe(path: string, entry: WalkerEntry | null | undefined): Promise<Side> {
  if (!entry) return { tree: false, synced: false };
  const type = await entry.type();
  if (type === 'tree') return { tree: true, synced: false, oid: await entry.oid() };
  if (type !== 'blob') return { tree: false, synced: false }; // submodules ('commit') are not followed
  return { tree: false, synced: await isSyncedBlob(path, entry), oid: await entry.oid() };
}

async function isSyncedBlob(path: string, entry: WalkerEntry): Promise<boolean> {
  if (syncFileKind(path) === undefined) return false;
  return (await entry.mode()) !== SYMLINK_MODE;
}
