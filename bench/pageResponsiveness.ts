/**
 * How long the reader page stays unresponsive on hostile runbooks, measured in Debian's Chromium against the
 * production build (`npx vite build` first). The runbooks are synced from a loopback `git http-backend` as a
 * user would; each one is then opened from the library while a PerformanceObserver records long tasks.
 *
 *   npx vite build && npx tsx bench/pageResponsiveness.ts        (BENCH_RUNS=3 by default)
 *
 * BENCH_ONLY=headings,contacts-panel measures only the cases named (all runbooks are still synced);
 * BENCH_PROFILE=<folder> writes a Chrome DevTools CPU profile of each run there.
 * BENCH_CPU_THROTTLE=K slows each measured page's CPU K times (CDP `Emulation.setCPUThrottlingRate`; 4 ≈ a
 * mid-range phone); the sync that fills the cache runs unthrottled.
 *
 * Prints one JSON object: per case, the time until the first text is on screen, the longest task, the total
 * blocking time (the part of every task beyond 50 ms) and the time until the page went quiet; medians and
 * the worst run over BENCH_RUNS runs. A bundled runbook is the baseline.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startGitHttpServer } from '../test/helpers/gitHttpServer';
import { RunbookRepo } from '../test/helpers/makeRunbookRepo';
import { launchChromium } from '../test/e2e/support/launchChromium';
import { WEB_BUILD } from '../test/e2e/support/openApp';
import { serveStatic } from '../test/e2e/support/serveStatic';
import { hostileRunbooks } from './hostileRunbooks';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const CPU_THROTTLE = Number(process.env.BENCH_CPU_THROTTLE ?? 1);
const measured = (name: string) => !ONLY || ONLY.includes(name);
const QUIET_MS = 1_500;
const GIVE_UP_MS = 120_000;

interface Sample {
  /** The page did not show the text within GIVE_UP_MS (figures then cover only that long). */
  gaveUp: number;
  firstTextMs: number;
  longestTaskMs: number;
  tasksOver200: number;
  totalBlockingMs: number;
  settledMs: number;
}

declare global {
  interface Window {
    rrLongTasks: { start: number; duration: number }[];
    rrStart: number;
  }
}

function recordLongTasks() {
  window.rrLongTasks = [];
  window.rrStart = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.rrLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function waitQuiet(page: Page): Promise<number> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const state = await page.evaluate(() => {
      const tasks = window.rrLongTasks.filter((t) => t.start >= window.rrStart);
      const lastEnd = tasks.reduce((end, t) => Math.max(end, t.start + t.duration), window.rrStart);
      return { now: performance.now(), lastEnd };
    });
    if (state.now - state.lastEnd >= QUIET_MS) return state.lastEnd;
    if (Date.now() > deadline) throw new Error('The page never went quiet.');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function sampleOf(page: Page, lastEnd: number, firstTextMs: number, gaveUp = 0): Promise<Sample> {
  const tasks = await page.evaluate(() => window.rrLongTasks.filter((t) => t.start >= window.rrStart).map((t) => t.duration));
  const start = await page.evaluate(() => window.rrStart);
  return {
    gaveUp,
    firstTextMs: Math.round(firstTextMs),
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    tasksOver200: tasks.filter((d) => d > 200).length,
    totalBlockingMs: Math.round(tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0)),
    settledMs: Math.round(Math.max(0, lastEnd - start)),
  };
}

/** A new document on the home page (the long-task recorder starts with it), left to go quiet. */
async function freshPage(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}#/`);
  await page.reload();
  await page.locator('.rr-library-entry').first().waitFor();
  await page.evaluate(() => (window.rrStart = performance.now()));
}

/** Opens `hash` from a quiet page and measures until the page is quiet again. */
async function measureOpen(page: Page, baseUrl: string, hash: string, ready: string): Promise<Sample> {
  await freshPage(page, baseUrl);
  await waitQuiet(page);
  await page.evaluate((h) => {
    window.rrStart = performance.now();
    location.hash = h;
  }, hash);
  try {
    const firstText = await page.waitForFunction(
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the predicate runs in the page
      new Function(`return (${ready}) ? performance.now() - window.rrStart : false;`) as () => number | false,
      undefined,
      { polling: 'raf', timeout: GIVE_UP_MS },
    );
    const firstTextMs = (await firstText.jsonValue()) as number;
    return await sampleOf(page, await waitQuiet(page), firstTextMs);
  } catch {
    return {
      gaveUp: 1,
      firstTextMs: GIVE_UP_MS,
      longestTaskMs: GIVE_UP_MS,
      tasksOver200: 1,
      totalBlockingMs: GIVE_UP_MS,
      settledMs: GIVE_UP_MS,
    };
  }
}

async function measureContacts(page: Page, baseUrl: string): Promise<Sample> {
  await freshPage(page, baseUrl);
  await waitQuiet(page);
  await page.evaluate(() => (window.rrStart = performance.now()));
  await page.locator('.rr-topbar .rr-contacts-button').click();
  try {
    const firstText = await page.waitForFunction(
      () => (document.querySelector('.rr-contact') ? performance.now() - window.rrStart : false),
      undefined,
      {
        polling: 'raf',
        timeout: GIVE_UP_MS,
      },
    );
    const firstTextMs = (await firstText.jsonValue()) as number;
    return await sampleOf(page, await waitQuiet(page), firstTextMs);
  } catch {
    return {
      gaveUp: 1,
      firstTextMs: GIVE_UP_MS,
      longestTaskMs: GIVE_UP_MS,
      tasksOver200: 1,
      totalBlockingMs: GIVE_UP_MS,
      settledMs: GIVE_UP_MS,
    };
  }
}

function summarise(samples: Sample[]) {
  const keys = Object.keys(samples[0]!) as (keyof Sample)[];
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  return Object.fromEntries(
    keys.map((k) => [k, { median: median(samples.map((s) => s[k])), worst: Math.max(...samples.map((s) => s[k])) }]),
  );
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'rr-bench-page-'));
  const repo = new RunbookRepo('main');
  const cases = hostileRunbooks();
  for (const c of cases) repo.write(c.path, c.markdown);
  repo.commit('hostile runbooks');
  repo.publish(root, 'hostile.git');
  const server = await startGitHttpServer({ root });
  // BENCH_WEB_BUILD: another build folder (a copy of an earlier build, for before/after figures).
  const web = await serveStatic(process.env.BENCH_WEB_BUILD ?? WEB_BUILD);
  const browser = await launchChromium();
  const app = { server: web, browser, close: async () => (await browser.close(), await web.close()) };
  await browser.context.addInitScript(recordLongTasks);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${web.url}#/sources`);
  try {
    await page.getByLabel('Repository address (https)').fill(server.url('hostile.git'));
    await page.getByLabel(/Display name/).fill('Hostile');
    await page.getByRole('button', { name: 'Add and sync' }).click();
    await page
      .locator('.rr-source', { hasText: 'Hostile' })
      .getByText(/Last successful sync/)
      .waitFor({ timeout: 10 * 60_000 });
    await page.goto(`${app.server.url}#/`);
    await page.locator('.rr-library-entry').first().waitFor();

    // The library is a folder tree (folders start closed): the filter box lists a runbook wherever it is.
    const hrefOf = async (title: string) => {
      await page.getByLabel('Filter the library by title or path').fill(title);
      const href = await page.locator('.rr-library-entry', { hasText: title }).first().getAttribute('href');
      if (!href) throw new Error(`No library entry for ${title}`);
      return href.replace(/^#/, '');
    };
    const routes: { name: string; hash: string; ready: string }[] = [];
    const textShown = `(document.querySelector('.rr-markdown')?.textContent?.length ?? 0) > 0`;
    routes.push({ name: 'baseline-bundled', hash: await hrefOf('Database Failover'), ready: textShown });
    for (const c of cases) routes.push({ name: c.name, hash: await hrefOf(c.title), ready: textShown });
    // A link to a section near the end must land on it.
    const lastStep = `${await hrefOf('Ten thousand headings')}?section=step-9990`;
    routes.push({
      name: 'headings-anchor-near-end',
      hash: lastStep,
      ready: `(() => { const t = document.getElementById('step-9990'); if (!t) return false; const top = t.getBoundingClientRect().top; return top >= 0 && top < innerHeight; })()`,
    });

    // Each run in a page of its own, so a page left busy by one case cannot slow the next.
    let profiled = 0;
    const inNewPage = async (measure: (p: Page) => Promise<Sample>) => {
      const fresh = await app.browser.context.newPage();
      const profileDir = process.env.BENCH_PROFILE;
      const cdp = profileDir || CPU_THROTTLE !== 1 ? await app.browser.context.newCDPSession(fresh) : undefined;
      if (CPU_THROTTLE !== 1) await cdp?.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
      if (profileDir) {
        await cdp?.send('Profiler.enable');
        await cdp?.send('Profiler.start');
      }
      try {
        return await measure(fresh);
      } finally {
        if (cdp && profileDir) {
          const { profile } = await cdp.send('Profiler.stop');
          writeFileSync(join(profileDir, `run-${++profiled}.cpuprofile`), JSON.stringify(profile));
        }
        await fresh.close({ runBeforeUnload: false });
      }
    };
    const results: Record<string, unknown> = {};
    const loadBefore = loadavg()[0];
    for (const route of routes.filter((r) => measured(r.name))) {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) samples.push(await inNewPage((p) => measureOpen(p, app.server.url, route.hash, route.ready)));
      results[route.name] = summarise(samples);
      console.error(route.name, JSON.stringify(results[route.name]));
    }
    if (measured('contacts-panel')) {
      const contactSamples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) contactSamples.push(await inNewPage((p) => measureContacts(p, app.server.url)));
      results['contacts-panel'] = summarise(contactSamples);
    }
    // The 1-minute load average before and after the measured runs: figures taken on a busy machine read as ratios.
    const load = { before: Number(loadBefore?.toFixed(2)), after: Number(loadavg()[0]?.toFixed(2)) };
    const version = app.browser.context.browser()?.version() ?? 'chromium';
    console.log(JSON.stringify({ runs: RUNS, cpuThrottle: CPU_THROTTLE, loadavg: load, browser: version, cases: results }, null, 2));
  } finally {
    await app.close();
    await server.close();
    repo.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
