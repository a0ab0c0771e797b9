/**
 * The desktop app's cheap reachability probe (`source:probe-host`): the page's CSP forbids it to fetch a
 * Git host itself, so main makes the one short request for it, through Chromium's network stack (system
 * proxy, PAC, VPN routes: the same path a sync takes). The page names a source by id; the address comes
 * from main's own settings store, so the page cannot point a request from main anywhere else.
 */
import { net } from 'electron';
import { hostOf } from '../core/connectivity/judgeConnectivity';
import { probeHost, type ProbeFetch } from '../core/connectivity/probeHost';
import type { ProbeHostResult, SourceSettings } from '../core/desktop/ipcContract';
import { chromiumNetError } from './netErrors';

export interface HostProbeDependencies {
  /** Main's saved settings of the source (`electron/sourceSettingsStore.ts`). */
  readSettings(sourceId: string): Promise<SourceSettings | undefined>;
  /** `net.isOnline()`: when it says false no request is made. */
  isOnline(): boolean;
  now?: (() => Date) | undefined;
  /** The give-up timer, injectable so tests need no real time. */
  setTimer?: ((run: () => void, ms: number) => () => void) | undefined;
}

/**
 * `net.fetch` as the probe needs it: a HEAD that does not follow redirects (a redirect is an answer from
 * the host, and following it could lead to another host). Electron's `net.fetch` rejects a redirect it
 * may not follow with a plain error rather than a Chromium `net::ERR_…`, so only those network errors and
 * the give-up timer count as "not reached".
 */
export const netProbeFetch: ProbeFetch = async (url, init) => {
  try {
    return await net.fetch(url, {
      method: init.method,
      cache: init.cache,
      redirect: 'manual',
      signal: init.signal,
      credentials: 'omit',
      bypassCustomProtocolHandlers: true,
    });
  } catch (error) {
    if (!init.signal.aborted && chromiumNetError(error) === undefined) return undefined;
    throw error;
  }
};

export function createHostProbe(deps: HostProbeDependencies, fetch: ProbeFetch = netProbeFetch) {
  const now = deps.now ?? (() => new Date());
  return async (sourceId: string): Promise<ProbeHostResult> => {
    const settings = await deps.readSettings(sourceId).catch(() => undefined);
    if (!settings) return null;
    if (!deps.isOnline()) return { host: hostOf(settings.url), reached: false, at: now().toISOString() };
    return probeHost(settings.url, { fetch, now, setTimer: deps.setTimer });
  };
}
