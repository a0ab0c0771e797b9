import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifySyncError } from '../../core/sync/classifySyncError';
import { SyncError } from '../../core/sync/syncError';
import { netHttpClient } from '../../electron/netHttpClient';
import { fakeElectron } from '../setup/electronMock';
import { netFetchOverNode, type NetFetchCall } from './netFetchOverNode';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let origin: string;
let handle: Handler;
let calls: NetFetchCall[];

beforeEach(async () => {
  calls = netFetchOverNode();
  handle = (_req, res) => res.end();
  server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Fails the test with a message instead of letting it hang until the test timeout. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} never happened`)), 5_000))]);
}

async function readAll(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<string> {
  let text = '';
  for await (const chunk of body ?? []) text += Buffer.from(chunk).toString('utf8');
  return text;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('netHttpClient: isomorphic-git over Electron net.fetch', () => {
  it('sends every request through net.fetch, without the HTTP cache and never to the app’s own protocol handler', async () => {
    handle = (_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/x-git-upload-pack-advertisement', 'X-Custom': 'yes' }).end('refs');
    const response = await netHttpClient.request({
      url: `${origin}/repo.git/info/refs?service=git-upload-pack`,
      headers: { 'Git-Protocol': 'version=2' },
    });
    expect(response).toMatchObject({ statusCode: 200, statusMessage: 'OK', method: 'GET' });
    expect(response.headers).toMatchObject({ 'content-type': 'application/x-git-upload-pack-advertisement', 'x-custom': 'yes' });
    expect(await readAll(response.body)).toBe('refs');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: `${origin}/repo.git/info/refs?service=git-upload-pack`,
      init: { method: 'GET', cache: 'no-store', bypassCustomProtocolHandlers: true },
    });
    expect(calls[0]!.init.body).toBeUndefined();
  });

  it('passes the status of a refusal on, so isomorphic-git can ask for credentials', async () => {
    handle = (_req, res) => res.writeHead(401, 'Unauthorized', { 'WWW-Authenticate': 'Basic realm="git"' }).end('no');
    const response = await netHttpClient.request({ url: `${origin}/private.git/info/refs?service=git-upload-pack` });
    expect(response).toMatchObject({
      statusCode: 401,
      statusMessage: 'Unauthorized',
      headers: { 'www-authenticate': 'Basic realm="git"' },
    });
    expect(await readAll(response.body)).toBe('no');
  });

  it('streams the request body: the server has the first chunk before the second is produced', async () => {
    const firstArrived = deferred();
    let received = '';
    let chunked: string | undefined;
    handle = (req, res) => {
      chunked = req.headers['transfer-encoding'];
      req.on('data', (chunk: Buffer) => {
        received += chunk.toString('utf8');
        if (received.includes('first;')) firstArrived.resolve();
      });
      req.on('end', () => res.writeHead(200).end(`got ${received}`));
    };
    async function* body(): AsyncGenerator<Uint8Array> {
      yield bytes('first;');
      await within(firstArrived.promise, 'the first chunk reaching the server before the body was complete');
      yield bytes('second;');
    }
    const response = await netHttpClient.request({ url: `${origin}/repo.git/git-upload-pack`, method: 'POST', body: body() });
    expect(await readAll(response.body)).toBe('got first;second;');
    expect(chunked).toBe('chunked');
    expect(calls[0]?.init).toMatchObject({ method: 'POST', duplex: 'half' });
  });

  it('sends the arrays of chunks isomorphic-git actually passes as a body', async () => {
    handle = (req, res) => {
      let received = '';
      req.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
      req.on('end', () => res.writeHead(200).end(received));
    };
    const body = [bytes('0032want '), bytes(''), bytes('abc\n'), bytes('0000')] as unknown as AsyncIterableIterator<Uint8Array>;
    const response = await netHttpClient.request({ url: `${origin}/repo.git/git-upload-pack`, method: 'POST', body });
    expect(await readAll(response.body)).toBe('0032want abc\n0000');
  });

  it('hands the response body over as it arrives, before the server has finished it', async () => {
    const sendRest = deferred();
    handle = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/x-git-upload-pack-result' });
      res.write('pack part 1;');
      void sendRest.promise.then(() => res.end('pack part 2;'));
    };
    const response = await netHttpClient.request({
      url: `${origin}/repo.git/git-upload-pack`,
      method: 'POST',
      body: [bytes('0000')] as unknown as AsyncIterableIterator<Uint8Array>,
    });
    const first = await within(response.body!.next(), 'the first part of the body');
    expect(Buffer.from(first.value).toString('utf8')).toBe('pack part 1;');
    sendRest.resolve();
    expect(await readAll(response.body)).toBe('pack part 2;');
  });

  it('an abort while waiting for the answer rejects with the abort’s reason', async () => {
    const arrived = deferred();
    handle = () => arrived.resolve(); // never answers
    const controller = new AbortController();
    const pending = netHttpClient.request({ url: `${origin}/hang.git/info/refs?service=git-upload-pack`, signal: controller.signal });
    await within(arrived.promise, 'the request reaching the server');
    const reason = new SyncError('timed-out', 'The server sent nothing.');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('an abort during the body rejects the pending read at once and closes the connection', async () => {
    const closed = deferred();
    handle = (_req, res) => {
      res.writeHead(200).write('some pack bytes');
      res.on('close', () => closed.resolve()); // the rest never comes
    };
    const controller = new AbortController();
    const response = await netHttpClient.request({
      url: `${origin}/stall.git/git-upload-pack`,
      method: 'POST',
      signal: controller.signal,
      body: [bytes('0000')] as unknown as AsyncIterableIterator<Uint8Array>,
    });
    expect(Buffer.from((await response.body!.next()).value).toString('utf8')).toBe('some pack bytes');
    const pendingRead = response.body!.next();
    const reason = new SyncError('cancelled', 'The sync was cancelled.');
    controller.abort(reason);
    await expect(pendingRead).rejects.toBe(reason);
    await within(closed.promise, 'the connection closing');
  });

  it('does not rely on the network stack to notice the abort: the read rejects and the body is cancelled', async () => {
    const cancelled = deferred<unknown>();
    // A body that never ends and ignores the signal, like a stack that does not tie aborts to open streams.
    const stream = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}), cancel: (reason) => cancelled.resolve(reason) });
    fakeElectron().net.fetch = async () => new Response(stream, { status: 200 });
    const controller = new AbortController();
    const response = await netHttpClient.request({
      url: 'https://git.example.com/ops.git/git-upload-pack',
      method: 'POST',
      signal: controller.signal,
      body: [bytes('0000')] as unknown as AsyncIterableIterator<Uint8Array>,
    });
    const pendingRead = response.body!.next();
    const reason = new SyncError('timed-out', 'The server sent nothing.');
    controller.abort(reason);
    await expect(pendingRead).rejects.toBe(reason);
    await within(cancelled.promise, 'the body being cancelled');
    await expect(response.body!.next()).rejects.toBe(reason);
  });

  it('gives an answer without a body an empty one', async () => {
    handle = (_req, res) => res.writeHead(204).end();
    const response = await netHttpClient.request({ url: `${origin}/empty` });
    expect(response.statusCode).toBe(204);
    expect(await readAll(response.body)).toBe('');
  });
});

describe('netHttpClient: Chromium’s network errors', () => {
  it('a failed request is reported with the error code the sync’s classifier knows', async () => {
    fakeElectron().net.fetch = async () => {
      throw new Error('net::ERR_NAME_NOT_RESOLVED');
    };
    const url = 'https://git.example.invalid/ops.git/info/refs?service=git-upload-pack';
    const error = await netHttpClient.request({ url }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
    expect(classifySyncError(error, { url, tokenSent: false, packStarted: false, secrets: [] })).toMatchObject({
      code: 'host-not-found',
      message: expect.stringContaining('git.example.invalid'),
    });
  });

  it('a connection that breaks in the middle of the body is a cut connection', async () => {
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(bytes('PACK'));
        } else controller.error(new Error('net::ERR_CONNECTION_RESET'));
      },
    });
    fakeElectron().net.fetch = async () => new Response(stream, { status: 200 });
    const url = 'https://git.example.com/ops.git/git-upload-pack';
    const response = await netHttpClient.request({
      url,
      method: 'POST',
      body: [bytes('0000')] as unknown as AsyncIterableIterator<Uint8Array>,
    });
    expect((await response.body!.next()).value).toEqual(bytes('PACK'));
    const error = await response.body!.next().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect(classifySyncError(error, { url, tokenSent: false, packStarted: true, secrets: [] }).code).toBe('connection-cut');
  });
});
