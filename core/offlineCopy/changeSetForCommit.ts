import { diffSnapshots, type SnapshotDiff, type SnapshotEntry } from '../changes/diffSnapshots';
import type { ChangeSet } from '../model';
import type { CachedFileIndex } from '../sync/cachedFileIndex';
import { compareTrees, listTree, treeAt, type TreeReader } from '../sync/compareTrees';
import { readChangedFiles } from '../sync/readChangedFiles';
import type { GitSyncStats } from '../sync/syncGitSource';
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

export type CommitChangeSet = Pick<GitSyncStats, 'comparedBy' | 'counts' | 'skipped' | 'warnings' | 'parsed'> & {
  changeSet: ChangeSet;
  compareMs: number;
  readMs: number;
  parseMs: number;
};

/**
 * The change set from what the cache holds to `commit`, exactly as a sync computes it once its fetch is
 * done: trees compared by blob id when the previous commit is in the store, else the new tree against the
 * cache's blob ids; only the files that changed are read and ingested (`readChangedFiles`).
 */
export async function changeSetForCommit(reader: TreeReader, request: CommitChangeSetRequest): Promise<CommitChangeSet> {
  const compareStart = performance.now();
  const { subdir } = request;
  const newTree = await treeAt(reader, request.commit, subdir);
  if (newTree === undefined) {
    throw new OfflineCopyError(
      'subdir-missing',
      `The folder "${subdir}" is not in the bundle's commit ${request.commit.slice(0, 7)} of "${request.branch}". Check the sub-folder. Nothing was changed.`,
    );
  }
  const have = request.previousCommit && (await readCommitOrUndefined(reader, request.previousCommit)) ? request.previousCommit : undefined;
  const cachedCount = await request.cached.count();
  const oldTree = have && cachedCount > 0 && !request.rereadAll ? await treeAt(reader, have, subdir) : undefined;
  let diff: SnapshotDiff;
  let comparedBy: GitSyncStats['comparedBy'];
  let reread: SnapshotEntry[] = [];
  if (oldTree !== undefined) {
    comparedBy = 'trees';
    const touched = await compareTrees(reader, oldTree, newTree);
    const before = await request.cached.lookup(touched.map((t) => t.path));
    const next = touched.flatMap((t) => (t.after === undefined ? [] : [{ path: t.path, oid: t.after }]));
    diff = diffSnapshots(before, next);
    diff.unchanged += cachedCount - before.size;
  } else {
    comparedBy = 'cache';
    const cachedFiles = await request.cached.all();
    const listing = await listTree(reader, newTree);
    diff = diffSnapshots(cachedFiles, listing);
    if (request.rereadAll) reread = listing.filter((entry) => cachedFiles.get(entry.path) === entry.oid);
  }
  const compareMs = performance.now() - compareStart;

  const toRead = [...diff.added, ...diff.changed, ...diff.renamed.map((r) => ({ path: r.to, oid: r.oid })), ...reread];
  const files = await readChangedFiles(reader, request.sourceId, toRead, {
    ...(request.maxFileBytes !== undefined ? { maxBytes: request.maxFileBytes } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  return {
    changeSet: {
      sourceId: request.sourceId,
      version: request.commit,
      upserts: files.upserts,
      removed: diff.removed,
      renamed: diff.renamed.map(({ from, to }) => ({ from, to })),
      assets: files.assets,
    },
    comparedBy,
    counts: {
      added: diff.added.filter((f) => !files.skippedPaths.has(f.path)).length,
      updated: diff.changed.filter((f) => !files.skippedPaths.has(f.path)).length,
      removed: diff.removed.length,
      renamed: diff.renamed.length,
      unchanged: diff.unchanged,
      skipped: files.skipped.length,
    },
    skipped: files.skipped,
    warnings: files.warnings,
    parsed: files.parsed,
    compareMs,
    readMs: files.readMs,
    parseMs: files.parseMs,
  };
}
