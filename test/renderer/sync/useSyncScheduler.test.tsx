// @vitest-environment jsdom
import '../support/domTest';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { appServices, ServicesProvider } from '../../../renderer/app/appServices';
import type { SyncClient } from '../../../renderer/sync/syncClient';
import { START_SYNC_DELAY_MS, useSyncScheduler } from '../../../renderer/sync/useSyncScheduler';

let databases = 0;

function scheduled(cacheReady: boolean) {
  const sync = { syncAll: vi.fn(async () => undefined), pruneLeftoverStores: vi.fn(async () => ({ removed: 0, failed: 0 })) };
  const services = { ...appServices(), db: new RunbookDatabase(`scheduler-${++databases}`), sync: sync as unknown as SyncClient };
  const wrapper = ({ children }: { children: ReactNode }) => <ServicesProvider services={services}>{children}</ServicesProvider>;
  const hook = renderHook(({ ready }) => useSyncScheduler(ready), { wrapper, initialProps: { ready: cacheReady } });
  return { sync, hook };
}

describe('useSyncScheduler: the start-up sync leaves the first moments to the page being opened', () => {
  beforeEach(() => {
    // Only the page's timers: the cache (fake IndexedDB) keeps its own scheduling.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('syncs and prunes left-over stores once the start delay has passed, not while the page is drawn', () => {
    const { sync } = scheduled(true);
    vi.advanceTimersByTime(START_SYNC_DELAY_MS - 1);
    expect(sync.syncAll).not.toHaveBeenCalled();
    expect(sync.pruneLeftoverStores).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(sync.syncAll).toHaveBeenCalledTimes(1);
    // A source the reader synced or cancelled meanwhile is left alone.
    expect(sync.syncAll).toHaveBeenCalledWith({ untriedOnly: true });
    expect(sync.pruneLeftoverStores).toHaveBeenCalledTimes(1);
  });

  it('waits for the cache, and a page closed before the delay starts nothing', () => {
    const { sync, hook } = scheduled(false);
    vi.advanceTimersByTime(START_SYNC_DELAY_MS * 2);
    expect(sync.syncAll).not.toHaveBeenCalled();
    hook.rerender({ ready: true });
    hook.unmount();
    vi.advanceTimersByTime(START_SYNC_DELAY_MS * 2);
    expect(sync.syncAll).not.toHaveBeenCalled();
  });

  it('syncs at once when the connection comes back', () => {
    const { sync } = scheduled(true);
    window.dispatchEvent(new Event('online'));
    expect(sync.syncAll).toHaveBeenCalledTimes(1);
    expect(sync.syncAll).toHaveBeenCalledWith();
  });
});
