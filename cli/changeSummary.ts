import type { SyncCounts } from '../core/sync/changeSetFromTrees';
import type { PathWarning, SkippedPath } from '../core/sync/readChangedFiles';
import type { GitSyncStats } from '../core/sync/syncGitSource';

/** What a sync or an import changed, as `sync --json` and `import --json` print it. */
interface ChangeStats {
  counts: SyncCounts;
  skipped: SkippedPath[];
  warnings: PathWarning[];
}

/** The fields of `sync --json` and `import --json` that say what changed, in the order they print. */
export function changeCountsJson(stats: ChangeStats) {
  return {
    added: stats.counts.added,
    updated: stats.counts.updated,
    removed: stats.counts.removed,
    renamed: stats.counts.renamed,
    unchanged: stats.counts.unchanged,
    skipped: stats.skipped.map(({ path, reason }) => ({ path, reason })),
    warnings: stats.warnings.map(({ path, message }) => ({ path, message })),
  };
}

/** The object `sync --json` prints. */
export function syncJsonSummary(stats: GitSyncStats, ms: number) {
  return { commit: stats.commit, branch: stats.branch, ...changeCountsJson(stats), ms };
}

/** The second line of the human summary of `sync` and `import`: how many files each change touched. */
export function countsLine(c: SyncCounts): string {
  return `  ${c.added} added, ${c.updated} updated, ${c.removed} removed, ${c.renamed} renamed, ${c.unchanged} unchanged, ${c.skipped} skipped`;
}
