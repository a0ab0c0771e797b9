/**
 * The `app://` protocol that serves the built renderer from `dist/web/`. A custom standard,
 * secure scheme gives the pages a real origin (`app://bundle`) for storage, CSP and IPC sender
 * checks, without a local web server and without the extra powers of `file://`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, protocol } from 'electron';
import { INDEX_FILE, mimeTypeFor, resolveAppRequest } from './appBundlePaths';
import { APP_SCHEME } from './policy/appOrigin';
import { appResponseSecurityHeaders } from './policy/contentSecurityPolicy';

/**
 * Must run before the app is ready. Not granted: `bypassCSP`, `corsEnabled` (which would let other
 * origins read app files), `allowServiceWorkers` (the desktop app serves its files itself; the PWA
 * service worker is for the web build only).
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** The built renderer inside the app (the asar archive once packaged). */
export function appBundleRoot(): string {
  return path.join(app.getAppPath(), 'dist', 'web');
}

/** `Uint8Array<ArrayBuffer>` is what `Response` accepts; a Node Buffer may sit on a shared pool. */
export type ReadBundleFile = (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;

/** The subset of `Request` the handler looks at. */
export interface AppRequest {
  url: string;
  method: string;
}

function respond(status: number, body: Uint8Array<ArrayBuffer> | string | null, contentType: string): Response {
  // Every response, errors included, carries the CSP and nosniff headers. (Electronegativity's
  // CSP_GLOBAL_CHECK cannot see a policy built by a function and reports "no CSP"; it is accepted
  // in test/electron/electronegativity.test.ts for that reason.)
  const headers = { ...appResponseSecurityHeaders(), 'Content-Type': contentType };
  return new Response(body, { status, headers });
}

async function readIfPresent(read: ReadBundleFile, filePath: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    return await read(filePath);
  } catch {
    // Missing file, a folder, or unreadable: all answered with 404 by the caller.
    return undefined;
  }
}

/** Builds the request handler for files under `rootDir`. Exported for tests. */
export function createAppRequestHandler(
  rootDir: string,
  read: ReadBundleFile = async (filePath) => new Uint8Array(await readFile(filePath)),
): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
    }
    const target = resolveAppRequest(request.url, rootDir);
    if (target.kind === 'not-found') return respond(404, 'Not found', 'text/plain; charset=utf-8');

    let body = await readIfPresent(read, target.filePath);
    let contentType = target.mimeType;
    if (body === undefined && target.fallbackToIndex) {
      body = await readIfPresent(read, path.join(rootDir, INDEX_FILE));
      contentType = mimeTypeFor(INDEX_FILE);
    }
    if (body === undefined) return respond(404, 'Not found', 'text/plain; charset=utf-8');
    return respond(200, request.method === 'HEAD' ? null : body, contentType);
  };
}

/** Serves `dist/web/` on `app://bundle/`. Call once the app is ready. */
export function serveAppBundle(rootDir: string = appBundleRoot()): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}
