import { resolve } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './launchChromium';
import { serveStatic, type StaticServer } from './serveStatic';

export interface AppUnderTest {
  server: StaticServer;
  browser: LaunchedBrowser;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

// RR_WEB_BUILD lets parallel work build and test its own copy (`vite build --outDir <dir>`) without racing on dist/web.
export const WEB_BUILD = process.env.RR_WEB_BUILD ? resolve(process.env.RR_WEB_BUILD) : resolve(import.meta.dirname, '../../../dist/web');

/** Serves the production build and opens it in a fresh Chromium profile; waits for the library to load. */
export async function openApp(route = '/', options: BrowserContextOptions = {}): Promise<AppUnderTest> {
  const server = await serveStatic(WEB_BUILD);
  const browser = await launchChromium(options);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}#${route}`);
  await page.locator('.rr-library-entry').first().waitFor();
  return {
    server,
    browser,
    page,
    errors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
