import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Debian's Chromium, or the browser named by CHROMIUM_PATH; never a downloaded one. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error('No Chromium found: install Debian\'s "chromium" package (apt-get install -y chromium) or set CHROMIUM_PATH.');
  }
  return found;
}

// Quiet on a closed network: no background requests to Google's services, no first-run UI.
// Without the two omnibox features, Chromium 156 (headless too) loads a hidden WebUI omnibox popup, a renderer
// process of its own, with every window: about 2 s of CPU during each page start measured, a core of this
// 2-core machine. Neither a phone's installed app nor Electron has that browser chrome.
export const QUIET_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  /**
   * Closes Chromium and starts it again on the same profile (IndexedDB, service worker, HTTP and code caches
   * kept), as when the app is closed and opened again; `context` is then the new one.
   */
  reopen(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** A persistent context in a fresh profile folder, so service workers and IndexedDB behave as for a user. */
export async function launchChromium(options: BrowserContextOptions = {}): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'rr-chromium-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: QUIET_FLAGS,
      viewport: { width: 1280, height: 800 },
      ...options,
    });
  const launched: LaunchedBrowser = {
    context: await launch(),
    async reopen() {
      await launched.context.close();
      launched.context = await launch();
      return launched.context;
    },
    async close() {
      await launched.context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return launched;
}
