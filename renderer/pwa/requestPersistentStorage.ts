import type { Platform } from '../app/appServices';

/**
 * Asks once, at start, that the browser keep the cache when space runs low. Installed PWAs are usually
 * granted it silently; the Settings page shows the result and lets the user ask again.
 */
export async function requestPersistentStorage(platform: Platform): Promise<boolean> {
  if (!navigator.storage?.persist || platform.kind !== 'web') return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
