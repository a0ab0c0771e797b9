/**
 * The command line's HTTP client: undici's fetch, through the proxy the usual environment variables name
 * for each URL (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY, in upper or lower case, as git and curl
 * read them). Node's own http, which isomorphic-git's Node client uses, ignores them, so behind a
 * corporate proxy the command could not reach a repository at all. Proxy credentials go in the proxy URL
 * (`http://user:password@proxy:3128`).
 */
import type { HttpClient } from 'isomorphic-git';
import { getProxyForUrl } from 'proxy-from-env';
import { Agent, ProxyAgent, fetch, type Dispatcher, type RequestInit as UndiciRequestInit } from 'undici';
import { fetchHttpClient } from '../core/sync/fetchHttpClient';
import { SyncError } from '../core/sync/syncError';

/** Connection failures that, when a proxy is in use, mean the proxy itself could not be reached. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

export function commandLineHttpClient(): HttpClient {
  const direct = new Agent();
  const proxies = new Map<string, ProxyAgent>();
  const dispatcherFor = (url: string): Dispatcher => {
    const proxy = getProxyForUrl(url);
    if (!proxy) return direct;
    let agent = proxies.get(proxy);
    if (!agent) proxies.set(proxy, (agent = new ProxyAgent(proxy)));
    return agent;
  };
  return fetchHttpClient(
    // undici's own types for `fetch` differ from the DOM's only in names; the shapes used here are the same.
    (url, init) => fetch(url, { ...(init as UndiciRequestInit), dispatcher: dispatcherFor(url) }) as unknown as Promise<Response>,
    { describeError: (error, url) => describeProxyFailure(error, url) ?? error },
  );
}

/**
 * A sentence for failures of the proxy rather than of the server: without it a proxy that is down reads as
 * "nothing answered at the Git host". Undefined when no proxy applies or the failure is not the proxy's.
 */
export function describeProxyFailure(error: unknown, url: string): SyncError | undefined {
  const proxy = getProxyForUrl(url);
  if (!proxy) return undefined;
  const where = safeProxyName(proxy);
  const detail = chain(error)
    .map((e) => e.message)
    .join(': ');
  if (chain(error).some((e) => /Proxy response \(407\)/.test(e.message))) {
    return new SyncError(
      'auth-failed',
      `The proxy ${where} asks for credentials (HTTP 407). Put them in the proxy setting: http://user:password@host:port.`,
      detail,
    );
  }
  const refused = chain(error).find((e) => UNREACHABLE.has(e.code));
  const proxyHost = new URL(proxy).hostname;
  if (refused && (refused.hostname === proxyHost || refused.address === proxyHost || refused.message.includes(proxyHost))) {
    return new SyncError(
      'host-not-found',
      `The proxy ${where} did not answer (${refused.code}). Check the HTTPS_PROXY / HTTP_PROXY setting or your network.`,
      detail,
    );
  }
  return undefined;
}

interface ErrorLink {
  message: string;
  code: string;
  hostname?: string;
  address?: string;
}

/** A string or number field of an unknown error as text; anything else (absent, an object) as ''. */
function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The error and its causes, outermost first. */
function chain(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  for (let e = error as Record<string, unknown> | undefined; e && links.length < 8; e = e.cause as Record<string, unknown> | undefined) {
    const link: ErrorLink = { message: scalarText(e.message), code: scalarText(e.code) };
    if (typeof e.hostname === 'string') link.hostname = e.hostname;
    if (typeof e.address === 'string') link.address = e.address;
    links.push(link);
  }
  return links;
}

/** The proxy as `host:port`, without any credentials in its URL. */
function safeProxyName(proxy: string): string {
  try {
    return new URL(proxy).host;
  } catch {
    return 'set in the environment';
  }
}
