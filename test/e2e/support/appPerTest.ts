import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { QUIET_FLAGS, chromiumPath } from './launchChromium';
import { WEB_BUILD } from './openApp';
import { serveStatic, type StaticServer } from './serveStatic';

export interface AppPage {
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far in this test. */
  errors: string[];
  /**
   * Takes the network away for real: the static server stops and every request the browser still sends
   * (page, workers, service worker) is aborted as a lost connection. What the page then shows comes from
   * the service worker and IndexedDB. `navigator.onLine` is deliberately left alone: after a reload
   * served by the service worker Chromium reports true again, so the app must not rely on it.
   */
  goOffline(): Promise<void>;
  /** Waits until a service worker controls the page (reloading once after the first install). */
  controlledByServiceWorker(): Promise<void>;
}

export interface AppPerTestOptions {
  /** Hash route opened before each test (without `#`). */
  route?: string;
  context?: BrowserContextOptions;
  /** Fail each test that logged a console error or threw in the page. */
  noConsoleErrors?: boolean;
}

/**
 * Registers hooks so that every test in the file gets its own browser context (its own IndexedDB,
 * service worker and storage), its own static server and a page on `route`: no test sees what an
 * earlier one left behind. One Chromium per file keeps that cheap. Returns a getter for the current test's app.
 */
export function appPerTest(options: AppPerTestOptions = {}): () => AppPage {
  let browser: Browser | undefined;
  let current: AppPage | undefined;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    const server = await serveStatic(WEB_BUILD);
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, ...options.context });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}#${options.route ?? '/'}`);
    await page.locator('.rr-library-entry').first().waitFor();
    current = {
      server,
      context,
      page,
      errors,
      async goOffline() {
        await context.route('**', (route) => route.abort('internetdisconnected'));
        await server.close();
      },
      async controlledByServiceWorker() {
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
          await page.reload();
          await page.locator('.rr-library-entry').first().waitFor();
        }
        expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      },
    };
  });
  afterEach(async () => {
    const app = current;
    current = undefined;
    if (!app) return;
    await app.context.close();
    await app.server.close();
    if (options.noConsoleErrors) expect(app.errors).toEqual([]);
  });

  return () => {
    if (!current) throw new Error('appPerTest: the app exists only inside a test');
    return current;
  };
}
