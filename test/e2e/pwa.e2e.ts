import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { appPerTest } from './support/appPerTest';
import { expectText } from './support/assertions';
import { openApp } from './support/openApp';

/** Going offline makes the browser log the requests it could not send; only the app's own errors count. */
const appErrors = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));

describe('the installable offline web app (PWA) in Chromium', () => {
  const app = appPerTest({ route: '/' });

  it('is installable by the browser’s own report, with a valid manifest', async () => {
    // Chromium never offers to install from an incognito-like context, so this test has a real profile.
    const installed = await openApp('/');
    try {
      const { page, browser } = installed;
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      const cdp = await browser.context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
      const manifest = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[]; url: string };
      expect(manifest.url).toMatch(/manifest\.webmanifest$/);
      expect(manifest.errors).toEqual([]);
    } finally {
      await installed.close();
    }
  });

  it('answers the app’s own files from its cache without running the service worker, and the rest as before', async () => {
    const current = app();
    const { page, server } = current;
    await current.controlledByServiceWorker();
    await page.goto(`${server.url}#/read/bundled/moderation-rollback.md`);
    await page.reload();
    await expectText(page.locator('h1#rr-runbook-title'), 'Moderation Rollback');
    const loaded = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as (PerformanceResourceTiming & { workerMatchedSourceType?: string })[])
        .filter((entry) => new URL(entry.name).pathname.includes('/assets/'))
        .map((entry) => ({ file: new URL(entry.name).pathname, status: entry.responseStatus, source: entry.workerMatchedSourceType })),
    );
    // The start's scripts and styles, each answered by the browser from the precache (the static route).
    expect(loaded.filter((entry) => /\/assets\/index-[\w-]+\.js$/.test(entry.file))).toHaveLength(1);
    expect(loaded.filter((entry) => entry.source !== 'cache' || entry.status !== 200)).toEqual([]);
    // A file under assets/ that was never precached still comes from the server.
    const sourceMap = await page.evaluate(async () => {
      const main = [...document.scripts].map((script) => script.src).find((src) => /\/assets\/index-[\w-]+\.js$/.test(src));
      return main ? (await fetch(`${main}.map`)).status : 0;
    });
    expect(sourceMap).toBe(200);
  });

  it('reloads with no network: the app shell, the cached runbooks, search and bookmarks still work', async () => {
    const current = app();
    const { page, server } = current;
    await current.controlledByServiceWorker();
    await current.goOffline();
    await page.goto(`${server.url}#/read/bundled/moderation-rollback.md`);
    await page.reload();
    await expectText(page.locator('h1#rr-runbook-title'), 'Moderation Rollback');
    // The small script that starts opening the cache came from the service worker's copy too, allowed by the CSP.
    const earlyScript = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => /\/assets\/openCacheEarly-[0-9a-f]{8}\.js$/.test(entry.name))
        .map((entry) => (entry as PerformanceResourceTiming).responseStatus),
    );
    expect(earlyScript).toEqual([200]);
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
    expect(appErrors(current.errors)).toEqual([]);
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ]) {
    it(`has no horizontal overflow and no serious accessibility violations at ${viewport.width}×${viewport.height}`, async () => {
      const { page, server, errors } = app();
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
      expect(appErrors(errors)).toEqual([]);
      // Ten axe scans: on a busy two-core machine they take far longer than one page's checks.
    }, 240_000);
  }
});
