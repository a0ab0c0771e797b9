/**
 * The app's services (cache, search, sync, source tokens, platform) as one React context, created once
 * when the page starts (`main.tsx`). Components ask `useServices()` / `usePlatform()` instead of probing
 * `window.runbookReader` or importing module singletons, so tests can hand them fakes.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { RunbookDatabase } from '../../core/cache/runbookDatabase';
import { searchClient } from '../search/searchClient';
import { sourceTokensFor, type SourceTokens } from '../sources/sourceTokens';
import { syncClient, type SyncClient } from '../sync/syncClient';
import { db } from './database';
import { detectPlatform, type Platform } from './platform';

export { detectPlatform, type Platform } from './platform';

export interface AppServices {
  db: RunbookDatabase;
  search: typeof searchClient;
  /** Syncs over the transport chosen for this platform (IPC to the main process, or the sync worker). */
  sync: SyncClient;
  /** Where Git tokens and source settings are kept on this platform. */
  sourceTokens: SourceTokens;
  platform: Platform;
}

let created: AppServices | undefined;

/** The services of this page, created on first use and the same object afterwards. */
export function appServices(): AppServices {
  if (!created) {
    const platform = detectPlatform();
    created = { db, search: searchClient, sync: syncClient, sourceTokens: sourceTokensFor(platform), platform };
  }
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
