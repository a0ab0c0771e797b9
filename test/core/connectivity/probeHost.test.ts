import { describe, expect, it } from 'vitest';
import { probeHost, probeUrl, type ProbeFetch } from '../../../core/connectivity/probeHost';

const AT = new Date('2026-12-04T12:00:00Z');

/** A timer the test fires by hand: no real time passes. */
function manualTimer() {
  const pending: { run: () => void; ms: number; cleared: boolean }[] = [];
  return {
    pending,
    setTimer: (run: () => void, ms: number) => {
      const entry = { run, ms, cleared: false };
      pending.push(entry);
      return () => {
        entry.cleared = true;
      };
    },
  };
}

describe('probeHost', () => {
  it("asks the repository's info/refs with a HEAD in no-cors mode and counts any answer as reached", async () => {
    const seen: { url: string; init: Parameters<ProbeFetch>[1] }[] = [];
    const timer = manualTimer();
    const outcome = await probeHost('https://git.example.com:8443/team/runbooks.git', {
      fetch: async (url, init) => {
        seen.push({ url, init });
        return { type: 'opaque', status: 0 };
      },
      now: () => AT,
      setTimer: timer.setTimer,
    });
    expect(outcome).toEqual({ host: 'git.example.com:8443', reached: true, at: AT.toISOString() });
    expect(seen.map((s) => [s.url, s.init.method, s.init.mode])).toEqual([
      ['https://git.example.com:8443/team/runbooks.git/info/refs?service=git-upload-pack', 'HEAD', 'no-cors'],
    ]);
    expect(timer.pending[0]).toMatchObject({ ms: 5_000, cleared: true });
  });

  it('counts a network failure (DNS, refused, VPN down) as not reached', async () => {
    const outcome = await probeHost('https://git.example.com/x.git', {
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      now: () => AT,
      setTimer: manualTimer().setTimer,
    });
    expect(outcome).toEqual({ host: 'git.example.com', reached: false, at: AT.toISOString() });
  });

  it('gives up when the host does not answer in time', async () => {
    const timer = manualTimer();
    const probing = probeHost('https://slow.example.com/x.git', {
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      now: () => AT,
      timeoutMs: 2_000,
      setTimer: timer.setTimer,
    });
    expect(timer.pending).toHaveLength(1);
    expect(timer.pending[0]!.ms).toBe(2_000);
    timer.pending[0]!.run();
    expect(await probing).toMatchObject({ host: 'slow.example.com', reached: false });
  });

  it('does not probe a location that is not a URL', async () => {
    let called = false;
    const outcome = await probeHost('not a url', {
      fetch: async () => {
        called = true;
      },
      now: () => AT,
    });
    expect(called).toBe(false);
    expect(outcome.reached).toBe(false);
  });
});

describe('probeUrl', () => {
  it('is the info/refs address a sync asks first, whatever trailing slash or fragment the location has', () => {
    expect(probeUrl('https://git.example.com/team/runbooks.git/')).toBe(
      'https://git.example.com/team/runbooks.git/info/refs?service=git-upload-pack',
    );
    expect(probeUrl('https://git.example.com/team/runbooks#main')).toBe(
      'https://git.example.com/team/runbooks/info/refs?service=git-upload-pack',
    );
  });
});
