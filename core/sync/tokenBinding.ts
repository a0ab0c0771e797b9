import { authForHost, type GitCredentials } from './authForHost';
import { SyncError } from './syncError';

/**
 * An access token and the origin (scheme, host and port) it was saved for. The engine sends it to that
 * origin only: not to another address the source was changed to, not across a redirect, not through a
 * CORS proxy the person has not marked as trusted.
 */
export interface SourceToken {
  value: string;
  /** `https://git.example.com` — as `new URL(url).origin` gives it. */
  origin: string;
}

/** The origin of an http(s) URL, or undefined for anything else. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** This computer: 127.0.0.0/8, ::1 and localhost, the only hosts a token may reach over plain http. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why a token may not be saved for (or sent to) this address, in words a person can act on; undefined when it may. */
export function insecureTokenAddress(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' || isLoopbackHost(parsed.hostname)) return undefined;
  return `An access token is never sent over plain http:// (to ${parsed.host}), where anyone on the network could read it. Use the repository's https:// address.`;
}

export interface TokenUse {
  /** What to answer the server's 401 with; undefined when no token is sent. */
  credentials?: GitCredentials | undefined;
  /** Why a saved token is not sent, said when the server asks for one. */
  withheld?: string | undefined;
}

export interface TokenUseRequest {
  url: string;
  token?: SourceToken | undefined;
  username?: string | undefined;
  corsProxy?: string | undefined;
  /** The person marked `corsProxy` as trusted with tokens. */
  corsProxyTrusted?: boolean | undefined;
}

/**
 * Decides whether this sync may send its token: only to the origin it was saved for, over https (or http
 * to this computer), and through a CORS proxy only when that proxy is trusted. A token over plain http to
 * another computer stops the sync (`invalid-source`) rather than quietly going without.
 */
export function decideTokenUse(request: TokenUseRequest): TokenUse {
  const { token } = request;
  if (!token) return {};
  const target = new URL(request.url);
  if (originOf(token.origin) !== target.origin) {
    return {
      withheld: `The saved access token belongs to ${hostOf(token.origin)} and is never sent to another address; enter the token again for ${target.host}.`,
    };
  }
  const insecure = insecureTokenAddress(request.url);
  if (insecure) throw new SyncError('invalid-source', insecure);
  if (request.corsProxy && !request.corsProxyTrusted) {
    return {
      withheld: `The access token is not sent through the CORS proxy ${hostOf(request.corsProxy)}; mark the proxy as trusted in the settings if it may see the token.`,
    };
  }
  return { credentials: authForHost(request.url, token.value, request.username) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'another address';
  }
}
