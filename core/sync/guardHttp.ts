import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import { SyncError, syncCancelled } from './syncError';

/**
 * Bounds on a whole download, against a server that trickles (a byte every few seconds never trips the
 * silence timeout). The defaults leave a 5,000-runbook repository (a pack of about 10 MB) room on a slow
 * phone link of 20 KB/s (about 8 minutes), and stop a trickle within a minute or two.
 */
export interface TransferLimits {
  /** Longest time the network part of a sync may take in all (default 20 minutes). */
  deadlineMs?: number | undefined;
  /** Fewest bytes a second a response body must average over each `rateWindowMs` (default 512). */
  minBytesPerSecond?: number | undefined;
  /** The span the rate is measured over (default 60 s). */
  rateWindowMs?: number | undefined;
}

export const DEFAULT_TRANSFER_LIMITS = { deadlineMs: 20 * 60_000, minBytesPerSecond: 512, rateWindowMs: 60_000 } as const;

export interface HttpGuardOptions extends TransferLimits {
  /** Longest wait for the next bytes (response headers or the next body chunk) before giving up. */
  timeoutMs: number;
  /** The caller's cancel signal. */
  signal?: AbortSignal | undefined;
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
  /** Measures the body's rate once it flows. */
  rateTimer?: ReturnType<typeof setInterval>;
  bytesInWindow: number;
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
  const deadlineMs = options.deadlineMs ?? DEFAULT_TRANSFER_LIMITS.deadlineMs;
  const minBytesPerSecond = options.minBytesPerSecond ?? DEFAULT_TRANSFER_LIMITS.minBytesPerSecond;
  const rateWindowMs = options.rateWindowMs ?? DEFAULT_TRANSFER_LIMITS.rateWindowMs;
  let packStarted = false;
  const active = new Set<ActiveRequest>();

  const cancelled = syncCancelled;
  const onOuterAbort = () => {
    for (const request of active) request.fail(cancelled());
  };
  signal?.addEventListener('abort', onOuterAbort);

  const overDeadline = () =>
    new SyncError(
      'timed-out',
      `The download took longer than ${minutes(deadlineMs)}, so the sync was stopped. Nothing was changed; try again on a faster connection.`,
      `Deadline of ${deadlineMs} ms reached.`,
    );
  let expired = false;
  const deadline = setTimeout(() => {
    expired = true;
    for (const request of active) request.fail(overDeadline());
  }, deadlineMs);

  async function request(req: GitHttpRequest): Promise<GitHttpResponse> {
    if (signal?.aborted) throw cancelled();
    if (expired) throw overDeadline();
    // isomorphic-git makes one request at a time; a new one means earlier bodies are no longer read.
    for (const earlier of active) finish(earlier);

    const controller = new AbortController();
    let rejectFailure!: (error: SyncError) => void;
    const failure = new Promise<never>((_, reject) => (rejectFailure = reject));
    failure.catch(() => {}); // observed through the races below; never an unhandled rejection
    const entry: ActiveRequest = {
      controller,
      bytesInWindow: 0,
      fail: (error) => {
        clearTimeout(entry.timer);
        clearInterval(entry.rateTimer);
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
    if (active.has(entry)) {
      const windowBytes = (minBytesPerSecond * rateWindowMs) / 1000;
      entry.rateTimer = setInterval(() => {
        const received = entry.bytesInWindow;
        entry.bytesInWindow = 0;
        if (received >= windowBytes) return;
        entry.fail(
          new SyncError(
            'timed-out',
            `The server sent only ${received} bytes in ${Math.round(rateWindowMs / 1000)} s (less than ${minBytesPerSecond} bytes a second), so the sync was stopped. Nothing was changed; try again later or on a better connection.`,
            `Under ${minBytesPerSecond} B/s over ${rateWindowMs} ms (${req.method ?? 'GET'} request).`,
          ),
        );
      }, rateWindowMs);
    }
    return { ...response, body: guardBody(response.body, entry, arm, failure) };
  }

  function finish(entry: ActiveRequest): void {
    clearTimeout(entry.timer);
    clearInterval(entry.rateTimer);
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
          entry.bytesInWindow += result.value.byteLength;
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
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onOuterAbort);
      for (const entry of active) finish(entry);
    },
  };
}

function minutes(ms: number): string {
  return ms >= 120_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 100) / 10} s`;
}

type AnyIterator = Iterator<Uint8Array> | AsyncIterator<Uint8Array>;

function toIterator(body: AsyncIterableIterator<Uint8Array> | Iterable<Uint8Array>): AnyIterator {
  const asyncIterable = body as AsyncIterable<Uint8Array>;
  if (typeof asyncIterable[Symbol.asyncIterator] === 'function') return asyncIterable[Symbol.asyncIterator]();
  return (body as Iterable<Uint8Array>)[Symbol.iterator]();
}
