import type { ConnectivityVerdict } from './judgeConnectivity';

/**
 * The one calm line the app shows on every page when it cannot reach its sources, or undefined when
 * there is nothing to say. `now` is passed in so the wording is testable and the same everywhere.
 */
export function describeConnectivity(verdict: ConnectivityVerdict, now: Date): string | undefined {
  if (verdict.state === 'online') return undefined;
  const copy = verdict.copyFrom ? `the copy from ${describeAge(verdict.copyFrom, now)}` : 'the cached copy';
  if (verdict.state === 'offline') return `Offline — showing ${copy}. External links need the network.`;
  if (verdict.state === 'cross-origin-refused') {
    return `${verdict.host} answers but refuses this page's requests (CORS) — showing ${copy}. See Sources.`;
  }
  return `Can't reach ${verdict.host} — showing ${copy}.`;
}

/** "just now", "12 min ago", "3 h ago", "2 days ago". */
export function describeAge(iso: string, now: Date): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'an unknown time';
  const minutes = Math.max(0, Math.floor((now.getTime() - then) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
