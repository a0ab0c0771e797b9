import type { DesktopBridge } from '../../core/desktop/ipcContract';

/** Where the renderer runs: inside the Electron app (with its preload bridge) or in a browser / installed PWA. */
export type Platform = { kind: 'desktop'; desktop: DesktopBridge } | { kind: 'web' };

/** Reads the platform once: the preload bridge exists only in the desktop app. */
export function detectPlatform(bridge: DesktopBridge | undefined = globalThis.window?.runbookReader): Platform {
  return bridge ? { kind: 'desktop', desktop: bridge } : { kind: 'web' };
}
