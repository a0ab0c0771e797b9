import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that serves the app shell cache-first, on the web only: the desktop app
 * loads its files from inside the app and needs none.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || window.runbookReader) return;
  registerSW({ immediate: true });
}
