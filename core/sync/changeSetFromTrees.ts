import { diffSnapshots, type SnapshotDiff, type SnapshotEntry } from '../changes/diffSnapshots';
import type { ChangeSet } from '../model';
import type { CachedFileIndex } from './cachedFileIndex';
import { compareTrees, listTree, treeAt, type TreeReader } from './compareTrees';
import { readChangedFiles, type PathWarning, type SkippedPath } from './readChangedFiles';

export interface SyncCounts {
  /** New files (runbooks and images) that were not skipped. */
  added: number;
  /** Changed files that were not skipped. */
  updated: number;
  /** Files that are gone (runbooks, images or earlier skips). */
  removed: number;
  /** Files moved with the same content (renamed skipped files are also in `skipped`). */
  renamed: number;
  /** Files the cache already holds with the same content; not read. */
  unchanged: number;
  /** Files read in this sync and skipped (too large, binary, not UTF-8). */
  skipped: number;
}

export interface TreeChangeRequest {
  sourceId: string;
  /** The commit the change set brings the cache to; its tree is wholly in the store. */
  commit: string;
  /** The tree of `commit` at the source's sub-folder (the caller says what a missing sub-folder means). */
  newTree: string;
  /** The commit the cache holds, when the store has it: then only the two trees are compared. */
  have?: string | undefined;
  /** Already normalised (`normaliseSubdir`). */
  subdir: string;
  cached: CachedFileIndex;
  /** Read every file again, unchanged ones too (the cache was written by an older ingest). */
  rereadAll?: boolean | undefined;
  maxFileBytes?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Share of the changed files read and ingested, 0–100; called with 0 before the first. */
  onParsePercent?: ((percent: number) => void) | undefined;
}

export interface TreeChangeSet {
  changeSet: ChangeSet;
  /** `trees`: old and new commit compared in the store; `cache`: new tree compared with the cache's blob ids. */
  comparedBy: 'trees' | 'cache';
  counts: SyncCounts;
  skipped: SkippedPath[];
  /** Ingest warnings of the runbooks parsed. */
  warnings: PathWarning[];
  /** Markdown files ingested. */
  parsed: number;
  compareMs: number;
  readMs: number;
  parseMs: number;
}

/**
 * The change set from what the cache holds to `commit`, once the commit is in the store (a fetch, or an
 * imported offline copy): trees compared by blob id when the cache's commit is in the store, else the new
 * tree against the cache's blob ids; only the files that changed are read and ingested (`readChangedFiles`).
 * Renames are recognised by blob id.
 */
export async function changeSetFromTrees(reader: TreeReader, request: TreeChangeRequest): Promise<TreeChangeSet> {
  const compareStart = performance.now();
  const { have, subdir, newTree } = request;
  const cachedCount = await request.cached.count();
  const oldTree = have && cachedCount > 0 && !request.rereadAll ? await treeAt(reader, have, subdir) : undefined;
  let diff: SnapshotDiff;
  let comparedBy: TreeChangeSet['comparedBy'];
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

  request.onParsePercent?.(0);
  const toRead = [...diff.added, ...diff.changed, ...diff.renamed.map((r) => ({ path: r.to, oid: r.oid })), ...reread];
  const files = await readChangedFiles(reader, request.sourceId, toRead, {
    maxBytes: request.maxFileBytes,
    signal: request.signal,
    onPercent: request.onParsePercent,
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
