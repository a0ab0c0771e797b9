import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import { SyncError } from './syncError';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** As many hops as git itself follows before it calls a chain a loop. */
const MAX_REDIRECTS = 20;

/**
 * Follows HTTP redirects for a client that does not (fetch with `redirect: 'manual'`), the way git does,
 * but never lets the access token leave its origin:
 * - to the same origin, the request is sent again as it was (method, headers, body);
 * - to another origin, a request without credentials is followed (nothing secret goes along), and a
 *   request that carries an `Authorization` header stops the sync with a message naming where the
 *   server sent it. Sending it there without the token would only turn into a misleading "token refused".
 *
 * Request bodies are collected once so a 307/308 can send them again (isomorphic-git's upload-pack
 * requests are a few kilobytes).
 */
export function followRedirects(inner: HttpClient): HttpClient {
  return {
    async request(original: GitHttpRequest): Promise<GitHttpResponse> {
      const body =
        original.body === undefined ? undefined : await collect(original.body as AsyncIterable<Uint8Array> | Iterable<Uint8Array>);
      let req: GitHttpRequest =
        body === undefined ? original : { ...original, body: [body] as unknown as AsyncIterableIterator<Uint8Array> };
      for (let hop = 0; ; hop++) {
        const response = await inner.request(req);
        const location = header(response, 'location');
        if (!REDIRECTS.has(response.statusCode) || location === undefined) return response;
        await discard(response);
        if (hop >= MAX_REDIRECTS) {
          throw new SyncError(
            'unknown',
            `${new URL(original.url).host} redirected the sync more than ${MAX_REDIRECTS} times, so it was stopped. Check the repository address.`,
          );
        }
        const from = new URL(req.url);
        let to: URL;
        try {
          to = new URL(location, from);
        } catch {
          throw new SyncError(
            'unknown',
            `${from.host} answered with a redirect to an address that is not valid. Check the repository address.`,
          );
        }
        if (to.protocol !== 'https:' && to.protocol !== 'http:') {
          throw new SyncError(
            'invalid-source',
            `${from.host} redirected the sync to a ${to.protocol} address, which is not a Git http(s) address.`,
          );
        }
        const headers = { ...(req.headers ?? {}) };
        const authorization = Object.keys(headers).find((name) => name.toLowerCase() === 'authorization');
        if (to.origin !== from.origin && authorization !== undefined) {
          throw new SyncError(
            'invalid-source',
            `${from.host} redirected to ${to.host}. The access token is sent only to ${from.host}, so the sync stopped. If ${to.host} is the repository's new address, change the source's address and enter the token again.`,
          );
        }
        // 303 (and, as browsers and git do, 301/302 after a POST) asks for a GET without the body.
        const method = (req.method ?? 'GET').toUpperCase();
        const asGet = response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST');
        req = asGet
          ? { ...req, url: to.toString(), method: 'GET', headers: withoutBodyHeaders(headers) }
          : {
              ...req,
              url: to.toString(),
              headers,
              ...(body === undefined ? {} : { body: [body] as unknown as AsyncIterableIterator<Uint8Array> }),
            };
        if (asGet) delete req.body;
      }
    },
  };
}

function header(response: GitHttpResponse, name: string): string | undefined {
  for (const [key, value] of Object.entries(response.headers ?? {})) if (key.toLowerCase() === name) return value;
  return undefined;
}

function withoutBodyHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-(type|length|encoding)$/i.test(name)));
}

async function collect(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of body) parts.push(part);
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Releases a redirect's body (usually a few bytes of HTML) so its connection can be reused or closed. */
async function discard(response: GitHttpResponse): Promise<void> {
  const body = response.body as (AsyncIterableIterator<Uint8Array> & { return?: () => Promise<unknown> }) | undefined;
  try {
    await body?.return?.();
  } catch {
    // Nothing to release.
  }
}
