import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppRequestHandler, registerAppSchemeAsPrivileged, serveAppBundle } from '../../electron/appProtocol';
import { contentSecurityPolicy } from '../../electron/policy/contentSecurityPolicy';
import { fakeElectron } from '../setup/electronMock';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'app-protocol-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Runbook Reader</title>');
  await writeFile(path.join(root, 'assets', 'index.js'), 'console.log("hi")');
  await writeFile(path.join(root, 'assets', 'style.css'), 'body{}');
  await writeFile(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'secret');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), { force: true });
});

function get(url: string, method = 'GET'): Promise<Response> {
  return createAppRequestHandler(root)({ url, method });
}

describe('the app:// request handler', () => {
  it.each([
    ['app://bundle/', 200, 'text/html; charset=utf-8', 'Runbook Reader'],
    ['app://bundle/index.html', 200, 'text/html; charset=utf-8', 'Runbook Reader'],
    ['app://bundle/assets/index.js', 200, 'text/javascript; charset=utf-8', 'console.log'],
    ['app://bundle/assets/style.css', 200, 'text/css; charset=utf-8', 'body{}'],
    ['app://bundle/search', 200, 'text/html; charset=utf-8', 'Runbook Reader'],
    ['app://bundle/runbooks/bundled/db.md', 200, 'text/html; charset=utf-8', 'Runbook Reader'],
    ['app://bundle/assets/missing-chunk.js', 404, 'text/plain; charset=utf-8', 'Not found'],
    ['app://bundle/assets/..%2f..%2fsecret.txt', 404, 'text/plain; charset=utf-8', 'Not found'],
    ['app://evil/index.html', 404, 'text/plain; charset=utf-8', 'Not found'],
  ])('%s → %i %s', async (url, status, contentType, bodyText) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(await response.text()).toContain(bodyText);
  });

  it('cannot read a file next to the bundle folder', async () => {
    const sibling = `${path.basename(root)}-secret.txt`;
    for (const url of [`app://bundle/../${sibling}`, `app://bundle/%2e%2e/${sibling}`, `app://bundle/..%5c${sibling}`]) {
      expect(await (await get(url)).text()).not.toContain('secret');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
    const head = await get('app://bundle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('404s when even index.html is missing', async () => {
    await rm(path.join(root, 'index.html'));
    expect((await get('app://bundle/some/route')).status).toBe(404);
  });

  it.each(['app://bundle/', 'app://bundle/assets/index.js', 'app://bundle/nope.js', 'app://evil/', 'app://bundle/x', 'app://bundle/%00'])(
    'every response carries the CSP and nosniff headers (%s)',
    async (url) => {
      for (const method of ['GET', 'HEAD', 'PUT']) {
        const response = await get(url, method);
        expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
    },
  );
});

describe('protocol registration', () => {
  it('registers app as a standard secure scheme without CSP bypass, CORS or service workers', () => {
    registerAppSchemeAsPrivileged();
    const [registration] = fakeElectron().protocol.privileged;
    expect(registration?.scheme).toBe('app');
    expect(registration?.privileges).toMatchObject({ standard: true, secure: true });
    expect(registration?.privileges?.bypassCSP).toBeFalsy();
    expect(registration?.privileges?.corsEnabled).toBeFalsy();
    expect(registration?.privileges?.allowServiceWorkers).toBeFalsy();
  });

  it('serves dist/web under the app path through protocol.handle', async () => {
    const appPath = await mkdtemp(path.join(tmpdir(), 'app-path-'));
    try {
      await mkdir(path.join(appPath, 'dist', 'web'), { recursive: true });
      await writeFile(path.join(appPath, 'dist', 'web', 'index.html'), 'from the app path');
      const electron = fakeElectron();
      electron.app.appPath = appPath;
      serveAppBundle();
      const handler = electron.protocol.handlers.get('app');
      expect(handler).toBeDefined();
      const response = await handler!({ url: 'app://bundle/', method: 'GET' } as Request);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('from the app path');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    } finally {
      await rm(appPath, { recursive: true, force: true });
    }
  });
});
