import { describe, expect, it, vi } from 'vitest';
import type { ProbeFetch } from '../../core/connectivity/probeHost';
import type { SourceSettings } from '../../core/desktop/ipcContract';
import { createHostProbe, netProbeFetch } from '../../electron/hostProbe';
import { fakeElectron } from '../setup/electronMock';

const AT = new Date('2026-12-05T09:00:00Z');
const SAVED: Record<string, SourceSettings> = {
  ops: { sourceId: 'ops', url: 'https://git.example.com/ops/runbooks.git', branch: 'main' },
};

/** A give-up timer the test fires by hand. */
function manualTimer() {
  const pending: { run: () => void; ms: number }[] = [];
  return { pending, setTimer: (run: () => void, ms: number) => (pending.push({ run, ms }), () => undefined) };
}

function probeWith(fetch: ProbeFetch, online = true, setTimer = manualTimer().setTimer) {
  return createHostProbe({ readSettings: async (sourceId) => SAVED[sourceId], isOnline: () => online, now: () => AT, setTimer }, fetch);
}

/** Replaces the fake `net.fetch` for this test; returns the calls it received. */
function fakeNetFetch(answer: (url: string) => Promise<Response>) {
  const calls: { url: string; init: RequestInit & { bypassCustomProtocolHandlers?: boolean } }[] = [];
  (fakeElectron().net as { fetch: unknown }).fetch = (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer(url);
  };
  return calls;
}

describe('desktop host probe (source:probe-host)', () => {
  it("asks the repository address main saved for the source, and reports the host's answer", async () => {
    const fetch = vi.fn<ProbeFetch>(async () => ({ status: 200 }));
    expect(await probeWith(fetch)('ops')).toEqual({ host: 'git.example.com', reached: true, at: AT.toISOString() });
    expect(fetch).toHaveBeenCalledWith('https://git.example.com/ops/runbooks.git/info/refs?service=git-upload-pack', expect.anything());
  });

  it('answers null for a source main has no address for, and makes no request', async () => {
    const fetch = vi.fn<ProbeFetch>();
    expect(await probeWith(fetch)('unknown')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reports not reached without a request when Electron says the device is offline', async () => {
    const fetch = vi.fn<ProbeFetch>();
    expect(await probeWith(fetch, false)('ops')).toEqual({ host: 'git.example.com', reached: false, at: AT.toISOString() });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reports not reached when the host does not answer before the give-up timer', async () => {
    const timer = manualTimer();
    const probing = probeWith(
      (_url, init) => new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted')))),
      true,
      timer.setTimer,
    )('ops');
    await vi.waitFor(() => expect(timer.pending).toHaveLength(1));
    timer.pending[0]!.run();
    expect(await probing).toMatchObject({ reached: false });
  });
});

describe('netProbeFetch (Electron net.fetch for the probe)', () => {
  const init = () => ({
    method: 'HEAD' as const,
    mode: 'no-cors' as const,
    cache: 'no-store' as const,
    signal: new AbortController().signal,
  });

  it('sends a credential-less HEAD that neither follows redirects nor reaches the app:// handler', async () => {
    const calls = fakeNetFetch(async () => new Response(null, { status: 401 }));
    await netProbeFetch('https://git.example.com/x.git/info/refs?service=git-upload-pack', init());
    expect(calls).toEqual([
      {
        url: 'https://git.example.com/x.git/info/refs?service=git-upload-pack',
        init: expect.objectContaining({ method: 'HEAD', redirect: 'manual', credentials: 'omit', bypassCustomProtocolHandlers: true }),
      },
    ]);
  });

  it('counts a redirect it did not follow as an answer from the host', async () => {
    fakeNetFetch(() => Promise.reject(new Error('Redirect was cancelled')));
    await expect(netProbeFetch('https://git.example.com/x.git/info/refs', init())).resolves.toBeUndefined();
  });

  it.each([
    'net::ERR_NAME_NOT_RESOLVED',
    'net::ERR_INTERNET_DISCONNECTED',
    'net::ERR_PROXY_CONNECTION_FAILED',
    'net::ERR_CONNECTION_REFUSED',
  ])('passes a network failure (%s) on, so the host counts as not reached', async (name) => {
    fakeNetFetch(() => Promise.reject(new Error(name)));
    await expect(netProbeFetch('https://git.example.com/x.git/info/refs', init())).rejects.toThrow(name);
  });

  it('passes the give-up abort on', async () => {
    fakeNetFetch(() => Promise.reject(new Error('aborted')));
    const controller = new AbortController();
    controller.abort();
    await expect(netProbeFetch('https://git.example.com/x.git/info/refs', { ...init(), signal: controller.signal })).rejects.toThrow(
      'aborted',
    );
  });
});
