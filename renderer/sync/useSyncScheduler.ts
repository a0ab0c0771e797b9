import { useEffect } from 'react';
import { readSettings } from '../../core/userdata/settings';
import { useServices } from '../app/appServices';

/**
 * How long after the cache opens the start-up sync waits. Starting the sync worker and fetching cost a phone
 * several hundred ms of CPU, which would otherwise be taken from drawing the page just opened and from the
 * reader's first search; the cached copy is what is read meanwhile either way.
 */
export const START_SYNC_DELAY_MS = 2_000;

/**
 * Brings Git sources up to date without the reader asking: shortly after start when online, when the
 * connection comes back, and every `syncIntervalMinutes` (default 15). Reading never waits for any of
 * these. The start-up sync leaves out sources synced (or cancelled) since the page opened. At start it also
 * deletes the downloaded Git data of sources that no longer exist.
 */
export function useSyncScheduler(cacheReady: boolean): void {
  const { db, sync: syncClient } = useServices();
  useEffect(() => {
    if (!cacheReady) return;
    let timer: number | undefined;
    let stopped = false;
    const syncIfOnline = () => {
      if (navigator.onLine) void syncClient.syncAll();
    };
    const atStart = window.setTimeout(() => {
      if (navigator.onLine) void syncClient.syncAll({ untriedOnly: true });
      void syncClient.pruneLeftoverStores();
    }, START_SYNC_DELAY_MS);
    window.addEventListener('online', syncIfOnline);
    void readSettings(db).then(({ syncIntervalMinutes }) => {
      if (!stopped && syncIntervalMinutes > 0) timer = window.setInterval(syncIfOnline, syncIntervalMinutes * 60_000);
    });
    return () => {
      stopped = true;
      window.clearTimeout(atStart);
      window.removeEventListener('online', syncIfOnline);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [cacheReady, db, syncClient]);
}
