import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';

/**
 * How the server treats requests for one URL. The faults act on the pack data inside the response to
 * `POST …/git-upload-pack` (side-band channel 1, not the progress messages around it, whose length
 * depends on timing), because that is where a real sync spends its time.
 *
 * - `plain`: git's own smart HTTP, nothing added.
 * - `auth`: Basic auth required; the token given to `startGitHttpServer` must be the user name or the
 *   password (that covers every host convention `authForHost` produces).
 * - `cut-reset`: after `afterBytes` bytes of pack data the socket is destroyed (a dropped link).
 * - `cut-end`: after `afterBytes` bytes the response is ended cleanly, so the client sees a short body.
 * - `stall`: after `afterBytes` bytes of pack data nothing more is sent and the socket stays open.
 * - `hang`: no request is ever answered (a server or proxy that accepted the connection and went silent).
 * - `damage`: the pack byte at offset `afterBytes` is inverted and everything is sent (a faulty proxy).
 * - `trickle`: after `afterBytes` bytes of pack data the rest goes one byte every 200 ms (never silent, never done).
 * - `redirect-plain` / `redirect-auth`: every request is answered 307 to the same path under `plain` / `auth`
 *   on this server (a same-origin move).
 * - `redirect-away`: every request is answered 307 to the same path under `auth` on `redirectAwayTo`
 *   (another origin).
 */
export type ServerMode =
  | { kind: 'plain' }
  | { kind: 'auth' }
  | { kind: 'cut-reset'; afterBytes: number }
  | { kind: 'cut-end'; afterBytes: number }
  | { kind: 'stall'; afterBytes: number }
  | { kind: 'hang' }
  | { kind: 'damage'; afterBytes: number }
  | { kind: 'trickle'; afterBytes: number }
  | { kind: 'redirect-plain' }
  | { kind: 'redirect-auth' }
  | { kind: 'redirect-away' };

export interface LoggedRequest {
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  authorization?: string;
  status?: number;
  /** Bytes of response body sent (after the CGI headers). */
  responseBytes: number;
  /** Bytes of pack data sent (side-band channel 1 of an upload-pack response). */
  packBytes: number;
}

export interface GitHttpServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Folder of bare repositories served (GIT_PROJECT_ROOT). */
  root: string;
  /** URL of a repository under `root` (e.g. `runbooks.git`) served with the given behaviour. */
  url(repo: string, mode?: ServerMode): string;
  /** Every request received, in order; tests read it to check what went over the wire. */
  requests: LoggedRequest[];
  /** Origin (`http://127.0.0.1:<port>`) that `redirect-away` sends clients to. */
  redirectAwayTo?: string;
  close(): Promise<void>;
}

export interface GitHttpServerOptions {
  /** Folder of bare repositories. */
  root: string;
  /** Token the `auth` mode accepts. */
  token?: string;
}

/** Path of the request log: `GET /__requests?containing=<text>` answers the logged requests whose URL contains the text. */
export const REQUEST_LOG_PATH = '/__requests';

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Accept, Git-Protocol, User-Agent, X-Requested-With',
  'access-control-expose-headers': 'Content-Type, WWW-Authenticate',
  'access-control-max-age': '600',
};

const gitExecPath = execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim();

/**
 * A real Git smart-HTTP server on loopback: Node's http server runs git's own CGI program
 * (`git http-backend`) for every request, so clients talk to the same code a production Git host runs.
 * Listens on 127.0.0.1, port chosen by the OS.
 */
export async function startGitHttpServer(options: GitHttpServerOptions): Promise<GitHttpServer> {
  const { root, token } = options;
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const children = new Set<ChildProcess>();

  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith(REQUEST_LOG_PATH)) {
      answerRequestLog(req, res);
      return;
    }
    const logged: LoggedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', responseBytes: 0, packBytes: 0 };
    if (req.headers.authorization) logged.authorization = req.headers.authorization;
    requests.push(logged);
    res.on('finish', () => (logged.status = res.statusCode));
    handle(req, res, logged).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, CORS_HEADERS);
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  /** Tests in other processes share this server; they read the requests for their own repositories here. */
  function answerRequestLog(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    const containing = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('containing') ?? '';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(requests.filter((r) => r.url.includes(containing))));
  }

  async function handle(req: IncomingMessage, res: ServerResponse, logged: LoggedRequest): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parsed = parseModePath(url.pathname);
    if (!parsed) {
      res.writeHead(404, { ...CORS_HEADERS, 'content-type': 'text/plain' });
      res.end('Unknown test server path.');
      return;
    }
    const { mode, pathInfo } = parsed;
    if (mode.kind === 'redirect-plain' || mode.kind === 'redirect-auth' || mode.kind === 'redirect-away') {
      req.resume();
      const base = mode.kind === 'redirect-away' ? `${api.redirectAwayTo ?? origin}/auth` : `/${mode.kind.slice('redirect-'.length)}`;
      res.writeHead(307, { ...CORS_HEADERS, location: `${base}${pathInfo}${url.search}`, 'content-type': 'text/plain' });
      res.end('Moved.');
      return;
    }
    if (mode.kind === 'hang') {
      req.resume();
      return; // never answered; the socket is destroyed on close()
    }
    if (mode.kind === 'auth' && !isAuthorized(req.headers.authorization, token)) {
      req.resume();
      res.writeHead(401, { ...CORS_HEADERS, 'www-authenticate': 'Basic realm="runbooks"', 'content-type': 'text/plain' });
      res.end('Authentication required.');
      return;
    }
    const isPack = req.method === 'POST' && pathInfo.endsWith('/git-upload-pack');
    runBackend(req, res, pathInfo, url.search.slice(1), isPack ? mode : { kind: 'plain' }, logged);
  }

  function runBackend(
    req: IncomingMessage,
    res: ServerResponse,
    pathInfo: string,
    query: string,
    mode: ServerMode,
    logged: LoggedRequest,
  ): void {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: root,
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: pathInfo,
      QUERY_STRING: query,
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      REMOTE_ADDR: '127.0.0.1',
      REMOTE_USER: '',
      SERVER_PROTOCOL: 'HTTP/1.1',
    };
    if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length'];
    if (req.headers['git-protocol']) env.GIT_PROTOCOL = String(req.headers['git-protocol']);
    if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = String(req.headers['content-encoding']);

    const child = spawn(join(gitExecPath, 'git-http-backend'), [], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    children.add(child);
    child.on('close', () => children.delete(child));
    child.on('error', () => children.delete(child));
    child.stdin.on('error', () => {});
    req.pipe(child.stdin);

    let head = Buffer.alloc(0);
    let headersDone = false;
    let bodyBytes = 0;
    let stopped = false;
    const packCounter = new PackByteCounter();
    let damaged = false;
    let trickle: ReturnType<typeof setInterval> | undefined;
    const trickled: Buffer[] = [];
    res.on('close', () => clearInterval(trickle));

    const stop = (kind: ServerMode['kind']) => {
      stopped = true;
      if (kind === 'cut-reset') {
        // Let the bytes already written reach the client, then drop the link without a proper end.
        setTimeout(() => res.socket?.destroy(), 20);
      } else if (kind === 'cut-end') {
        res.end();
      }
      // `stall`: keep the socket open and silent.
      child.stdout.resume();
      if (kind === 'trickle') {
        trickle = setInterval(() => {
          const next = trickled[0];
          if (!next) return;
          res.write(next.subarray(0, 1));
          if (next.length > 1) trickled[0] = next.subarray(1);
          else trickled.shift();
        }, 200);
      }
    };

    const sendBody = (chunk: Buffer) => {
      if (stopped) {
        if (mode.kind === 'trickle') trickled.push(chunk);
        return;
      }
      let send = chunk;
      let cutHere = false;
      if (mode.kind === 'damage' && !damaged) {
        const at = packCounter.offsetOfPackByte(chunk, mode.afterBytes);
        // At the chunk's very end the byte to damage is the first pack byte of the next chunk.
        if (at !== undefined && at < chunk.length) {
          send = Buffer.from(chunk);
          send[at] = send[at]! ^ 0xff;
          damaged = true;
          packCounter.offsetOfPackByte(chunk.subarray(at), Number.POSITIVE_INFINITY);
        }
      } else if (mode.kind === 'cut-reset' || mode.kind === 'cut-end' || mode.kind === 'stall' || mode.kind === 'trickle') {
        const at = packCounter.offsetOfPackByte(chunk, mode.afterBytes);
        if (at !== undefined) {
          send = chunk.subarray(0, at);
          if (mode.kind === 'trickle') trickled.push(chunk.subarray(at));
          cutHere = true;
        }
      } else {
        packCounter.offsetOfPackByte(chunk, Number.POSITIVE_INFINITY);
      }
      if (send.length > 0) res.write(send);
      bodyBytes += send.length;
      logged.responseBytes = bodyBytes;
      logged.packBytes = packCounter.packBytes;
      if (cutHere) stop(mode.kind);
    };

    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        sendBody(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const split = findHeaderEnd(head);
      if (split === undefined) return;
      headersDone = true;
      const { status, headers } = parseCgiHeaders(head.subarray(0, split.at).toString('latin1'));
      res.writeHead(status, { ...headers, ...CORS_HEADERS });
      const rest = head.subarray(split.at + split.length);
      if (rest.length > 0) sendBody(rest);
    });
    child.stdout.on('end', () => {
      if (!headersDone) {
        res.writeHead(502, { ...CORS_HEADERS, 'content-type': 'text/plain' });
        res.end('git http-backend sent no headers.');
        return;
      }
      if (!stopped) res.end();
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The test Git server has no port.');
  const origin = `http://127.0.0.1:${address.port}`;

  const api: GitHttpServer = {
    origin,
    root,
    requests,
    url: (repo, mode = { kind: 'plain' }) => `${origin}/${modeSegment(mode)}/${repo}`,
    close: async () => {
      for (const child of children) child.kill('SIGKILL');
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return api;
}

export function modeSegment(mode: ServerMode): string {
  switch (mode.kind) {
    case 'plain':
    case 'auth':
    case 'hang':
    case 'redirect-plain':
    case 'redirect-auth':
    case 'redirect-away':
      return mode.kind;
    default:
      return `${mode.kind}-${mode.afterBytes}`;
  }
}

function parseModePath(pathname: string): { mode: ServerMode; pathInfo: string } | undefined {
  const match = /^\/([a-z-]+?)(?:-(\d+))?(\/.*)$/.exec(pathname);
  if (!match) return undefined;
  const [, kind, bytes, pathInfo] = match;
  const afterBytes = Number(bytes ?? 0);
  let mode: ServerMode;
  switch (kind) {
    case 'plain':
    case 'auth':
    case 'hang':
    case 'redirect-plain':
    case 'redirect-auth':
    case 'redirect-away':
      mode = { kind };
      break;
    case 'cut-reset':
    case 'cut-end':
    case 'stall':
    case 'damage':
    case 'trickle':
      mode = { kind, afterBytes };
      break;
    default:
      return undefined;
  }
  return { mode, pathInfo: pathInfo! };
}

function isAuthorized(header: string | undefined, token: string | undefined): boolean {
  if (!header || !token || !header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? '' : decoded.slice(colon + 1);
  return user === token || password === token;
}

function findHeaderEnd(buffer: Buffer): { at: number; length: number } | undefined {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return { at: crlf, length: 4 };
  if (lf !== -1) return { at: lf, length: 2 };
  return undefined;
}

/** CGI answers with `Header: value` lines; `Status: 404 Not Found` carries the status. */
function parseCgiHeaders(block: string): { status: number; headers: Record<string, string> } {
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'status') status = Number.parseInt(value, 10) || 200;
    else headers[name] = value;
  }
  return { status, headers };
}

/**
 * Follows the pkt-line framing of an upload-pack response to count pack bytes (side-band channel 1),
 * so a fault can be placed at an exact point of the pack whatever progress lines surround it.
 */
class PackByteCounter {
  packBytes = 0;
  private header = '';
  private remaining = 0;
  private channelNext = false;
  private channel = -1;

  /** Index in `chunk` before which `limit` pack bytes have been sent, or undefined if the limit is not reached in it. */
  offsetOfPackByte(chunk: Buffer, limit: number): number | undefined {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (this.remaining === 0) {
        this.header += String.fromCharCode(byte);
        if (this.header.length < 4) continue;
        const length = Number.parseInt(this.header, 16);
        this.header = '';
        if (Number.isFinite(length) && length > 4) {
          this.remaining = length - 4;
          this.channelNext = true;
        }
        continue;
      }
      if (this.channelNext) {
        this.remaining--;
        this.channel = byte;
        this.channelNext = false;
        continue;
      }
      // The rest of this packet's payload that is in the chunk, taken at once (a byte loop here made the
      // in-process server a noticeable part of the sync benchmark's fetch time).
      const take = Math.min(this.remaining, chunk.length - i);
      if (this.channel === 1) {
        if (this.packBytes + take > limit) {
          const before = limit - this.packBytes;
          this.packBytes = limit;
          this.remaining -= before;
          return i + before;
        }
        this.packBytes += take;
      }
      this.remaining -= take;
      i += take - 1;
    }
    return undefined;
  }
}
