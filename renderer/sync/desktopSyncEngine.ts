import type { DesktopBridge } from '../../core/desktop/ipcContract';
import { syncRunRequestOf } from '../../core/desktop/syncRunWire';
import { checkRepositoryUrl } from '../../core/sync/checkSourceSettings';
import type { GitSyncEngine } from '../../core/sync/runGitSync';
import { syncSettingsOf } from '../../core/sync/gitSyncRequest';
import { SyncError, syncCancelled } from '../../core/sync/syncError';

/**
 * The desktop engine for `runGitSync`: the Electron main process fetches and parses (Chromium's network
 * stack with the system proxy, no CORS, the token from its keychain-backed store) and answers with a
 * change set, which `runGitSync` then applies to this page's cache in one transaction. Failures come back
 * as the engine's own `SyncError`s. Aborting the request's `signal` asks main to stop (`sync:cancel`);
 * main then answers `cancelled`.
 */
export function createDesktopSyncEngine(
  bridge: Pick<DesktopBridge, 'saveSource' | 'syncRun' | 'syncCancel' | 'onSyncProgress'>,
): GitSyncEngine {
  // The settings this page has told main, per source; told again only when they differ (a source from
  // before main kept settings, or one edited since).
  const told = new Map<string, string>();
  return async (request) => {
    if (request.signal?.aborted) throw syncCancelled();
    // The same checks main makes, here first so a bad setting gets the engine's own words.
    checkRepositoryUrl(request.url);
    const settings = syncSettingsOf({
      id: request.sourceId,
      location: request.url,
      branch: request.branch,
      subdir: request.subdir,
      pinnedSigningKeys: request.pinnedSigningKeys,
      requireSignedCommits: request.requireSignedCommits,
    });
    const key = JSON.stringify(settings);
    if (told.get(request.sourceId) !== key) {
      let saved: Awaited<ReturnType<DesktopBridge['saveSource']>>;
      try {
        saved = await bridge.saveSource(settings);
      } catch (error) {
        throw refusedByMain(error);
      }
      if (!saved.saved) throw new SyncError('unknown', saved.reason ?? 'The app could not save the source settings.');
      told.set(request.sourceId, key);
    }
    // Main syncs from the settings it saved; the request only names the source and what the cache holds.
    const ipcRequest = await syncRunRequestOf(request);
    const onProgress = request.onProgress;
    const unsubscribe = onProgress
      ? bridge.onSyncProgress((event) => {
          if (event.sourceId === request.sourceId) onProgress(event.progress);
        })
      : undefined;
    const signal = request.signal;
    const cancelInMain = () => {
      // Main answers the running `sync:run` with `cancelled`; a failure to ask changes nothing to wait for.
      bridge.syncCancel(request.sourceId).catch(() => {});
    };
    let response: Awaited<ReturnType<DesktopBridge['syncRun']>>;
    try {
      if (signal?.aborted) throw syncCancelled();
      signal?.addEventListener('abort', cancelInMain, { once: true });
      response = await bridge.syncRun(ipcRequest);
    } catch (error) {
      if (error instanceof SyncError) throw error;
      throw refusedByMain(error);
    } finally {
      signal?.removeEventListener('abort', cancelInMain);
      unsubscribe?.();
    }
    // The bridge checked the answer against its schema: the code is one the page knows.
    if (!response.ok) throw new SyncError(response.error.code, response.error.message);
    return { changeSet: response.changeSet, stats: response.stats };
  };
}

/**
 * `invoke` rejects when main refused the request (`sync:run refused: <reason>`; reasons never quote
 * values) or the app is going away. Electron prefixes its own words; the reason is what a person can act on.
 */
function refusedByMain(error: unknown): SyncError {
  const text = error instanceof Error ? error.message : String(error);
  const refused = /(?:sync:run|source:save) refused: (.*)$/s.exec(text)?.[1];
  if (refused) return new SyncError('invalid-source', refused);
  return new SyncError('unknown', `The desktop app could not run the sync: ${text}`);
}
