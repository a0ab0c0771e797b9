import type { SourceRecord } from '../../core/model';
import type { BundleSourceMatch } from '../../core/offlineCopy/matchBundleSource';
import type { OfflineCopySaveOutcome } from '../../core/offlineCopy/offlineCopyInHost';
import { OfflineCopyError } from '../../core/offlineCopy/offlineCopyError';
import { offlineCopyKind, type OfflineCopyKind } from '../../core/offlineCopy/offlineCopyKind';
import { checkOfflineCopySize } from '../../core/offlineCopy/offlineCopyLimits';
import type { OfflineCopyImportOutcome, OfflineCopyImportRequest } from '../../core/offlineCopy/runOfflineCopyImport';
import { db } from '../app/database';
import { notifySearchIndexChanged } from '../search/searchClient';
import { syncClient } from '../sync/syncClient';
import type { SaveResult } from './saveResult';

/** A picked, dropped or opened file, read and recognised: what the import panel offers to import. */
export interface PickedOfflineCopy {
  fileName: string;
  kind: OfflineCopyKind;
  bytes: Uint8Array;
}

/**
 * Reads a file the person gave: refused by its size before a byte is read (a 2 GB file is never loaded),
 * then by its first bytes when it is neither a Git bundle nor a zip. Throws an `OfflineCopyError`.
 */
export async function readPickedFile(file: Blob & { name: string }): Promise<PickedOfflineCopy> {
  checkOfflineCopySize(file.size);
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const kind = offlineCopyKind(head);
  if (!kind) throw new OfflineCopyError('not-an-offline-copy', `"${file.name}" is neither a Git bundle nor a zip. Nothing was changed.`);
  return { fileName: baseName(file.name), kind, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * Imports where syncs run: the sync worker in the browser; on desktop main computes the change set in the
 * source's object store and this page applies it. Never rejects.
 */
export async function importOfflineCopy(request: OfflineCopyImportRequest): Promise<OfflineCopyImportOutcome> {
  let outcome: OfflineCopyImportOutcome;
  try {
    const bridge = window.runbookReader;
    if (bridge) {
      const [{ desktopOfflineCopyEngine }, { runOfflineCopyImport }] = await Promise.all([
        import('./desktopOfflineCopy'),
        import('../../core/offlineCopy/runOfflineCopyImport'),
      ]);
      outcome = await runOfflineCopyImport(db, request, { engine: desktopOfflineCopyEngine(bridge) });
    } else {
      const reply = await syncClient.askWorkerAboutOfflineCopy({ type: 'import-offline-copy', request });
      if (!('outcome' in reply)) throw new Error('The sync worker gave an answer that is not an import’s.');
      outcome = reply.outcome as OfflineCopyImportOutcome;
    }
  } catch (error) {
    outcome = { ok: false, error: { code: 'unknown', message: error instanceof Error ? error.message : String(error) } };
  }
  if (outcome.ok) notifySearchIndexChanged(outcome.sourceId);
  return outcome;
}

/**
 * Which of these Git sources a picked bundle updates, judged where the object stores are (the sync worker
 * in the browser, main on desktop) without importing or keeping anything. Undefined when that could not be
 * told (the file cannot be read: the import says why). Never rejects.
 */
export async function inspectOfflineCopy(
  bytes: Uint8Array,
  sources: readonly Pick<SourceRecord, 'id' | 'version'>[],
): Promise<BundleSourceMatch | undefined> {
  // Only commit ids: main's schema takes nothing else, and nothing else names a repository's state.
  const compared = sources.map(({ id, version }) => ({ id, version: version && /^[0-9a-f]{40}$/.test(version) ? version : undefined }));
  try {
    const bridge = window.runbookReader;
    // A copy of its own: the worker takes over the buffer it is sent, and the import needs the file after.
    if (bridge) return (await bridge.inspectOfflineCopy({ bytes: bytes.slice(), sources: compared })).match;
    const inspectId = `inspect-${crypto.randomUUID()}`;
    const reply = await syncClient.askWorkerAboutOfflineCopy({
      type: 'inspect-offline-copy',
      inspectId,
      bytes: bytes.slice(),
      sources: compared,
    });
    return reply.type === 'offline-copy-inspected' ? reply.match : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Saves a Git source's commit as a bundle: the desktop app asks where (a save dialog), the browser
 * downloads it. Never rejects.
 */
export async function saveOfflineCopy(source: SourceRecord): Promise<SaveResult> {
  try {
    const bridge = window.runbookReader;
    if (bridge && source.version) {
      const { saveOnDesktop } = await import('./desktopOfflineCopy');
      return await saveOnDesktop(bridge, { ...source, version: source.version, branch: source.branch ?? source.importedFrom?.branch });
    }
    const reply = await syncClient.askWorkerAboutOfflineCopy({
      type: 'save-offline-copy',
      source: { id: source.id, name: source.name, version: source.version, branch: source.branch ?? source.importedFrom?.branch },
    });
    if (!('outcome' in reply)) return { ok: false, message: 'The sync worker gave an answer that is not a save’s.' };
    const outcome = reply.outcome as OfflineCopySaveOutcome;
    if (!outcome.ok) return { ok: false, message: outcome.error.message };
    download(outcome.bytes, outcome.fileName);
    return {
      ok: true,
      fileName: outcome.fileName,
      partialHistory: outcome.prerequisites.length > 0,
      historyNotFetched: outcome.historyNotFetched,
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/x-git-bundle' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the URL is let go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The name without any folder part (a drop or a launch may carry one). */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop() || name;
}
