import type { RunbookDatabase } from '../../core/cache/runbookDatabase';
import type { Platform } from '../app/platform';
import { createIpcSyncTransport } from './ipcSyncTransport';
import type { SyncTransport } from './syncTransport';
import { createWorkerSyncTransport, type WorkerSyncTransportDeps } from './workerSyncTransport';

/**
 * The page's sync transport, chosen once from the platform: IPC to the main process in the desktop app,
 * the sync worker in a browser. Nothing else in the renderer asks which platform it is to sync.
 */
export function chooseSyncTransport(
  platform: Platform,
  db: RunbookDatabase,
  worker: Omit<WorkerSyncTransportDeps, 'db'> = {},
): SyncTransport {
  return platform.kind === 'desktop' ? createIpcSyncTransport(platform.desktop, db) : createWorkerSyncTransport({ ...worker, db });
}
