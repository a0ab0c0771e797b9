import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import { SyncError, syncCancelled } from './syncError';

export interface HttpGuardOptions {
  /** Longest wait for the next bytes (response headers or the next body chunk) before giving up. */
  timeoutMs: number;
  /** The caller's cancel signal. */
  signal?: AbortSignal;
  /** Called with the size of every body chunk received (for progress). */
  onBytes?: (bytes: number) => void;
}

export interface HttpGuard {
  /** The injected client wrapped with cancel and stall detection; hand this to isomorphic-git. */
  http: HttpClient;
  /** True once the server answered the pack request (`POST …/git-upload-pack`) with 200. */
  readonly packStarted: boolean;
  /** Stops every timer; call when the network part of the sync is over. */
  dispose(): void;
}

interface ActiveRequest {
  controller: AbortController;
  fail: (error: SyncError) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Wraps an isomorphic-git HTTP client (`isomorphic-git/http/node` or `/http/web`) so that a request that
 * stalls — no headers, or no body bytes, for `timeoutMs` — or that the caller cancels is aborted at once,
 * with a `SyncError` (`timed-out` / `cancelled`) as the error isomorphic-git sees and rethrows.
 *
 * The timeout measures silence, not total time: a large repository on a slow but steady link is never
 * cut off, a dead one is noticed after `timeoutMs`. Time spent by isomorphic-git between requests
 * (indexing a downloaded pack) does not count, because no request is waiting then.
 *
 * The abort itself goes through the request's `signal`, so the socket (Node) or fetch (browser) is
 * really closed; the wrapper also stops waiting by itself, since some clients never settle a pending
 * read after an abort.
 */
export function guardHttp(inner: HttpClient, options: HttpGuardOptions): HttpGuard {
  const { timeoutMs, signal, onBytes } = options;
  let packStarted = false;
  const active = new Set<ActiveRequest>();

  const cancelled = syncCancelled;
  const onOuterAbort = () => {
    for (const request of active) request.fail(cancelled());
  };
  signal?.addEventListener('abort', onOuterAbort);

  async function request(req: GitHttpRequest): Promise<GitHttpResponse> {
    if (signal?.aborted) throw cancelled();
    // isomorphic-git makes one request at a time; a new one means earlier bodies are no longer read.
    for (const earlier of active) finish(earlier);

    const controller = new AbortController();
    let rejectFailure!: (error: SyncError) => void;
    const failure = new Promise<never>((_, reject) => (rejectFailure = reject));
    failure.catch(() => {}); // observed through the races below; never an unhandled rejection
    const entry: ActiveRequest = {
      controller,
      fail: (error) => {
        clearTimeout(entry.timer);
        active.delete(entry);
        rejectFailure(error);
        controller.abort(error);
      },
    };
    const arm = () => {
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => {
        const seconds = Math.round(timeoutMs / 100) / 10;
        entry.fail(
          new SyncError(
            'timed-out',
            `The server sent nothing for ${seconds} s, so the sync was stopped. Nothing was changed; try again later.`,
            `No data for ${timeoutMs} ms (${req.method ?? 'GET'} request).`,
          ),
        );
      }, timeoutMs);
    };
    active.add(entry);
    arm();

    let response: GitHttpResponse;
    try {
      response = await Promise.race([inner.request({ ...req, signal: controller.signal }), failure]);
    } catch (error) {
      finish(entry);
      throw error;
    }
    arm();
    const isPack = (req.method ?? 'GET').toUpperCase() === 'POST';
    if (isPack && response.statusCode === 200) packStarted = true;
    if (!response.body) {
      finish(entry);
      return response;
    }
    return { ...response, body: guardBody(response.body, entry, arm, failure) };
  }

  function finish(entry: ActiveRequest): void {
    clearTimeout(entry.timer);
    active.delete(entry);
  }

  function guardBody(
    body: AsyncIterableIterator<Uint8Array> | Iterable<Uint8Array>,
    entry: ActiveRequest,
    arm: () => void,
    failure: Promise<never>,
  ): AsyncIterableIterator<Uint8Array> {
    const iterator = toIterator(body);
    const guarded: AsyncIterableIterator<Uint8Array> = {
      async next() {
        let result: IteratorResult<Uint8Array>;
        try {
          result = await Promise.race([Promise.resolve(iterator.next()), failure]);
        } catch (error) {
          finish(entry);
          throw error;
        }
        if (result.done) finish(entry);
        else {
          if (active.has(entry)) arm();
          onBytes?.(result.value.byteLength);
        }
        return result;
      },
      async return(value?: unknown) {
        finish(entry);
        await iterator.return?.(value);
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return guarded;
      },
    };
    return guarded;
  }

  return {
    http: { request },
    get packStarted() {
      return packStarted;
    },
    dispose() {
      signal?.removeEventListener('abort', onOuterAbort);
      for (const entry of active) finish(entry);
    },
  };
}

type AnyIterator = Iterator<Uint8Array> | AsyncIterator<Uint8Array>;

function toIterator(body: AsyncIterableIterator<Uint8Array> | Iterable<Uint8Array>): AnyIterator {
  const asyncIterable = body as AsyncIterable<Uint8Array>;
  if (typeof asyncIterable[Symbol.asyncIterator] === 'function') return asyncIterable[Symbol.asyncIterator]();
  return (body as Iterable<Uint8Array>)[Symbol.iterator]();
}
