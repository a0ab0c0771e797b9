import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCorsProxyServer, type CorsProxyServer } from '../helpers/corsProxyServer';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { RunbookRepo } from '../helpers/makeRunbookRepo';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';

/** The browser build sends a token through a CORS proxy only when the person ticked that proxy as trusted. */
describe('a token and the CORS proxy (real Chromium, loopback Git server and proxy)', () => {
  let server: SharedGitServer;
  let proxy: CorsProxyServer;
  let repo: RunbookRepo;
  const app = appPerTest({ route: '/settings' });

  beforeAll(async () => {
    server = useSharedGitServer();
    repo = new RunbookRepo('main');
    repo.write('README.md', '# Proxied runbooks\n\nReached through a proxy.\n').commit('first');
    repo.publish(server.root, 'proxied.git');
    proxy = await startCorsProxyServer();
  });
  afterEach(() => {
    proxy.forwarded.length = 0;
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
    repo?.dispose();
  });

  async function addThroughProxy(page: Page, webUrl: string, name: string, trust: boolean) {
    const setting = page.getByRole('region', { name: 'CORS proxy for Git sync' });
    await setting.getByLabel('Proxy address').fill(proxy.origin);
    await setting.getByRole('button', { name: 'Save' }).click();
    await expectText(setting.getByRole('status'), 'Saved.');
    await page.goto(`${webUrl}#/sources`);
    await page.getByLabel('Repository address (https)').fill(server.url('proxied.git', { kind: 'auth' }));
    await page.getByLabel(/Display name/).fill(name);
    await page.getByLabel(/Access token/).fill(server.token);
    if (trust) await page.getByLabel(/Send the token through the CORS proxy/).check();
    await page.getByRole('button', { name: 'Add and sync' }).click();
    return page.locator('.rr-source', { hasText: name });
  }

  it('without the tick, the proxy never sees the token (and the failed sync says why)', async () => {
    const { page, server: web } = app();
    const card = await addThroughProxy(page, web.url, 'Untrusted proxy', false);
    await expectText(card.getByRole('alert'), 'The access token is not sent through the CORS proxy');
    expect(proxy.forwarded.length).toBeGreaterThan(0);
    expect(proxy.forwarded.every((r) => r.authorization === undefined)).toBe(true);
  });

  it('with the tick, the token goes through the proxy and the sync succeeds', async () => {
    const { page, server: web } = app();
    const card = await addThroughProxy(page, web.url, 'Trusted proxy', true);
    await expectText(card, /Last successful sync: .* at commit [0-9a-f]{7}/);
    expect(proxy.forwarded.some((r) => r.authorization !== undefined)).toBe(true);
  });
});
