/**
 * isomorphic-git's HTTP client over any WHATWG `fetch`: Electron's `net.fetch` on desktop (Chromium's
 * network stack, the system proxy) and undici's `fetch` with a proxy-aware agent in the command line.
 * Request bodies are streamed as isomorphic-git produces them, response bodies handed back as they
 * arrive, and `req.signal` (the sync's timeout and cancel, from `guardHttp`) aborts both.
 */
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';

/** The part of `fetch` the client uses; `init` may carry fields of the platform's own (see `extraInit`). */
export type FetchLike = (url: string, init: RequestInit & { duplex?: 'half' }) => Promise<Response>;

export interface FetchHttpClientOptions {
  /** Fields added to every request's init (Electron: `bypassCustomProtocolHandlers`; undici: `dispatcher`). */
  extraInit?: Record<string, unknown>;
  /** Turns a failed request or body read into an error `classifySyncError` understands; unchanged by default. */
  describeError?: (error: unknown, url: string) => unknown;
}

/** A request body as isomorphic-git really passes it: typed as an async iterator, in practice often an array. */
type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export function fetchHttpClient(fetchFn: FetchLike, options: FetchHttpClientOptions = {}): HttpClient {
  const describeError = options.describeError ?? ((error: unknown) => error);

  return {
    async request(req: GitHttpRequest): Promise<GitHttpResponse> {
      const method = (req.method ?? 'GET').toUpperCase();
      const init: RequestInit & { duplex?: 'half' } = {
        ...options.extraInit,
        method,
        headers: req.headers ?? {},
        // A remembered `info/refs` answer would hide new commits.
        cache: 'no-store',
        // Redirects come back to `followRedirects`, which keeps the token on its origin and can send a POST body again.
        redirect: 'manual',
      };
      if (req.signal) init.signal = req.signal;
      if (req.body !== undefined && method !== 'GET' && method !== 'HEAD') {
        init.body = streamOf(req.body as Chunks);
        // Needed for a streamed (ReadableStream) request body.
        init.duplex = 'half';
      }
      let response: Response;
      try {
        response = await fetchFn(req.url, init);
      } catch (error) {
        throw describeError(error, req.url);
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
        body: response.body ? chunksOf(response.body, req.url, req.signal, describeError) : emptyBody(),
      };
    },
  };
}

/** A ReadableStream that pulls from isomorphic-git's body chunks only as fast as the network takes them. */
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
function chunksOf(
  stream: ReadableStream<Uint8Array>,
  url: string,
  signal: AbortSignal | undefined,
  describeError: (error: unknown, url: string) => unknown,
): AsyncIterableIterator<Uint8Array> {
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
        throw signal?.aborted ? signal.reason : describeError(error, url);
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
