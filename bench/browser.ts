/**
 * The browser build as a phone runs it: the production web app in Debian's Chromium (playwright-core),
 * a generated repository of N runbooks (5–20 KB each) served by `git http-backend` on loopback, and the
 * CLI syncing the same repository in the same run as the Node baseline. Optionally slows the page's CPU
 * with CDP `Emulation.setCPUThrottlingRate` (4 ≈ a mid-range phone).
 *
 * Measures, in order, in one browser profile:
 * - browserSyncMs: "Add and sync" clicked → the source card shows the commit (an initial sync in the page, started
 *   once the service worker has installed, as in an installed app; until 2026-12-08 it ran during that install),
 *   timed in the page from just before Playwright's click to the frame that first shows the commit (the page
 *   notes it; Playwright's polling for it, 0.1–0.5 s apart, is left out);
 * - browserSyncPolledMs: the same up to when Playwright's polling saw the commit (the measure before 2026-12-07);
 * - incrementalSyncMs (and incrementalSyncPolledMs): after a one-file commit upstream, "Sync now" → the new
 *   commit shown, timed the same two ways;
 * - browserSyncInPageMs, incrementalSyncInPageMs: the same two syncs from the click event to that frame
 *   (without Playwright's steps around the click either);
 * - firstStartMs: the very first start (empty cache: the bundled runbooks are written), navigation start → the
 *   first library row;
 * - coldStartMs: a new page on a runbook with the cache warm, navigation start → its text visible (the body's
 *   own paragraphs or list items; until 2026-12-07 the "Formatting this part of the runbook…" note shown in
 *   their place counted too, which made this 150–350 ms shorter than what a reader waits for);
 * - reopened: coldStartMs, libraryMs, firstSearchMs and the start's and typing's longest tasks again after
 *   Chromium is closed and started on the same profile (the app closed and opened again; see `coldStart`'s caller);
 * - firstSearchMs: navigation start of that page → first results for a query typed as soon as the runbook's text
 *   is seen (null, with searchError, when none came; the other figures are still printed);
 * - searchIndexStored, searchIndexWaitMs: before that page, the first page stays open until the search worker
 *   has stored the index of the synced commit (a warm cache includes it), and how long that took after the syncs;
 * - searchSteps: the first search split into its steps (ms since navigation start, see `firstSearchSteps`);
 * - searchIndexRows: each stored search index row's size in bytes and how long the page takes to read it;
 * - longestTaskMs: the longest main-thread task (PerformanceObserver `longtask`) while starting, syncing
 *   and typing;
 * - heapMB: the page's JS heap after the initial sync;
 * - machine: the cores and the browser's version.
 * Prints one JSON object. Usage: tsx bench/browser.ts [--runbooks N] [--cpu-throttle K] [--no-build]
 */
import { execFileSync, execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { generateRunbook, runbookPath } from '../test/helpers/makeRunbookRepo';
import { serviceWorkerInstalled, startBrowserBench } from './browserBenchSetup';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { runbooks: { type: 'string' }, 'cpu-throttle': { type: 'string' }, 'no-build': { type: 'boolean' } },
});
const runbooks = Number(values.runbooks ?? 1000);
const cpuThrottle = Number(values['cpu-throttle'] ?? 1);
const QUERY = 'failover replica';
/** The web build under test: `RR_WEB_BUILD` (as for e2e) so parallel work can bench its own copy. */
const WEB_BUILD = resolve(ROOT, process.env.RR_WEB_BUILD ?? 'dist/web');

interface LongTask {
  start: number;
  duration: number;
}

/**
 * Installed before any page script: records long tasks and when the first runbook text and search results
 * appear. A string, not a function: tsx's name-keeping helpers would not exist inside the page.
 */
const INSTRUMENT_PAGE = `
  window.__longTasks = [];
  window.__marks = {};
  window.__clicks = [];
  window.__commitsDrawn = {};
  document.addEventListener('click', () => window.__clicks.push(performance.now()), true);
  // When the first key of the search reaches the page: the start ends there and typing begins.
  document.addEventListener('keydown', () => (window.__marks.typing ??= performance.now()), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const marks = window.__marks;
    const title = document.querySelector('h1#rr-runbook-title');
    // The body's own text: not the note a part of it still being formatted shows in its place.
    if (marks.runbookText === undefined && title && title.textContent && document.querySelector('.rr-markdown :is(p, li):not(.rr-formatting-more *)')) {
      marks.runbookText = performance.now();
      console.debug('rr-bench:runbookText');
    }
    if (marks.library === undefined && document.querySelector('.rr-library-entry')) marks.library = performance.now();
    if (marks.searchResults === undefined && document.querySelector('dialog[open] mark, [role="dialog"] mark')) {
      marks.searchResults = performance.now();
      console.debug('rr-bench:searchResults');
    }
    for (const code of document.querySelectorAll('.rr-source code[title]')) {
      const commit = code.title;
      if (window.__commitsDrawn[commit] !== undefined) continue;
      window.__commitsDrawn[commit] = null;
      // The frame that paints the change: its animation frame callbacks run just before it is drawn.
      requestAnimationFrame(() => (window.__commitsDrawn[commit] = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

async function longestBetween(page: Page, from: number, to: number): Promise<number> {
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
  return Math.round(tasks.filter((t) => t.start + t.duration >= from && t.start <= to).reduce((max, t) => Math.max(max, t.duration), 0));
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** When (page time) the source card's frame first showed `commit`; waits for that frame if it is still to come. */
const commitShownAt = (page: Page, commit: string) =>
  page
    .waitForFunction((c) => (window as unknown as { __commitsDrawn: Record<string, number | null> }).__commitsDrawn[c], commit)
    .then((handle) => handle.jsonValue() as Promise<number>);

/**
 * A sync as the page saw it: from the click that started it (the last click after `from`) to the frame
 * the source card first showed `commit`. Leaves out Playwright's own steps around the click too.
 */
const inPageSyncMs = (page: Page, from: number, commit: string) =>
  page.evaluate(
    ([since, c]) => {
      const w = window as unknown as { __clicks: number[]; __commitsDrawn: Record<string, number> };
      const click = w.__clicks.filter((t) => t >= since).at(-1)!;
      return Math.round(w.__commitsDrawn[c]! - click);
    },
    [from, commit] as const,
  );
/**
 * Resolves when INSTRUMENT_PAGE notes `name` in the page's console. Not `waitForFunction`: its first use puts
 * Playwright's own script into the page, 17–36 ms of the page's main thread in the middle of the start measured
 * (until 2026-12-07), and it then polls on every frame.
 */
const noted = (page: Page, name: string) =>
  page.waitForEvent('console', { predicate: (message) => message.text() === `rr-bench:${name}`, timeout: 120_000 });
const mark = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as { __marks: Record<string, number> }).__marks[n], name);

async function throttle(page: Page): Promise<void> {
  if (cpuThrottle <= 1) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
}

/**
 * What drawing the library costs in IndexedDB: every full runbook record against the light `library` table
 * (median of 5 reads of each, in ms; absent when the build has no such table). Runs in the page.
 */
async function readAllTimings(): Promise<Record<string, number>> {
  // No named inner functions: tsx's name-keeping helpers would not exist inside the page.
  const db = await new Promise<IDBDatabase>((done) => {
    const open = indexedDB.open('runbook-reader');
    open.onsuccess = () => done(open.result);
  });
  const timings: Record<string, number> = {};
  for (const [store, field] of [
    ['runbooks', 'runbookRecordsMs'],
    ['library', 'libraryTableMs'],
  ] as const) {
    if (!db.objectStoreNames.contains(store)) continue;
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const from = performance.now();
      await new Promise((done) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => done(request.result);
      });
      runs.push(performance.now() - from);
    }
    timings[field] = Math.round(runs.sort((a, b) => a - b)[2]!);
  }
  db.close();
  return timings;
}

/** Runs in the page: the stored search index reflects `commit` of source `sourceId` (written by the search worker). */
async function storedIndexCovers([sourceId, commit]: readonly [string, string]): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((done) => {
    const open = indexedDB.open('runbook-reader');
    open.onsuccess = () => done(open.result);
  });
  try {
    if (!db.objectStoreNames.contains('searchIndex')) return false;
    const row = await new Promise<{ sourceVersions?: Record<string, string> } | undefined>((done) => {
      // Only the key range's one row; its index is large, but read rarely (every 250 ms while waiting).
      const request = db.transaction('searchIndex').objectStore('searchIndex').get('runbooks');
      request.onsuccess = () => done(request.result as { sourceVersions?: Record<string, string> } | undefined);
      request.onerror = () => done(undefined);
    });
    return row?.sourceVersions?.[sourceId] === commit;
  } finally {
    db.close();
  }
}

/**
 * Runs in the page: the stored search index's rows, their size in bytes (typed arrays' bytes, strings' UTF-16
 * length × 2) and how long reading each takes from IndexedDB on this page's thread (median of 3). Rows of section
 * text (keys with a `-text:` part, from format 3 on) are summed into one entry, `<prefix>*`, read once in one
 * request and their Blobs' bytes after it (`rows` says how many).
 */
async function storedIndexRows(): Promise<Record<string, { bytes: number; readMs: number; runbooks?: number; rows?: number }>> {
  const db = await new Promise<IDBDatabase>((done) => {
    const open = indexedDB.open('runbook-reader');
    open.onsuccess = () => done(open.result);
  });
  const rows: Record<string, { bytes: number; readMs: number; runbooks?: number; rows?: number }> = {};
  try {
    const keys = await new Promise<IDBValidKey[]>((done) => {
      const request = db.transaction('searchIndex').objectStore('searchIndex').getAllKeys();
      request.onsuccess = () => done(request.result);
    });
    const textPrefixes = new Set<string>();
    for (const key of keys) {
      const name = typeof key === 'string' ? key : JSON.stringify(key);
      const textAt = name.indexOf('-text:');
      if (textAt >= 0) {
        textPrefixes.add(name.slice(0, textAt + 6));
        continue;
      }
      const runs: number[] = [];
      let bytes = 0;
      let runbooks: number | undefined;
      for (let i = 0; i < 3; i++) {
        const from = performance.now();
        const row = await new Promise((done) => {
          const request = db.transaction('searchIndex').objectStore('searchIndex').get(key);
          request.onsuccess = () => done(request.result);
        });
        runs.push(performance.now() - from);
        const stored = (row as { index?: { runbooks?: unknown } } | undefined)?.index?.runbooks;
        if (typeof stored === 'string') runbooks = (JSON.parse(stored) as unknown[]).length;
        // No named inner functions (tsx's name-keeping helpers would not exist inside the page): a stack.
        bytes = 0;
        const stack: unknown[] = [row];
        while (stack.length > 0) {
          const value = stack.pop();
          if (typeof value === 'string') bytes += value.length * 2;
          else if (ArrayBuffer.isView(value)) bytes += value.byteLength;
          else if (typeof value === 'number') bytes += 8;
          else if (typeof value === 'object' && value !== null) stack.push(...(Object.values(value) as unknown[]));
        }
      }
      rows[name] = {
        bytes,
        readMs: Math.round(runs.sort((a, b) => a - b)[1]!),
        ...(runbooks === undefined ? {} : { runbooks }),
      };
    }
    for (const prefix of textPrefixes) {
      const from = performance.now();
      const all = await new Promise<unknown[]>((done) => {
        const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
        const request = db.transaction('searchIndex').objectStore('searchIndex').getAll(range);
        request.onsuccess = () => done(request.result);
      });
      // Chunk rows hold their text as one Blob each (a byte array before 2026-12-08); its bytes are read too.
      let bytes = 0;
      for (const row of all) {
        const stored = (row as { index?: { bytes?: unknown } }).index?.bytes;
        if (stored instanceof Blob) bytes += (await stored.arrayBuffer()).byteLength;
        else if (stored instanceof Uint8Array) bytes += stored.byteLength;
      }
      const readMs = Math.round(performance.now() - from);
      rows[`${prefix}*`] = { bytes, readMs, rows: all.length };
    }
  } finally {
    db.close();
  }
  return rows;
}

/**
 * The first search split into its steps, in ms since the page's navigation start: the worker created and
 * running, the stored index read from IndexedDB and decoded (worker marks), the query received and first
 * answered with results in the worker, the answer received by the page and the results drawn.
 */
async function firstSearchSteps(page: Page, resultsDrawn: number | undefined): Promise<Record<string, number>> {
  const steps: Record<string, number> = {};
  const pageMarks = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('rr-search:'))
      .map((m) => [m.name.slice(10), m.startTime] as const),
  );
  for (const [name, at] of pageMarks) steps[name] ??= Math.round(at);
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  for (const worker of page.workers()) {
    const marks = await worker
      .evaluate(() => ({
        origin: performance.timeOrigin,
        marks: performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('rr-search:'))
          .map((m) => [m.name.slice(10), m.startTime] as const),
      }))
      .catch(() => undefined);
    if (!marks || marks.marks.length === 0) continue;
    steps['worker-origin'] = Math.round(marks.origin - pageOrigin);
    // The first of each: a query typed while the index loads is received more than once.
    for (const [name, at] of marks.marks) steps[`worker:${name}`] ??= Math.round(marks.origin - pageOrigin + at);
  }
  if (resultsDrawn !== undefined) steps['results-drawn'] = Math.round(resultsDrawn);
  return steps;
}

/**
 * Opens `url` in `page` (a warm cache), waits for the runbook's text, then types the search query and waits
 * for results: the start's figures, in ms since the page's navigation start.
 */
async function coldStart(page: Page, url: string) {
  await throttle(page);
  const textShown = noted(page, 'runbookText');
  await page.goto(url);
  await textShown;
  // Typed as soon as the text is seen, as a hurried reader does: the page's figures are read afterwards, since
  // asking for them first waits for the page's main thread (100–170 ms while the library is drawn, until
  // 2026-12-07) and would delay the keys by that much.
  const resultsShown = noted(page, 'searchResults');
  await page.keyboard.press('/');
  await page.keyboard.type(QUERY);
  // A search that never shows results is reported as such; the other figures are printed all the same.
  const searchError = await resultsShown.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error)),
  );
  const searchMark = await mark(page, 'searchResults');
  const coldStartMs = Math.round((await mark(page, 'runbookText'))!);
  const typingFrom = (await mark(page, 'typing'))!;
  // Read last: the library may be drawn after the runbook's text.
  const libraryMs = Math.round((await mark(page, 'library')) ?? -1);
  const firstSearchMs = searchMark === undefined ? null : Math.round(searchMark);
  const longestStart = await longestBetween(page, 0, typingFrom);
  const longestTyping = await longestBetween(page, typingFrom, await pageNow(page));
  const searchSteps = { 'typing-from': Math.round(typingFrom), ...(await firstSearchSteps(page, searchMark)) };
  return { coldStartMs, libraryMs, firstSearchMs, searchError, longestStart, longestTyping, searchSteps };
}

async function main(): Promise<void> {
  if (!values['no-build'])
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', WEB_BUILD], { cwd: ROOT, stdio: 'inherit' });
  const stateDir = mkdtempSync(join(tmpdir(), 'rr-bench-browser-state-'));
  const bench = await startBrowserBench(runbooks, WEB_BUILD, 'browser');
  const { repo, git, web, browser } = bench;
  const url = git.url('runbooks.git');
  try {
    // Node baseline: the CLI, a fresh state folder, the same repository.
    const nodeStart = performance.now();
    await run(process.execPath, [join(ROOT, 'cli/bin.mjs'), 'sync', url, '--state', stateDir, '--json'], { cwd: ROOT, maxBuffer: 1 << 26 });
    const nodeSyncMs = Math.round(performance.now() - nodeStart);

    await browser.context.addInitScript({ content: INSTRUMENT_PAGE });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await throttle(page);
    await page.goto(`${web.url}#/sources`);
    await page.locator('.rr-library-entry').first().waitFor({ timeout: 120_000 });
    const firstStartMs = Math.round((await mark(page, 'library'))!);
    await serviceWorkerInstalled(page);

    const card = page.locator('.rr-source', { hasText: 'Bench runbooks' });
    await page.getByLabel('Repository address (https)').fill(url);
    await page.getByLabel(/Display name/).fill('Bench runbooks');
    const syncFrom = await pageNow(page);
    await page.getByRole('button', { name: 'Add and sync' }).click();
    await card.locator(`code[title="${repo.head()}"]`).waitFor({ timeout: 600_000 });
    const syncTo = await pageNow(page);
    const browserSyncPolledMs = Math.round(syncTo - syncFrom);
    const browserSyncMs = Math.round((await commitShownAt(page, repo.head())) - syncFrom);
    const browserSyncInPageMs = await inPageSyncMs(page, syncFrom, repo.head());
    const longestSync = await longestBetween(page, syncFrom, syncTo);
    const heapMB = await page.evaluate(() => {
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return memory ? Math.round(memory.usedJSHeapSize / 1048576) : null;
    });

    repo.write(runbookPath(3), `${generateRunbook(3, runbooks).content}\n\nOne more line.\n`);
    const next = repo.commit('one file');
    const incFrom = await pageNow(page);
    await card.getByRole('button', { name: 'Sync now' }).click();
    await card.locator(`code[title="${next}"]`).waitFor({ timeout: 120_000 });
    const incrementalSyncPolledMs = Math.round((await pageNow(page)) - incFrom);
    const incrementalSyncMs = Math.round((await commitShownAt(page, next)) - incFrom);
    const incrementalSyncInPageMs = await inPageSyncMs(page, incFrom, next);
    const sourceId = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((done) => {
        const open = indexedDB.open('runbook-reader');
        open.onsuccess = () => done(open.result);
      });
      const all = await new Promise<{ id: string; name: string }[]>((done) => {
        const request = db.transaction('sources').objectStore('sources').getAll();
        request.onsuccess = () => done(request.result as { id: string; name: string }[]);
      });
      db.close();
      return all.find((s) => s.name === 'Bench runbooks')!.id;
    });
    const libraryRead = await page.evaluate(readAllTimings);
    // "Cache warm" includes the search index: the worker writes it a moment after indexing the sync (a full
    // build of a first sync takes seconds). Closing before that would make the cold page rebuild it, so wait,
    // and report how long the stored index took to catch up.
    const indexWaitFrom = await pageNow(page);
    // Polled from here, not with `waitForFunction`: that takes the pending promise of this async check as a
    // truthy answer and returned at once, so the page was closed mid-build and the cold page rebuilt the index.
    let searchIndexStored = false;
    for (const until = Date.now() + 120_000; !searchIndexStored && Date.now() < until;) {
      searchIndexStored = await page.evaluate(storedIndexCovers, [sourceId, next] as const);
      if (!searchIndexStored) await new Promise((done) => setTimeout(done, 250));
    }
    const searchIndexWaitMs = Math.round((await pageNow(page)) - indexWaitFrom);
    const searchIndexBefore = await page.evaluate(storedIndexRows);
    await page.close();

    // Cold start with a warm cache: a new page of the running browser.
    const runbookUrl = `${web.url}#/read/${encodeURIComponent(sourceId)}/${runbookPath(7)}`;
    const cold = await browser.context.newPage();
    const { coldStartMs, libraryMs, firstSearchMs, searchError, longestStart, longestTyping, searchSteps } = await coldStart(
      cold,
      runbookUrl,
    );
    const searchIndexRows = await cold.evaluate(storedIndexRows);
    // The app closed and opened again: Chromium restarted on the same profile. A new page of a running headless
    // Chromium (above) is never given V8's code cache of the app's scripts, so it parses the 1.5 MB main chunk
    // again on every start; a restarted one is, as a phone's browser is when the installed app is opened.
    const reopenedContext = await browser.reopen();
    await reopenedContext.addInitScript({ content: INSTRUMENT_PAGE });
    const reopenedPage = reopenedContext.pages()[0] ?? (await reopenedContext.newPage());
    const reopened = await coldStart(reopenedPage, runbookUrl);
    const { product: chromiumVersion } = await (await reopenedContext.newCDPSession(reopenedPage)).send('Browser.getVersion');

    console.log(
      JSON.stringify({
        runbooks,
        cpuThrottle,
        firstStartMs,
        coldStartMs,
        libraryMs,
        firstSearchMs,
        ...(searchError ? { searchError } : {}),
        searchIndexStored,
        searchIndexWaitMs,
        browserSyncMs,
        nodeSyncMs,
        ratioSync: Math.round((browserSyncMs / nodeSyncMs) * 100) / 100,
        incrementalSyncMs,
        browserSyncPolledMs,
        incrementalSyncPolledMs,
        browserSyncInPageMs,
        incrementalSyncInPageMs,
        longestTaskMs: { start: longestStart, sync: longestSync, typing: longestTyping },
        reopened: {
          coldStartMs: reopened.coldStartMs,
          libraryMs: reopened.libraryMs,
          firstSearchMs: reopened.firstSearchMs,
          ...(reopened.searchError ? { searchError: reopened.searchError } : {}),
          longestTaskMs: { start: reopened.longestStart, typing: reopened.longestTyping },
        },
        searchSteps,
        searchIndexRows,
        searchIndexBefore,
        heapMB,
        libraryRead,
        loadAverage: Math.round(loadavg()[0]! * 10) / 10,
        // Figures move with the machine and the browser (round 18 found Chromium 156's own omnibox popup taking a core).
        machine: { cpus: availableParallelism(), browser: chromiumVersion },
      }),
    );
  } finally {
    await bench.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

await main();
