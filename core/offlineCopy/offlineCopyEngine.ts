import type { ChangeSet, OfflineCopyProvenance } from '../model';
import type { CachedFileIndex } from '../sync/cachedFileIndex';
import type { ObjectStoreFs } from '../sync/objectStoreFs';
import type { SyncCounts } from '../sync/syncGitSource';
import { importGitBundle } from './importGitBundle';
import { importZip } from './importZip';
import { OfflineCopyError } from './offlineCopyError';
import { offlineCopyKind } from './offlineCopyKind';
import { checkOfflineCopySize } from './offlineCopyLimits';
import { parsePinnedSigningKeys } from '../sync/pinnedSigningKeys';

export interface OfflineCopyEngineRequest {
  sourceId: string;
  /** The file's name as picked (shown in the provenance line). */
  fileName: string;
  bytes: Uint8Array;
  branch?: string | undefined;
  subdir?: string | undefined;
  /** The commit the cache holds for the source, when it holds one. */
  previousCommit?: string | undefined;
  cached: CachedFileIndex;
  /** Apply an older or unrelated commit: the person saw both and chose this one. */
  allowOlder?: boolean | undefined;
  rereadAll?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /** The source's pinned signing keys and whether it refuses unsigned commits (see `SigningPolicy`). */
  pinnedSigningKeys?: string | undefined;
  requireSignedCommits?: boolean | undefined;
}

export interface OfflineCopyEngineResult {
  /** Hand to `applyChangeSet`. */
  changeSet: ChangeSet;
  /** The provenance to record once the change set is applied (`importedAt` is set then). */
  provenance: Omit<OfflineCopyProvenance, 'importedAt'>;
  /** What changed (absent when the engine ran in another realm and only the change set came back). */
  counts?: SyncCounts | undefined;
}

/** Computes an import's change set: here (browser worker, Electron main) or in another realm. */
export type OfflineCopyEngine = (request: OfflineCopyEngineRequest) => Promise<OfflineCopyEngineResult>;

/**
 * The engine over a source's object store: a Git bundle goes into the store the source's syncs use (so
 * a later sync continues from it), a zip is read in memory. What the file is, is judged by its bytes.
 */
export function localOfflineCopyEngine(deps: { fs: ObjectStoreFs; gitdir: string; cache?: object | undefined }): OfflineCopyEngine {
  return async (request) => {
    checkOfflineCopySize(request.bytes.length);
    const kind = offlineCopyKind(request.bytes);
    if (kind === 'zip') {
      refuseUnsignedZip(request);
      const { changeSet, stats } = await importZip(request);
      return {
        changeSet,
        provenance: { kind, fileName: request.fileName, version: stats.version },
        counts: stats.counts,
      };
    }
    if (kind === 'bundle') {
      const { changeSet, stats } = await importGitBundle(request, deps);
      return {
        changeSet,
        provenance: {
          kind,
          fileName: request.fileName,
          version: stats.commit,
          commit: stats.commit,
          committedAt: stats.committedAt,
          branch: stats.branch,
        },
        counts: stats.counts,
      };
    }
    throw new OfflineCopyError('not-an-offline-copy', 'The file is neither a Git bundle nor a zip. Nothing was changed.');
  };
}

/** A zip holds files, not commits, so it carries no signature: a source that requires signed commits refuses it. */
export function refuseUnsignedZip(request: Pick<OfflineCopyEngineRequest, 'pinnedSigningKeys' | 'requireSignedCommits'>): void {
  if (!request.requireSignedCommits || parsePinnedSigningKeys(request.pinnedSigningKeys ?? '').keys.length === 0) return;
  throw new OfflineCopyError(
    'signature-refused',
    'A zip holds no signed commit, and this source requires commits signed by its pinned keys. Import a Git bundle of the repository instead. Nothing was changed.',
  );
}
