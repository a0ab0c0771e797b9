import type { DesktopBridge } from '../../core/desktop/ipcContract';
import type { OfflineCopyEngine } from '../../core/offlineCopy/offlineCopyEngine';
import { OfflineCopyError, type OfflineCopyErrorCode } from '../../core/offlineCopy/offlineCopyError';
import type { SaveResult } from './saveResult';

/**
 * Desktop: the main process computes the change set in the source's object store (as for a sync) and
 * this page applies it; what the cache holds travels with the request, as for `sync:run`.
 */
export function desktopOfflineCopyEngine(bridge: DesktopBridge): OfflineCopyEngine {
  return async (request) => {
    const answer = await bridge.importOfflineCopy({
      sourceId: request.sourceId,
      fileName: request.fileName,
      // Copied into a buffer of its own (the file's bytes may be a view into a larger one).
      bytes: new Uint8Array(request.bytes),
      branch: request.branch,
      subdir: request.subdir,
      previousCommit: request.previousCommit,
      cached: Object.fromEntries(await request.cached.all()),
      allowOlder: request.allowOlder,
      pinnedSigningKeys: request.pinnedSigningKeys,
      requireSignedCommits: request.requireSignedCommits,
    });
    if (answer.ok) return { changeSet: answer.changeSet, provenance: answer.provenance };
    const { code, message, branches, imported, current } = answer.error;
    // Main built the code from the same OfflineCopyError codes (or a SyncError's); the page only shows it.
    throw new OfflineCopyError(code as OfflineCopyErrorCode, message, { branches, imported, current });
  };
}

/** Desktop: main asks where to save (a save dialog) and writes the bundle there. */
export async function saveOnDesktop(
  bridge: DesktopBridge,
  source: { id: string; name: string; version: string; branch?: string | undefined },
): Promise<SaveResult> {
  const result = await bridge.saveOfflineCopy({ sourceId: source.id, name: source.name, commit: source.version, branch: source.branch });
  if (result.saved) {
    return {
      ok: true,
      fileName: result.fileName ?? 'the bundle',
      partialHistory: result.partialHistory ?? false,
      historyNotFetched: result.historyNotFetched,
    };
  }
  return { ok: false, message: result.reason ?? 'The offline copy was not saved.', cancelled: result.cancelled };
}
