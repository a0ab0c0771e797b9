import { describe, expect, it } from 'vitest';
import { fetchHttpClient, type FetchLike } from '../../../core/sync/fetchHttpClient';

const bytes = (text: string) => new TextEncoder().encode(text);

async function readAll(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<string> {
  let text = '';
  for await (const chunk of body ?? []) text += new TextDecoder().decode(chunk);
  return text;
}

/** A fetch that records what it was asked and answers with `respond`. */
function recordingFetch(respond: (url: string, init: RequestInit) => Promise<Response> | Response) {
  const calls: { url: string; init: RequestInit & Record<string, unknown> }[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    calls.push({ url, init: init as RequestInit & Record<string, unknown> });
    return respond(url, init);
  };
  return { fetchFn, calls };
}

describe('fetchHttpClient: isomorphic-git over any fetch', () => {
  it('adds the platform fields to every request, never uses the HTTP cache, and streams the body it is given', async () => {
    const { fetchFn, calls } = recordingFetch(
      async (_url, init) => new Response(await new Response(init.body).text(), { status: 200, headers: { 'X-Seen': 'yes' } }),
    );
    const client = fetchHttpClient(fetchFn, { extraInit: { dispatcher: 'proxy agent' } });
    const res = await client.request({
      url: 'https://git.example.com/ops.git/git-upload-pack',
      method: 'POST',
      headers: { 'content-type': 'x' },
      body: [bytes('want '), bytes('abc\n')] as unknown as AsyncIterableIterator<Uint8Array>,
    });
    expect(calls[0]!.init).toMatchObject({
      method: 'POST',
      cache: 'no-store',
      dispatcher: 'proxy agent',
      duplex: 'half',
      headers: { 'content-type': 'x' },
    });
    expect(res).toMatchObject({ statusCode: 200, headers: { 'x-seen': 'yes' } });
    expect(await readAll(res.body)).toBe('want abc\n');
  });

  it('hands a failed request and a failed body read to describeError', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const described = (error: unknown, url: string) => new Error(`described ${url}: ${(error as Error).message}`);
    const failing = fetchHttpClient(async () => Promise.reject(refused), { describeError: described });
    await expect(failing.request({ url: 'https://a.example/x.git/info/refs', method: 'GET', headers: {} })).rejects.toThrow(
      'described https://a.example/x.git/info/refs: fetch failed',
    );

    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('PACK'));
        controller.error(new TypeError('terminated'));
      },
    });
    const cut = fetchHttpClient(async () => new Response(broken), { describeError: described });
    const res = await cut.request({ url: 'https://a.example/x.git/git-upload-pack', method: 'GET', headers: {} });
    await expect(readAll(res.body)).rejects.toThrow('described https://a.example/x.git/git-upload-pack: terminated');
  });

  it('an abort rejects a pending body read with the abort’s reason', async () => {
    const controller = new AbortController();
    const never = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const client = fetchHttpClient(async () => new Response(never));
    const res = await client.request({ url: 'https://a.example/x.git', method: 'GET', headers: {}, signal: controller.signal });
    const reading = res.body!.next();
    controller.abort(new Error('sync cancelled'));
    await expect(reading).rejects.toThrow('sync cancelled');
  });
});
