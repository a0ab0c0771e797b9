import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectText } from './support/assertions';
import { openApp, type AppUnderTest } from './support/openApp';

describe('the installable offline web app (PWA) in Chromium', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await openApp('/');
    // The first visit installs the service worker (it precaches the app shell); from the next load on,
    // it controls the page, as it will for a user who opened the app once while online.
    await app.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await app.page.reload();
    await app.page.locator('.rr-library-entry').first().waitFor();
    expect(await app.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is installable by the browser’s own report, with a valid manifest', async () => {
    const cdp = await app.browser.context.newCDPSession(app.page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[]; url: string };
    expect(manifest.url).toMatch(/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
  });

  it('reloads with no network: the app shell, the cached runbooks and bookmarks still work', async () => {
    const { page, browser, server } = app;
    await browser.context.setOffline(true);
    try {
      await page.goto(`${server.url}#/read/bundled/moderation-rollback.md`);
      await expectText(page.locator('h1#rr-runbook-title'), 'Moderation Rollback');
      await expectText(page.locator('.rr-offline-banner'), 'Offline — showing the cached copy');
      const toggle = page.locator('.rr-runbook-actions .rr-bookmark-toggle');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      await page.reload();
      await page.goto(`${server.url}#/bookmarks`);
      await expectText(page.locator('.rr-bookmarks-manage'), 'Moderation Rollback');
      await page.keyboard.press('/');
      await page.keyboard.type('pods not scaling');
      await expectText(page.getByRole('dialog'), 'HPA');
      await page.keyboard.press('Escape');
    } finally {
      await browser.context.setOffline(false);
    }
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ]) {
    it(`has no horizontal overflow and no serious accessibility violations at ${viewport.width}×${viewport.height}`, async () => {
      const { page, server } = app;
      await page.setViewportSize(viewport);
      const problems: string[] = [];
      for (const route of ['/', '/read/bundled/moderation-operations.md', '/read/bundled/hpa-scaling.md', '/bookmarks', '/settings']) {
        await page.goto(`${server.url}#${route}`);
        await page.locator('.rr-main h1').first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${route}: page scrolls sideways by ${overflow}px`);
        const result = await new AxeBuilder({ page }).analyze();
        for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          problems.push(`${route}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        }
      }
      await page.getByRole('button', { name: 'Emergency contacts' }).first().click();
      await page.getByRole('dialog', { name: 'Emergency contacts' }).waitFor();
      const contacts = await new AxeBuilder({ page }).include('.rr-contacts').analyze();
      for (const v of contacts.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        problems.push(`contacts panel: ${v.id} — ${v.help}`);
      }
      await page.keyboard.press('Escape');
      expect(problems).toEqual([]);
    });
  }

  it('logged no console errors', () => {
    // Going offline makes the browser log failed background requests; only app errors count.
    expect(app.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
