import { hostOf, type ProbeOutcome } from './judgeConnectivity';

/** A `fetch` as the probe needs it (the browser's, or a fake in tests). */
export type ProbeFetch = (
  url: string,
  init: { method: 'HEAD'; mode: 'no-cors'; cache: 'no-store'; signal: AbortSignal },
) => Promise<unknown>;

export interface ProbeDeps {
  fetch: ProbeFetch;
  now?: (() => Date) | undefined;
  /** Give up after this long (default 5 s): a host that takes longer is not usable mid-incident either. */
  timeoutMs?: number | undefined;
  /** Starts the give-up timer; injectable so tests need no real time. */
  setTimer?: ((run: () => void, ms: number) => () => void) | undefined;
}

export const PROBE_TIMEOUT_MS = 5_000;

/**
 * One cheap request to a source's host: a `HEAD` of the repository's `info/refs` (the address a sync asks
 * first, so a working repository answers 200 and the browser logs nothing) in `no-cors` mode. Any answer
 * (even an opaque or an error status) means the host was reached; only a network failure (no network, DNS,
 * refused connection, TLS, proxy or VPN down) or the timeout means it was not. `no-cors` never fails for
 * CORS reasons, so the probe tells "unreachable" from "refuses cross-origin requests".
 */
export async function probeHost(location: string, deps: ProbeDeps): Promise<ProbeOutcome> {
  const now = deps.now ?? (() => new Date());
  const host = hostOf(location);
  let url: string;
  try {
    url = probeUrl(location);
  } catch {
    return { host, reached: false, at: now().toISOString() };
  }
  const controller = new AbortController();
  const stopTimer = (deps.setTimer ?? defaultTimer)(() => controller.abort(), deps.timeoutMs ?? PROBE_TIMEOUT_MS);
  try {
    await deps.fetch(url, { method: 'HEAD', mode: 'no-cors', cache: 'no-store', signal: controller.signal });
    return { host, reached: true, at: now().toISOString() };
  } catch {
    return { host, reached: false, at: now().toISOString() };
  } finally {
    stopTimer();
  }
}

/** `<repository>/info/refs?service=git-upload-pack`, without any fragment or query of the location. */
export function probeUrl(location: string): string {
  const url = new URL(location);
  url.hash = '';
  url.search = '?service=git-upload-pack';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/info/refs`;
  return url.href;
}

function defaultTimer(run: () => void, ms: number): () => void {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
}
