import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runInSlices } from '../../../renderer/app/runInSlices';

/** A job of `count` steps, each taking 5 ms of the injected clock, recording which steps ran. */
function job(count: number, clock: { ms: number }, ran: number[]): Generator<void, string, void> {
  return (function* () {
    for (let i = 0; i < count; i++) {
      clock.ms += 5;
      ran.push(i);
      yield;
    }
    return 'finished';
  })();
}

describe('runInSlices', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the page back after about 30 ms of work and finishes over later tasks with the result', async () => {
    const clock = { ms: 0 };
    const ran: number[] = [];
    const { done } = runInSlices(job(10, clock, ran), () => clock.ms);
    // The first slice stops once 30 ms have gone: six 5 ms steps, not all ten.
    expect(ran).toEqual([0, 1, 2, 3, 4, 5]);
    await vi.runAllTimersAsync();
    expect(ran).toHaveLength(10);
    await expect(done).resolves.toBe('finished');
  });

  it('takes no further step once cancelled', async () => {
    const clock = { ms: 0 };
    const ran: number[] = [];
    const { done, cancel } = runInSlices(job(10, clock, ran), () => clock.ms);
    cancel();
    await vi.runAllTimersAsync();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5]);
    let settled = false;
    void done.then(() => (settled = true));
    await vi.runAllTimersAsync();
    expect(settled).toBe(false);
  });

  it('rejects with the error a step throws', async () => {
    const failing = (function* (): Generator<void, string, void> {
      yield;
      throw new Error('bad contact data');
    })();
    const { done } = runInSlices(failing, () => 0);
    await expect(done).rejects.toThrow('bad contact data');
  });
});
