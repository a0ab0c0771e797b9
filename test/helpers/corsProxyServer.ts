import { createServer, request, type IncomingHttpHeaders } from 'node:http';

export interface CorsProxyServer {
  /** `http://127.0.0.1:<port>`, to give as the app's CORS proxy. */
  origin: string;
  /** Every request the proxy forwarded: where to, and the Authorization header it carried. */
  forwarded: { target: string; authorization?: string }[];
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Accept, Git-Protocol, User-Agent, X-Requested-With',
  'access-control-expose-headers': 'Content-Type, WWW-Authenticate',
};

/**
 * A CORS proxy of the kind isomorphic-git expects (`<proxy>/<host>/<path>`), on loopback, forwarding to
 * plain http (the test Git servers) and recording what it forwarded, so tests see whether a token passed
 * through it.
 */
export async function startCorsProxyServer(): Promise<CorsProxyServer> {
  const forwarded: CorsProxyServer['forwarded'] = [];
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    const target = `http://${(req.url ?? '/').slice(1)}`;
    const headers: IncomingHttpHeaders = { ...req.headers };
    delete headers.host;
    delete headers.origin;
    forwarded.push({ target, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const upstream = request(target, { method: req.method ?? 'GET', headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...CORS_HEADERS });
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, CORS_HEADERS);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The test CORS proxy has no port.');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
