import { applyChangeSet, type AppliedChangeSummary } from '../cache/applyChangeSet';
import type { RunbookDatabase } from '../cache/runbookDatabase';
import type { OfflineCopyProvenance, SourceRecord } from '../model';
import { fileIndexFromCache } from '../sync/fileIndexFromCache';
import { withSourceLock } from '../sync/sourceLock';
import { SyncError } from '../sync/syncError';
import { isQuotaError } from '../sync/classifySyncError';
import type { OfflineCopyEngine } from './offlineCopyEngine';
import { OfflineCopyError, type CommitWhen, type OfflineCopyErrorCode } from './offlineCopyError';
import { offlineCopyKind } from './offlineCopyKind';

/** What the page asks for: plain data, so it crosses `postMessage` and IPC. */
export interface OfflineCopyImportRequest {
  /** The source to update, or the id the new source gets (with `newSource`). */
  sourceId: string;
  /** Create the source; its name as the person sees it. Absent: update the existing `sourceId`. */
  newSource?: { name: string } | undefined;
  fileName: string;
  bytes: Uint8Array;
  /** The branch the person picked when the bundle holds several. */
  branch?: string | undefined;
  /** Apply an older or unrelated commit: the person saw both commits and chose this one. */
  allowOlder?: boolean | undefined;
}

export interface OfflineCopyImportFailure {
  code: OfflineCopyErrorCode | SyncError['code'] | 'unknown';
  message: string;
  /** `choose-branch`: the bundle's branches. */
  branches?: string[] | undefined;
  /** `older-commit`: the two commits to choose between. */
  imported?: CommitWhen | undefined;
  current?: CommitWhen | undefined;
}

export type OfflineCopyImportOutcome =
  | { ok: true; sourceId: string; provenance: OfflineCopyProvenance; applied: AppliedChangeSummary }
  | { ok: false; error: OfflineCopyImportFailure };

/**
 * Imports an offline copy into the cache, as `runGitSync` does for a sync: under the source's lock, the
 * engine computes the change set against what the cache holds, and `applyChangeSet` writes it in one
 * transaction; then the provenance is recorded on the source. A new source's record is written only once
 * the change set is ready, and taken back if applying fails, so a refused file leaves no trace: the cache,
 * bookmarks and ticks are as they were. Never rejects.
 */
export async function runOfflineCopyImport(
  db: RunbookDatabase,
  request: OfflineCopyImportRequest,
  deps: { engine: OfflineCopyEngine; signal?: AbortSignal | undefined; now?: (() => Date) | undefined },
): Promise<OfflineCopyImportOutcome> {
  const now = deps.now ?? (() => new Date());
  const { sourceId } = request;
  try {
    return await withSourceLock(sourceId, async () => {
      const existing = await db.sources.get(sourceId);
      if (!existing && !request.newSource) throw new SyncError('invalid-source', 'This source no longer exists.');
      if (existing && request.newSource) throw new SyncError('invalid-source', 'A source with this id exists already.');
      const kind = offlineCopyKind(request.bytes);
      if (existing && existing.kind !== 'git' && kind === 'bundle') {
        throw new SyncError(
          'invalid-source',
          `"${existing.name}" is not a Git source, so a Git bundle cannot update it; import it as a new source.`,
        );
      }
      if (existing && existing.kind === 'bundled') {
        throw new SyncError('invalid-source', 'The runbooks shipped with the app cannot be replaced; import the file as a new source.');
      }
      const held = existing?.version && /^[0-9a-f]{40}$/.test(existing.version) ? existing.version : undefined;
      const { changeSet, provenance } = await deps.engine({
        sourceId,
        fileName: request.fileName,
        bytes: request.bytes,
        // Not the source's branch: a colleague's bundle may name it differently; with several, the person picks.
        branch: request.branch,
        subdir: existing?.subdir,
        previousCommit: held,
        cached: fileIndexFromCache(db, sourceId),
        allowOlder: request.allowOlder,
        signal: deps.signal,
        pinnedSigningKeys: existing?.pinnedSigningKeys || undefined,
        requireSignedCommits: existing?.requireSignedCommits,
      });
      const at = now();
      if (!existing) {
        const record: SourceRecord = {
          id: sourceId,
          // A bundle holds a repository, so its source can be synced later (and keeps its object store).
          kind: provenance.kind === 'bundle' ? 'git' : 'folder',
          name: request.newSource!.name,
        };
        if (provenance.branch) record.branch = provenance.branch;
        await db.sources.add(record);
      }
      let applied: AppliedChangeSummary;
      try {
        applied = await applyChangeSet(db, changeSet, at);
      } catch (error) {
        if (!existing) await db.sources.delete(sourceId).catch(() => undefined);
        throw error;
      }
      const recorded: OfflineCopyProvenance = { ...provenance, importedAt: at.toISOString() };
      await db.sources.update(sourceId, { importedFrom: recorded, lastError: undefined });
      return { ok: true as const, sourceId, provenance: recorded, applied };
    });
  } catch (error) {
    return { ok: false, error: describeImportFailure(error) };
  }
}

/** The failure as plain data, with what the page needs to offer a choice (branches, both commits). */
export function describeImportFailure(error: unknown): OfflineCopyImportFailure {
  if (error instanceof OfflineCopyError) {
    const failure: OfflineCopyImportFailure = { code: error.code, message: error.message };
    if (error.details.branches) failure.branches = error.details.branches;
    if (error.details.imported) failure.imported = { ...error.details.imported };
    if (error.details.current) failure.current = { ...error.details.current };
    return failure;
  }
  if (error instanceof SyncError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  if (isQuotaError(error))
    return {
      code: 'storage-full',
      message: `The device's storage is full, so the copy was not imported (${message}). Nothing was changed.`,
    };
  return { code: 'unknown', message: `The import failed: ${message}. Nothing was changed.` };
}
