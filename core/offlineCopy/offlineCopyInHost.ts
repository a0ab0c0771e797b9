import type { RunbookDatabase } from '../cache/runbookDatabase';
import type { SyncHost } from '../sync/syncHost';
import { localOfflineCopyEngine } from './offlineCopyEngine';
import {
  describeImportFailure,
  runOfflineCopyImport,
  type OfflineCopyImportOutcome,
  type OfflineCopyImportRequest,
} from './runOfflineCopyImport';
import type { HistoryFetcher } from './fetchFullHistory';
import { writeGitBundle } from './writeGitBundle';

/**
 * Imports an offline copy where the sync runs (the browser's sync worker): in the source's slot of the
 * sync host, so it never overlaps a sync of the same source (here or, through Web Locks, in another tab),
 * and into the same object store; a sync running when the person asks is waited for, not refused. Never rejects.
 */
export async function importOfflineCopyInHost(
  host: SyncHost,
  db: RunbookDatabase,
  request: OfflineCopyImportRequest,
): Promise<OfflineCopyImportOutcome> {
  try {
    return await host.run(
      request.sourceId,
      (slot) => runOfflineCopyImport(db, request, { engine: localOfflineCopyEngine(slot), signal: slot.signal }),
      { waitForTurn: true },
    );
  } catch (error) {
    return { ok: false, error: describeImportFailure(error) };
  }
}

export type OfflineCopySaveOutcome =
  | {
      ok: true;
      bytes: Uint8Array;
      /** A name for the file: the source's name and commit. */
      fileName: string;
      /** Commits the store lacks (a sync fetches the latest only); see `BundleExport.prerequisites`. */
      prerequisites: string[];
      /** Why the missing history could not be fetched first, when it was missing and the fetch failed. */
      historyNotFetched?: string | undefined;
    }
  | { ok: false; error: { code: string; message: string } };

/**
 * A full bundle of the commit a Git source's cache holds, from its object store. When the store lacks the
 * commit's history (a sync fetched the latest commit only) and `fetchHistory` is given, the history is
 * fetched first so that `git clone` accepts the bundle; when that fails (offline, host down), the bundle is
 * saved as it is, with the reason. A sync of the source running when the person asks is waited for, not
 * refused. Never rejects.
 */
export async function saveOfflineCopyInHost(
  host: SyncHost,
  source: { id: string; name: string; version?: string | undefined; branch?: string | undefined },
  fetchHistory?: HistoryFetcher,
): Promise<OfflineCopySaveOutcome> {
  const commit = source.version;
  if (!commit || !/^[0-9a-f]{40}$/.test(commit)) {
    return { ok: false, error: { code: 'not-synced', message: 'This source holds no Git commit yet: sync or import it first.' } };
  }
  try {
    return await host.run(
      source.id,
      async (slot) => {
        const request = { commit, branch: source.branch || 'main' };
        let bundle = await writeGitBundle(slot, request);
        let historyNotFetched: string | undefined;
        if (bundle.prerequisites.length > 0 && fetchHistory) {
          try {
            await fetchHistory(slot, commit);
            bundle = await writeGitBundle(slot, request);
          } catch (error) {
            historyNotFetched = error instanceof Error ? error.message : String(error);
          }
        }
        const { bytes, prerequisites } = bundle;
        return { ok: true as const, bytes, fileName: offlineCopyFileName(source.name, commit), prerequisites, historyNotFetched };
      },
      { waitForTurn: true },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    return { ok: false, error: { code: typeof code === 'string' ? code : 'unknown', message } };
  }
}

/** `ops-runbooks-1a2b3c4.bundle`: a file name any file system takes. */
export function offlineCopyFileName(name: string, commit: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return `${safe || 'runbooks'}-${commit.slice(0, 7)}.bundle`;
}
