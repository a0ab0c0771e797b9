import { registerSW } from 'virtual:pwa-register';
import type { Platform } from '../app/appServices';

type Listener = () => void;

let updateReady = false;
let applyUpdate: ((reload?: boolean) => Promise<void>) | undefined;
const listeners = new Set<Listener>();

/**
 * Registers the service worker that serves the app shell cache-first, on the web only: the desktop app
 * loads its files from inside the app and needs none. A new deployment waits for the user's consent,
 * so a page in the middle of a procedure never reloads by itself.
 */
export function registerServiceWorker(platform: Platform): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || platform.kind !== 'web') return;
  applyUpdate = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateReady = true;
      listeners.forEach((l) => l());
    },
  });
}

export function isUpdateReady(): boolean {
  return updateReady;
}

export function onUpdateReady(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Activates the waiting service worker and reloads into the new version. */
export function installUpdate(): void {
  void applyUpdate?.(true);
}
