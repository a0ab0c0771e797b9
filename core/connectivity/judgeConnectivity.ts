import type { SourceRecord } from '../model';
import type { SyncErrorCode } from '../sync/syncError';

/**
 * The app's own answer to "can I reach my runbooks' hosts?", so the page never trusts `navigator.onLine`
 * alone: it says true behind a dead VPN, and after a service-worker reload Chromium reports it as true
 * whatever the network does.
 *
 * - `online`: nothing says otherwise.
 * - `offline`: the device itself reports no network.
 * - `unreachable`: the device has a network, but the last attempt to reach a source's host failed for a
 *   network reason (and nothing has reached that host since).
 * - `cross-origin-refused`: in a browser, the sync failed as if the host were unreachable, but a plain
 *   probe reached the host at about the same time: the host answers and refuses the page's requests (CORS).
 *   Named only on that evidence, never guessed from a sync error alone.
 */
export type ConnectivityVerdict =
  | { state: 'online' }
  | { state: 'offline'; copyFrom?: string | undefined }
  | { state: 'unreachable'; host: string; code: SyncErrorCode; copyFrom?: string | undefined }
  | { state: 'cross-origin-refused'; host: string; copyFrom?: string | undefined };

/** How far apart a failed sync and a successful probe may be for the two to describe the same network. */
export const PROBE_PAIRING_MS = 5 * 60_000;

/** Codes that mean the host could not be reached at all (as opposed to it answering with a refusal). */
const UNREACHABLE_CODES: ReadonlySet<SyncErrorCode> = new Set(['offline', 'host-not-found', 'timed-out', 'connection-cut']);

/** Outcomes that say nothing about the network: the attempt never got that far. */
const NOT_EVIDENCE: ReadonlySet<SyncErrorCode> = new Set(['cancelled', 'already-running', 'invalid-source', 'storage-full']);

/** A cheap request made when a sync is due: it answers whether the host responded at all. */
export interface ProbeOutcome {
  host: string;
  reached: boolean;
  at: string;
}

export interface ConnectivityInput {
  /** `navigator.onLine` (or Electron's `net.isOnline()`): trusted only when it says false. */
  deviceOnline: boolean;
  sources: readonly Pick<SourceRecord, 'kind' | 'location' | 'lastSyncAt' | 'lastError'>[];
  /** The latest probe per host, when any was made. */
  probes?: readonly ProbeOutcome[] | undefined;
  /** True in the browser build, where a request the host refuses cross-origin fails like a network error. */
  crossOriginApplies?: boolean | undefined;
}

export function judgeConnectivity(input: ConnectivityInput): ConnectivityVerdict {
  const remote = input.sources.filter((source) => source.kind === 'git' && source.location);
  if (!input.deviceOnline) return { state: 'offline', copyFrom: newest(remote.map((source) => source.lastSyncAt)) };

  let failure: { host: string; code: SyncErrorCode; at: string; copyFrom?: string | undefined } | undefined;
  let refused: { host: string; copyFrom?: string | undefined } | undefined;
  for (const source of remote) {
    const host = hostOf(source.location!);
    // The newest piece of evidence about this host decides: a sync that got through, an error (a refusal
    // such as HTTP 401 still means the host answered), or a probe.
    const evidence: { at: string; reached: boolean; code: SyncErrorCode }[] = [];
    if (source.lastSyncAt) evidence.push({ at: source.lastSyncAt, reached: true, code: 'unknown' });
    const code = source.lastError?.code as SyncErrorCode | undefined;
    if (source.lastError && code && !NOT_EVIDENCE.has(code)) {
      evidence.push({ at: source.lastError.at, reached: !UNREACHABLE_CODES.has(code), code });
    }
    for (const probe of input.probes ?? []) {
      if (probe.host === host) evidence.push({ at: probe.at, reached: probe.reached, code: 'host-not-found' });
    }
    const latest = evidence.reduce<(typeof evidence)[number] | undefined>((a, b) => (!a || b.at > a.at ? b : a), undefined);
    if (
      input.crossOriginApplies &&
      source.lastError &&
      code === 'host-not-found' &&
      !(source.lastSyncAt && source.lastSyncAt > source.lastError.at) &&
      probeReachedNear(input.probes, host, source.lastError.at)
    ) {
      refused ??= { host, copyFrom: source.lastSyncAt };
      continue;
    }
    if (!latest || latest.reached) continue;
    if (!failure || latest.at > failure.at) failure = { host, code: latest.code, at: latest.at, copyFrom: source.lastSyncAt };
  }
  if (failure) return { state: 'unreachable', host: failure.host, code: failure.code, copyFrom: failure.copyFrom };
  if (refused) return { state: 'cross-origin-refused', host: refused.host, copyFrom: refused.copyFrom };
  return { state: 'online' };
}

/** Whether the newest probe of `host` reached it, close enough in time to a sync failure at `at`. */
function probeReachedNear(probes: readonly ProbeOutcome[] | undefined, host: string, at: string): boolean {
  const newest = (probes ?? [])
    .filter((p) => p.host === host)
    .reduce<ProbeOutcome | undefined>((a, b) => (!a || b.at > a.at ? b : a), undefined);
  if (!newest?.reached) return false;
  return Math.abs(Date.parse(newest.at) - Date.parse(at)) <= PROBE_PAIRING_MS;
}

/** The host (with a non-default port) of a source URL; the URL itself when it does not parse. */
export function hostOf(location: string): string {
  try {
    return new URL(location).host || location;
  } catch {
    return location;
  }
}

function newest(times: readonly (string | undefined)[]): string | undefined {
  let out: string | undefined;
  for (const t of times) if (t && (!out || t > out)) out = t;
  return out;
}
