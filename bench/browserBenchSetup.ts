import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from '../test/e2e/support/launchChromium';
import { serveStatic, type StaticServer } from '../test/e2e/support/serveStatic';
import { startGitHttpServer, type GitHttpServer } from '../test/helpers/gitHttpServer';
import { RunbookRepo, generateRunbooks } from '../test/helpers/makeRunbookRepo';

/** What a browser bench runs against: a generated repository on a loopback Git server, the web build, Chromium. */
export interface BrowserBench {
  repo: RunbookRepo;
  git: GitHttpServer;
  web: StaticServer;
  browser: LaunchedBrowser;
  /** Stops the servers and Chromium and removes the published repository. */
  close(): Promise<void>;
}

/** Publishes `runbooks` generated runbooks as `runbooks.git`, serves `webBuild` and starts Chromium. */
export async function startBrowserBench(runbooks: number, webBuild: string, name: string): Promise<BrowserBench> {
  const gitRoot = mkdtempSync(join(tmpdir(), `rr-bench-${name}-git-`));
  const repo = new RunbookRepo('main');
  repo.writeAll(generateRunbooks(runbooks)).commit('initial');
  repo.publish(gitRoot, 'runbooks.git');
  // Hosts serve packed repositories (and reuse their compressed objects); a freshly cloned bare copy is all loose
  // objects, which the server would compress anew for every fetch (as bench/sync.ts, whose Node figures these meet).
  execFileSync('git', ['repack', '-a', '-d', '-q'], { cwd: join(gitRoot, 'runbooks.git') });
  const git = await startGitHttpServer({ root: gitRoot });
  const web = await serveStatic(webBuild);
  const browser = await launchChromium();
  return {
    repo,
    git,
    web,
    browser,
    async close() {
      await browser.close();
      await web.close();
      await git.close();
      repo.dispose();
      rmSync(gitRoot, { recursive: true, force: true });
    },
  };
}

/**
 * Resolves once the page's service worker is active, that is once its install has stored the whole app for
 * offline use. A first visit installs it in the background: it fetches every file of the app and Chromium compiles
 * each script it stores (about 2 s of CPU on this machine), which an initial sync started at once shares the cores
 * with. A phone's installed app has done this before its first sync; the benches sync after it too.
 */
export async function serviceWorkerInstalled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}
