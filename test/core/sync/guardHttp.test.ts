import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardHttp } from '../../../core/sync/guardHttp';

/** An HTTP client whose answers the test controls: headers after `headersAfterMs`, then the given chunks with delays. */
function scriptedClient(script: { headersAfterMs?: number; chunks?: { afterMs: number; bytes: number }[]; never?: boolean }) {
  const seen: GitHttpRequest[] = [];
  const client: HttpClient = {
    async request(req) {
      seen.push(req);
      if (script.never) return new Promise<GitHttpResponse>(() => {});
      if (script.headersAfterMs !== undefined) await new Promise((r) => setTimeout(r, script.headersAfterMs));
      async function* body() {
        for (const chunk of script.chunks ?? []) {
          await new Promise((r) => setTimeout(r, chunk.afterMs));
          yield new Uint8Array(chunk.bytes);
        }
      }
      return { url: req.url, method: req.method ?? 'GET', statusCode: 200, statusMessage: 'OK', headers: {}, body: body() };
    },
  };
  return { client, seen };
}

async function drain(response: GitHttpResponse): Promise<number> {
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) total += chunk.length;
  return total;
}

describe('guardHttp', () => {
  // The script's delays and the guard's timers run on fake time: a busy machine cannot fake a silence.
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes a steady response through, however long it takes in total', async () => {
    const { client } = scriptedClient({ chunks: Array.from({ length: 6 }, () => ({ afterMs: 40, bytes: 10 })) });
    const guard = guardHttp(client, { timeoutMs: 100 });
    const response = await guard.http.request({ url: 'https://x.test/info/refs', method: 'GET' });
    const drained = drain(response);
    await vi.advanceTimersByTimeAsync(240);
    expect(await drained).toBe(60); // 240 ms in all, never 100 ms of silence
    guard.dispose();
  });

  it('gives up with timed-out when the server never answers', async () => {
    const { client, seen } = scriptedClient({ never: true });
    const guard = guardHttp(client, { timeoutMs: 80 });
    const answered = expect(guard.http.request({ url: 'https://x.test/info/refs' })).rejects.toMatchObject({
      name: 'SyncError',
      code: 'timed-out',
    });
    await vi.advanceTimersByTimeAsync(80);
    await answered;
    expect(seen[0]?.signal?.aborted).toBe(true); // the real request was aborted too
    guard.dispose();
  });

  it('gives up with timed-out when the body stops part-way', async () => {
    const { client } = scriptedClient({
      chunks: [
        { afterMs: 5, bytes: 10 },
        { afterMs: 10_000, bytes: 10 },
      ],
    });
    const guard = guardHttp(client, { timeoutMs: 80 });
    const response = await guard.http.request({ url: 'https://x.test/git-upload-pack', method: 'POST' });
    expect(guard.packStarted).toBe(true);
    const drained = expect(drain(response)).rejects.toMatchObject({ code: 'timed-out' });
    await vi.advanceTimersByTimeAsync(100);
    await drained;
    guard.dispose();
  });

  it('stops with cancelled when the caller aborts, and refuses new requests after that', async () => {
    const { client } = scriptedClient({ chunks: [{ afterMs: 10_000, bytes: 1 }] });
    const controller = new AbortController();
    const guard = guardHttp(client, { timeoutMs: 60_000, signal: controller.signal });
    const response = await guard.http.request({ url: 'https://x.test/git-upload-pack', method: 'POST' });
    const drained = expect(drain(response)).rejects.toMatchObject({ code: 'cancelled' });
    await vi.advanceTimersByTimeAsync(20);
    controller.abort();
    await drained;
    await expect(guard.http.request({ url: 'https://x.test/info/refs' })).rejects.toMatchObject({ code: 'cancelled' });
    guard.dispose();
  });

  it('counts only the pack request as the start of the download', async () => {
    const { client } = scriptedClient({});
    const guard = guardHttp(client, { timeoutMs: 1000 });
    const requested = guard.http.request({ url: 'https://x.test/info/refs', method: 'GET' });
    await vi.advanceTimersByTimeAsync(0);
    await drain(await requested);
    expect(guard.packStarted).toBe(false);
    guard.dispose();
  });
});
