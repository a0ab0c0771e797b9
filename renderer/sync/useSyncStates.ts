import { useSyncExternalStore } from 'react';
import { useServices } from '../app/appServices';
import type { SourceSyncState } from './syncClient';

/** Every source's sync state (running, progress, last outcome), re-rendered as it changes. */
export function useSyncStates(): ReadonlyMap<string, SourceSyncState> {
  const { sync } = useServices();
  return useSyncExternalStore(sync.subscribe, sync.getSnapshot, sync.getSnapshot);
}
