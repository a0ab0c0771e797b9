import { useEffect } from 'react';
import { readSettings } from '../../core/userdata/settings';
import { useServices } from '../app/appServices';

/**
 * Brings Git sources up to date without the reader asking: at start when online, when the connection
 * comes back, and every `syncIntervalMinutes` (default 15). Reading never waits for any of these. At
 * start it also deletes the downloaded Git data of sources that no longer exist.
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
    syncIfOnline();
    void syncClient.pruneLeftoverStores();
    window.addEventListener('online', syncIfOnline);
    void readSettings(db).then(({ syncIntervalMinutes }) => {
      if (!stopped && syncIntervalMinutes > 0) timer = window.setInterval(syncIfOnline, syncIntervalMinutes * 60_000);
    });
    return () => {
      stopped = true;
      window.removeEventListener('online', syncIfOnline);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [cacheReady, db, syncClient]);
}
