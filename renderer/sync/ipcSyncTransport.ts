import type { RunbookDatabase } from '../../core/cache/runbookDatabase';
import type { DesktopBridge } from '../../core/desktop/ipcContract';
import type { GitSyncEngine } from '../../core/sync/runGitSync';
import { failedOutcome, type SyncTransport } from './syncTransport';

/**
 * The desktop transport: the Electron main process fetches and parses (Chromium's network stack, the
 * token from its keychain-backed store) and answers with a change set, which `runGitSync` applies to
 * this page's cache in one transaction.
 */
/** Loaded on desktop only, on first need: the browser build's page never carries the engine (its worker does). */
function loadEngine() {
  return Promise.all([import('../../core/sync/runGitSync'), import('./desktopSyncEngine')]);
}

export function createIpcSyncTransport(bridge: DesktopBridge, db: RunbookDatabase): SyncTransport {
  const controllers = new Map<string, AbortController>();
  let engine: GitSyncEngine | undefined;
  return {
    kind: 'ipc',
    async sync(sourceId, onProgress) {
      const controller = new AbortController();
      controllers.set(sourceId, controller);
      try {
        const source = await db.sources.get(sourceId);
        if (!source) return { ok: false, error: { code: 'invalid-source', message: 'This source no longer exists.' } };
        const [{ runGitSync }, { createDesktopSyncEngine }] = await loadEngine();
        engine ??= createDesktopSyncEngine(bridge);
        return await runGitSync(db, source, { engine, signal: controller.signal, onProgress });
      } catch (error) {
        return failedOutcome(error);
      } finally {
        controllers.delete(sourceId);
      }
    },
    cancel(sourceId) {
      controllers.get(sourceId)?.abort();
    },
    prepare() {
      void loadEngine().catch(() => undefined);
    },
    async deleteStore(sourceId) {
      try {
        return await bridge.deleteSyncStore(sourceId);
      } catch (error) {
        return { deleted: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    async pruneStores(keepSourceIds) {
      try {
        return await bridge.pruneSyncStores(keepSourceIds);
      } catch {
        return { removed: 0, failed: 0 };
      }
    },
  };
}
