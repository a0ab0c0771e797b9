/**
 * Chromium's network stack (Electron `net.fetch`) fails with errors whose only content is a name such as
 * `net::ERR_NAME_NOT_RESOLVED`; the sync's `classifySyncError` reads Node's error codes. This module
 * gives each network failure the code Node would have used for the same thing, so the person sees the
 * same actionable words on desktop as in the CLI, and words of its own for failures only a proxy causes.
 */
import { SyncError } from '../core/sync/syncError';

/** Chromium net error → the Node error code `classifySyncError` turns into the right message. */
const NODE_CODE_FOR: Readonly<Record<string, string>> = {
  ERR_INTERNET_DISCONNECTED: 'ENETUNREACH',
  ERR_NAME_NOT_RESOLVED: 'ENOTFOUND',
  ERR_NAME_RESOLUTION_FAILED: 'ENOTFOUND',
  ERR_CONNECTION_REFUSED: 'ECONNREFUSED',
  ERR_ADDRESS_UNREACHABLE: 'EHOSTUNREACH',
  ERR_CONNECTION_TIMED_OUT: 'ETIMEDOUT',
  ERR_TIMED_OUT: 'ETIMEDOUT',
  ERR_CONNECTION_RESET: 'ECONNRESET',
  ERR_CONNECTION_CLOSED: 'ECONNRESET',
  ERR_CONNECTION_ABORTED: 'ECONNRESET',
  ERR_CONNECTION_FAILED: 'ECONNRESET',
  ERR_EMPTY_RESPONSE: 'ECONNRESET',
  ERR_INCOMPLETE_CHUNKED_ENCODING: 'ECONNRESET',
  ERR_CONTENT_LENGTH_MISMATCH: 'ECONNRESET',
  ERR_NETWORK_CHANGED: 'ECONNRESET',
  ERR_NETWORK_IO_SUSPENDED: 'ECONNRESET',
  ERR_HTTP2_PROTOCOL_ERROR: 'ECONNRESET',
};

/** Failures between this machine and the proxy named by the system settings or its PAC script. */
const PROXY_UNREACHABLE = new Set([
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED',
  'ERR_PAC_SCRIPT_FAILED',
  'ERR_SOCKS_CONNECTION_FAILED',
  'ERR_SOCKS_CONNECTION_HOST_UNREACHABLE',
]);
const PROXY_AUTH = new Set(['ERR_PROXY_AUTH_REQUESTED', 'ERR_PROXY_AUTH_UNSUPPORTED', 'ERR_PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION']);

/** `net::ERR_NAME_NOT_RESOLVED` → `ERR_NAME_NOT_RESOLVED`; undefined for anything that is not a Chromium net error. */
export function chromiumNetError(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /\bnet::(ERR_[A-Z0-9_]+)/.exec(message)?.[1];
}

/**
 * The error to hand on for a failed `net.fetch` or body read towards `url`: Chromium net errors become
 * errors with Node's code (certificate and TLS errors keep Chromium's name as their code, which the
 * classifier recognises), proxy failures become `SyncError`s that say it was the proxy. Anything else —
 * an abort with the sync's own `SyncError` as reason, for one — is returned as it was.
 */
export function classifiableNetError(error: unknown, url: string): unknown {
  const name = chromiumNetError(error);
  if (name === undefined) return error;
  const host = hostOf(url);
  const detail = `net::${name}`;
  if (PROXY_UNREACHABLE.has(name)) {
    return new SyncError(
      'host-not-found',
      `The proxy server set in this computer's network settings could not be reached, so ${host} could not be contacted. Check the proxy settings or your network and VPN.`,
      detail,
    );
  }
  if (name === 'ERR_TUNNEL_CONNECTION_FAILED') {
    return new SyncError(
      'host-not-found',
      `The proxy server set in this computer's network settings refused to connect to ${host}. Ask whoever runs the proxy to allow ${host}.`,
      detail,
    );
  }
  if (PROXY_AUTH.has(name)) {
    return new SyncError(
      'auth-failed',
      `The proxy server set in this computer's network settings asks for a sign-in the app cannot give. Ask whoever runs the proxy to let ${host} through with your system sign-in or without one.`,
      detail,
    );
  }
  const code = NODE_CODE_FOR[name] ?? (/CERT|SSL/.test(name) ? name : undefined);
  if (code === undefined) return error;
  return Object.assign(new Error(`${detail} (${host})`), { code });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
