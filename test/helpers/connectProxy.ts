import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxyRequest {
  /** `CONNECT` (a tunnel) or the method of a request sent in absolute form. */
  method: string;
  /** `host:port` for a tunnel, the absolute URL otherwise. */
  target: string;
  proxyAuthorization?: string;
}

export interface LoopbackProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: ProxyRequest[];
  close(): Promise<void>;
}

/**
 * A forward HTTP proxy on loopback, as corporate networks have: tunnels (`CONNECT host:port`) and plain
 * requests in absolute form are both passed on. With `credentials` (`user:password`) it answers 407 to
 * any request without that Basic `Proxy-Authorization`.
 */
export async function startLoopbackProxy(options: { credentials?: string } = {}): Promise<LoopbackProxy> {
  const requests: ProxyRequest[] = [];
  const sockets = new Set<Socket>();
  const expected = options.credentials ? `Basic ${Buffer.from(options.credentials).toString('base64')}` : undefined;
  const record = (req: IncomingMessage, target: string) => {
    const entry: ProxyRequest = { method: req.method ?? 'GET', target };
    if (req.headers['proxy-authorization']) entry.proxyAuthorization = req.headers['proxy-authorization'];
    requests.push(entry);
    return expected === undefined || req.headers['proxy-authorization'] === expected;
  };

  const server: Server = createServer((req, res) => {
    if (!record(req, req.url ?? '')) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="proxy"' }).end();
      return;
    }
    const target = new URL(req.url ?? '');
    const upstream = connect(Number(target.port || 80), target.hostname, () => {
      const headers = Object.entries(req.headers).filter(([name]) => name !== 'proxy-authorization' && name !== 'proxy-connection');
      upstream.write(
        `${req.method} ${target.pathname}${target.search} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${String(v)}`).join('\r\n')}\r\nconnection: close\r\n\r\n`,
      );
      req.pipe(upstream);
      upstream.pipe(res.socket!);
    });
    upstream.on('error', () => res.socket?.destroy());
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('error', () => {});
    if (!record(req, req.url ?? '')) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
