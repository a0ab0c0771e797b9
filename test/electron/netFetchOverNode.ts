import { fakeElectron } from '../setup/electronMock';

export interface NetFetchCall {
  url: string;
  init: RequestInit & { duplex?: string; bypassCustomProtocolHandlers?: boolean };
}

/**
 * Plays Electron's `net.fetch` with Node's own fetch (undici) for the current test, so code that talks
 * through `electron/netHttpClient.ts` reaches the loopback Git server. Chromium's stack cannot run here;
 * both implement the same fetch API (streamed bodies with `duplex: 'half'`, `AbortSignal`). Returns the
 * calls made, in order.
 */
export function netFetchOverNode(): NetFetchCall[] {
  const calls: NetFetchCall[] = [];
  // The fake's declared type takes no arguments; the code under test calls it like the real `net.fetch`.
  (fakeElectron().net as { fetch: typeof fetch }).fetch = (input, init) => {
    calls.push({
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      init: { ...(init as NetFetchCall['init']) },
    });
    return fetch(input, init);
  };
  return calls;
}
