/**
 * The app's services (cache, search, sync, platform) as one React context, created once when the page
 * starts (`main.tsx`). Components ask `useServices()` / `usePlatform()` instead of probing
 * `window.runbookReader` or importing module singletons, so tests can hand them fakes.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { DesktopBridge } from '../../core/desktop/ipcContract';
import type { RunbookDatabase } from '../../core/cache/runbookDatabase';
import { searchClient } from '../search/searchClient';
import { syncClient } from '../sync/syncClient';
import { db } from './database';

/** Where the renderer runs: inside the Electron app (with its preload bridge) or in a browser / installed PWA. */
export type Platform = { kind: 'desktop'; desktop: DesktopBridge } | { kind: 'web' };

export interface AppServices {
  db: RunbookDatabase;
  search: typeof searchClient;
  /** The sync client as it is today; the sync transport interface (IPC or worker) will take this slot. */
  sync: typeof syncClient;
  platform: Platform;
}

/** Reads the platform once: the preload bridge exists only in the desktop app. */
export function detectPlatform(bridge: DesktopBridge | undefined = globalThis.window?.runbookReader): Platform {
  return bridge ? { kind: 'desktop', desktop: bridge } : { kind: 'web' };
}

let created: AppServices | undefined;

/** The services of this page, created on first use and the same object afterwards. */
export function appServices(): AppServices {
  created ??= { db, search: searchClient, sync: syncClient, platform: detectPlatform() };
  return created;
}

const ServicesContext = createContext<AppServices | undefined>(undefined);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The services given to the nearest `ServicesProvider`, else the page's own (`appServices()`). */
export function useServices(): AppServices {
  return useContext(ServicesContext) ?? appServices();
}

export function usePlatform(): Platform {
  return useServices().platform;
}
