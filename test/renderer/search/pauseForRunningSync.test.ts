import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIndexPause, SYNC_YIELD_LIMIT_MS } from '../../../renderer/search/pauseForRunningSync';
import { syncLockName } from '../../../renderer/sync/syncLockName';

/** A lock manager whose held locks the test sets, as `navigator.locks.query()` reports them. */
function fakeLocks(held: string[]) {
  return { query: () => Promise.resolve({ held: held.map((name) => ({ name, mode: 'exclusive' as const })), pending: [] }) };
}

/** Whether `promise` has settled once every timer due by now has run. */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  return settled;
}

describe('createIndexPause', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is one turn of the event loop when no sync is running', async () => {
    const pause = createIndexPause({ locks: fakeLocks(['some-other-lock']), now: () => Date.now() });
    await expect(settledNow(pause())).resolves.toBe(true);
  });

  it('lasts until a running sync lets go of its lock, then indexing goes on', async () => {
    const held = [syncLockName('team-docs')];
    const pause = createIndexPause({ locks: fakeLocks(held), now: () => Date.now() });
    const waiting = pause();
    await vi.advanceTimersByTimeAsync(500);
    await expect(settledNow(waiting)).resolves.toBe(false);
    held.length = 0;
    await vi.advanceTimersByTimeAsync(100);
    await expect(settledNow(waiting)).resolves.toBe(true);
  });

  it('stands aside for one sync at most the limit, then no longer waits while that sync runs', async () => {
    const held = [syncLockName('slow-mirror')];
    const pause = createIndexPause({ locks: fakeLocks(held), now: () => Date.now() });
    const first = pause();
    await vi.advanceTimersByTimeAsync(SYNC_YIELD_LIMIT_MS - 100);
    await expect(settledNow(first)).resolves.toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await expect(settledNow(first)).resolves.toBe(true);
    // The same sync still runs: the next batches are not held back again.
    await expect(settledNow(pause())).resolves.toBe(true);
    // Once a pause has seen no sync, the next sync is stood aside for again.
    held.length = 0;
    await expect(settledNow(pause())).resolves.toBe(true);
    held.push(syncLockName('slow-mirror'));
    await expect(settledNow(pause())).resolves.toBe(false);
  });

  it('goes on indexing when the lock manager is missing or refuses to answer', async () => {
    const refusing = { query: () => Promise.reject(new DOMException('No storage here', 'SecurityError')) };
    await expect(settledNow(createIndexPause({ locks: refusing })())).resolves.toBe(true);
    await expect(settledNow(createIndexPause({})())).resolves.toBe(true);
  });
});
