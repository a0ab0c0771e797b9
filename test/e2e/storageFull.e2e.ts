import { describe, expect, it } from 'vitest';
import { generateRunbooks } from '../helpers/makeRunbookRepo';
import { addSource } from './support/addSource';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';
import { publishedRepoPerFile } from './support/publishedRepoPerFile';

/**
 * A device whose storage is nearly full, for real: Chromium's quota for the app's origin is set (over the
 * DevTools protocol, before the app first opens its databases: IndexedDB keeps the quota it saw first) to
 * a little more than the app needs to start, then a source far larger than what is left is synced.
 */
describe('syncing with the storage quota nearly used up (real Chromium quota)', () => {
  const app = appPerTest({ route: '/sources' });
  const gitServer = publishedRepoPerFile('large.git', (repo) => {
    repo.writeAll(generateRunbooks(250, 40_000, 80_000)).commit('many large runbooks');
  });

  it('says storage is full, and the runbooks already on the device stay readable', async () => {
    const { page: firstStart, context, server: web } = app();
    // What the app uses once started (service-worker precache, bundled runbooks), measured on a first start.
    await firstStart.evaluate(() => navigator.serviceWorker.ready);
    const startUsage = await firstStart.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

    const device = await context.browser()!.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await device.newPage();
      // Uncaught errors of the page and of its workers (the sync worker's LightningFS flushes on a timer).
      const uncaught: string[] = [];
      page.on('pageerror', (error) => uncaught.push(`${error.name}: ${error.message}`));
      const cdp = await device.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', {
        origin: new URL(web.url).origin,
        quotaSize: Math.round(startUsage * 1.2) + 2 * 1024 * 1024,
      });
      await page.goto(`${web.url}#/sources`);
      await page.locator('.rr-library-entry').first().waitFor();
      const entriesBefore = await page.locator('.rr-library-entry').count();

      const card = await addSource(page, { url: gitServer().url('large.git'), name: 'Large runbooks' });
      await expectText(card.getByRole('alert'), 'There is not enough storage space to save the downloaded runbooks');

      expect(await page.locator('.rr-library-entry').count()).toBe(entriesBefore);
      await page.locator('.rr-library-entry').first().click();
      await page.locator('.rr-markdown').first().waitFor();
      // The sync worker's LightningFS saves its file list on its own once idle, then lets go of its lock;
      // a save that failed unhandled used to keep that lock (and break the worker's file system) for good.
      await page.waitForFunction(async () => {
        const { held = [] } = await navigator.locks.query();
        return !held.some((lock) => lock.name === 'runbook-reader-git_lock');
      });
      expect(uncaught).toEqual([]);
    } finally {
      await device.close();
    }
  });
});
