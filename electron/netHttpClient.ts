/**
 * isomorphic-git's HTTP client over Electron's `net.fetch`, for the sync in the main process.
 *
 * Why not `isomorphic-git/http/node`: Node's http ignores the system proxy. `net.fetch` goes through
 * Chromium's network stack, which uses the operating system's proxy settings, PAC scripts and WPAD, and
 * handles proxy sign-in schemes such as Negotiate/Kerberos and NTLM (Electron's `net` documentation) —
 * what a corporate on-call laptop needs.
 */
import { net } from 'electron';
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import { classifiableNetError } from './netErrors';

/** A request body as isomorphic-git really passes it: typed as an async iterator, in practice often an array. */
type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** What `net.fetch` takes beyond the DOM's `RequestInit`. */
interface NetRequestInit extends RequestInit {
  /** Needed for a streamed (ReadableStream) request body. */
  duplex?: 'half';
  /** Electron: never hand the request (or a redirect of it) to the app's own `app://` protocol handler. */
  bypassCustomProtocolHandlers?: boolean;
}

export const netHttpClient: HttpClient = { request: requestOverNet };

/**
 * One request: the body is streamed to Chromium as isomorphic-git produces it, and the response body is
 * handed back as it arrives, as an async iterator. `req.signal` aborts the request and any pending read
 * (`guardHttp` uses it for the sync's timeout and cancel).
 */
async function requestOverNet(req: GitHttpRequest): Promise<GitHttpResponse> {
  const method = (req.method ?? 'GET').toUpperCase();
  const init: NetRequestInit = {
    method,
    headers: req.headers ?? {},
    // A remembered `info/refs` answer would hide new commits.
    cache: 'no-store',
    redirect: 'follow',
    bypassCustomProtocolHandlers: true,
  };
  if (req.signal) init.signal = req.signal;
  if (req.body !== undefined && method !== 'GET' && method !== 'HEAD') {
    init.body = streamOf(req.body as Chunks);
    init.duplex = 'half';
  }
  let response: Response;
  try {
    response = await net.fetch(req.url, init);
  } catch (error) {
    throw classifiableNetError(error, req.url);
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return {
    // Electron documents `Response.url` of `net.fetch` as wrong; isomorphic-git does not use it.
    url: response.url || req.url,
    method,
    statusCode: response.status,
    statusMessage: response.statusText,
    headers,
    body: response.body ? chunksOf(response.body, req.url, req.signal) : emptyBody(),
  };
}

/** A ReadableStream that pulls from isomorphic-git's body chunks only as fast as Chromium sends them. */
function streamOf(body: Chunks): ReadableStream<Uint8Array> {
  const iterator = iteratorOf(body);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else if (next.value.byteLength > 0) controller.enqueue(next.value);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

function iteratorOf(body: Chunks): Iterator<Uint8Array> | AsyncIterator<Uint8Array> {
  const asAsync = body as AsyncIterable<Uint8Array>;
  if (typeof asAsync[Symbol.asyncIterator] === 'function') return asAsync[Symbol.asyncIterator]();
  return (body as Iterable<Uint8Array>)[Symbol.iterator]();
}

/**
 * The response body as isomorphic-git reads it. A read pending when `signal` aborts rejects with the
 * abort's reason at once (rather than trusting the stream to notice), and the stream is cancelled so the
 * connection is released; network failures mid-body get the same treatment as failed requests.
 */
function chunksOf(stream: ReadableStream<Uint8Array>, url: string, signal: AbortSignal | undefined): AsyncIterableIterator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  let rejectAborted: ((reason: unknown) => void) | undefined;
  const aborted = new Promise<never>((_, reject) => (rejectAborted = reject));
  aborted.catch(() => {}); // only observed through the race in next()
  const onAbort = () => {
    rejectAborted?.(signal?.reason);
    release();
  };
  const release = () => {
    if (finished) return;
    finished = true;
    signal?.removeEventListener('abort', onAbort);
    reader.cancel().catch(() => {});
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });

  const iterator: AsyncIterableIterator<Uint8Array> = {
    async next() {
      if (signal?.aborted) throw signal.reason;
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await Promise.race([reader.read(), aborted]);
      } catch (error) {
        release();
        throw signal?.aborted ? signal.reason : classifiableNetError(error, url);
      }
      if (result.done) {
        finished = true;
        signal?.removeEventListener('abort', onAbort);
        return { done: true, value: undefined };
      }
      return { done: false, value: result.value };
    },
    async return() {
      release();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

function emptyBody(): AsyncIterableIterator<Uint8Array> {
  const iterator: AsyncIterableIterator<Uint8Array> = {
    next: async () => ({ done: true, value: undefined }),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
