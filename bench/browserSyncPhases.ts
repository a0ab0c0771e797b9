/**
 * Where a browser sync's time goes: the same set-up as `bench/browser.ts` (a generated repository of N
 * runbooks on loopback, the production web build in Debian's Chromium), then an initial sync and a one-file
 * sync, each reported as
 * - the wall-clock time of every message between the page and the sync worker (progress phases, `done`),
 *   from the click, and when the page showed the new commit;
 * - the engine's own timings (`stats.timings` of the outcome);
 * - with `--profile <folder>`, a CPU profile of the sync worker (CDP, `.cpuprofile`, opens in DevTools) and
 *   its heaviest functions by self time.
 * Usage: tsx bench/browserSyncPhases.ts [--runbooks N] [--profile <folder>]  (RR_WEB_BUILD as for bench:browser;
 * the build must exist).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { generateRunbook, runbookPath } from '../test/helpers/makeRunbookRepo';
import { serviceWorkerInstalled, startBrowserBench } from './browserBenchSetup';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { runbooks: { type: 'string' }, profile: { type: 'string' } } });
const runbooks = Number(values.runbooks ?? 1000);
const WEB_BUILD = resolve(ROOT, process.env.RR_WEB_BUILD ?? 'dist/web');

/** Records every message to and from a worker named `runbook-sync`, with its time. A string: it runs in the page. */
const INSTRUMENT_WORKER = `
  window.__syncMessages = [];
  window.__commitShown = {};
  document.addEventListener('click', () => window.__syncMessages.push({ at: performance.now(), dir: 'page', type: 'click event' }), true);
  new MutationObserver(() => {
    for (const code of document.querySelectorAll('.rr-source code[title]')) {
      if (window.__commitShown[code.title] === undefined) window.__commitShown[code.title] = performance.now();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      super(url, options);
      if (options && options.name === 'runbook-sync') {
        this.addEventListener('message', (event) => {
          const d = event.data;
          window.__syncMessages.push({ at: performance.now(), dir: 'in', type: d.type, phase: d.progress && d.progress.phase, percent: d.progress && d.progress.percent, timings: d.outcome && d.outcome.stats && d.outcome.stats.timings });
        });
        const post = this.postMessage.bind(this);
        this.postMessage = (message, transfer) => {
          window.__syncMessages.push({ at: performance.now(), dir: 'out', type: message.type });
          post(message, transfer);
        };
      }
    }
  };
`;

/**
 * Put into the sync worker once it runs: records every IndexedDB request and transaction and every fetch,
 * with start and end on the epoch clock (`timeOrigin + now`), so they line up with the page's messages.
 * A string, as `INSTRUMENT_WORKER`.
 */
const TRACE_WORKER_IO = `(() => {
  if (self.__io) return;
  self.__io = [];
  const now = () => performance.timeOrigin + performance.now();
  for (const method of ['get', 'put', 'delete', 'getAll', 'getAllKeys', 'count', 'add', 'clear', 'openCursor']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      const from = now();
      const request = original.apply(this, args);
      const storeName = this.name;
      request.addEventListener('success', () => {
        const result = request.result;
        const bytes = result instanceof Uint8Array ? result.byteLength : undefined;
        self.__io.push({ kind: 'idb', what: method + ' ' + storeName, from, to: now(), bytes });
      });
      return request;
    };
  }
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const from = now();
    const tx = transaction.apply(this, args);
    const names = [...tx.objectStoreNames].join(',');
    tx.addEventListener('complete', () => self.__io.push({ kind: 'tx', what: tx.mode + ' ' + this.name + ':' + names + ' ' + (tx.durability || ''), from, to: now() }));
    return tx;
  };
  const originalFetch = self.fetch;
  self.fetch = async (input, init) => {
    const from = now();
    const response = await originalFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    self.__io.push({ kind: 'fetch', what: url.replace(/^https?:[/][/][^/]+/, ''), from, to: now() });
    return response;
  };
})()`;

interface IoEvent {
  kind: string;
  what: string;
  from: number;
  to: number;
  bytes?: number;
}

interface SyncMessage {
  at: number;
  dir: 'in' | 'out' | 'page';
  type: string;
  phase?: string;
  percent?: number;
  timings?: Record<string, number>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/**
 * A CDP session on the page that attaches to its dedicated workers (non-flat mode), holds each at start,
 * starts the profiler in the sync worker before it runs a line, and lets it go.
 */
class WorkerProfiler {
  private workerSession: string | undefined;
  private nextId = 1;
  private pending = new Map<number, (result: unknown) => void>();
  private started: Promise<void> | undefined;

  private constructor(readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string; url: string } }) => {
      const isSync = event.targetInfo.type === 'worker' && event.targetInfo.url.includes('syncWorker');
      if (isSync) {
        this.workerSession = event.sessionId;
        this.started = this.start();
      }
      void this.send('Runtime.runIfWaitingForDebugger', {}, event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (reply.id !== undefined) this.pending.get(reply.id)?.(reply.result ?? reply.error);
    });
  }

  static async attach(page: Page): Promise<WorkerProfiler> {
    const cdp = await page.context().newCDPSession(page);
    const profiler = new WorkerProfiler(cdp);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    return profiler;
  }

  send(method: string, params: object = {}, sessionId = this.workerSession!): Promise<unknown> {
    const id = this.nextId++;
    const done = new Promise<unknown>((resolve) => this.pending.set(id, resolve));
    void this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return done;
  }

  async start(): Promise<void> {
    await this.send('Profiler.enable');
    await this.send('Profiler.setSamplingInterval', { interval: 250 });
    await this.send('Profiler.start');
  }

  /** The profile since the worker started or the last `stop`, and a new one started. */
  async stop(): Promise<CpuProfile | undefined> {
    if (!this.started) return undefined;
    await this.started;
    const result = (await this.send('Profiler.stop')) as { profile: CpuProfile };
    this.started = this.send('Profiler.start').then(() => undefined);
    return result.profile;
  }
}

/** Self time per function (ms), heaviest first; and the share of idle / GC / program. */
function summarise(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!)!;
    const file = node.callFrame.url.slice(node.callFrame.url.lastIndexOf('/') + 1);
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  return [
    `profile ${Math.round(total)} ms`,
    ...[...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${name}`),
  ].join('\n');
}

/** Per kind of request: how many, their summed time, and the time at least one of them was open. */
function summariseIo(events: IoEvent[], from: number, listAll: boolean): string {
  const lines: string[] = [];
  const groups = new Map<string, IoEvent[]>();
  for (const e of events) groups.set(e.what, [...(groups.get(e.what) ?? []), e]);
  for (const [what, list] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
    const sum = list.reduce((t, e) => t + e.to - e.from, 0);
    const bytes = list.reduce((t, e) => t + (e.bytes ?? 0), 0);
    lines.push(
      `  io ${String(list.length).padStart(5)} × ${what}: summed ${Math.round(sum)} ms, open ${Math.round(openTime(list))} ms${bytes ? `, ${Math.round(bytes / 1024)} KB` : ''}`,
    );
  }
  {
    for (const e of [...events].sort((a, b) => a.from - b.from).filter((e) => listAll || e.kind !== 'idb' || e.to - e.from > 50)) {
      lines.push(
        `    ${String(Math.round(e.from - from)).padStart(6)} → ${String(Math.round(e.to - from)).padStart(6)} ms  ${e.kind} ${e.what}${e.bytes ? ` ${e.bytes} B` : ''}`,
      );
    }
  }
  return lines.join('\n');
}

function openTime(events: IoEvent[]): number {
  let total = 0;
  let end = -Infinity;
  for (const e of [...events].sort((a, b) => a.from - b.from)) {
    if (e.to <= end) continue;
    total += e.to - Math.max(e.from, end);
    end = e.to;
  }
  return total;
}

async function measureSync(page: Page, click: () => Promise<void>, commit: string, profiler: WorkerProfiler | undefined, label: string) {
  await page.evaluate(() => ((window as unknown as { __syncMessages: SyncMessage[] }).__syncMessages.length = 0));
  await profiler?.stop(); // what came before this sync is not its cost
  if (profiler) {
    await profiler.cdp.send('Profiler.enable');
    await profiler.cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await profiler.cdp.send('Profiler.start');
  }
  const from = await page.evaluate(() => performance.now());
  await click();
  await page.locator(`code[title="${commit}"]`).first().waitFor({ timeout: 600_000 });
  const shown = (await page.evaluate(() => performance.now())) - from;
  const messages = await page.evaluate(() => (window as unknown as { __syncMessages: SyncMessage[] }).__syncMessages);
  const drawn = await page.evaluate((c) => (window as unknown as { __commitShown: Record<string, number> }).__commitShown[c]!, commit);
  const lines = [`${label}: commit drawn after ${Math.round(drawn - from)} ms, seen by the bench after ${Math.round(shown)} ms`];
  for (const m of messages) {
    const what = m.type === 'progress' ? `${m.phase}${m.percent === undefined ? '' : ` ${m.percent}%`}` : m.type;
    if (m.type === 'progress' && m.percent !== undefined && m.percent % 20 !== 0 && m.percent !== 100) continue;
    lines.push(`  ${String(Math.round(m.at - from)).padStart(6)} ms  ${m.dir}  ${what}${m.timings ? ` ${JSON.stringify(m.timings)}` : ''}`);
  }
  console.log(lines.join('\n'));
  const worker = page.workers().find((w) => w.url().includes('syncWorker'));
  if (worker) {
    const io = await worker.evaluate(() => {
      const scope = self as unknown as { __io: IoEvent[] };
      const all = scope.__io;
      scope.__io = [];
      return all;
    });
    const origin = await page.evaluate(() => performance.timeOrigin);
    console.log(summariseIo(io, origin + from, label !== 'initial'));
  }
  const profile = await profiler?.stop();
  if (profile) {
    if (values.profile) writeFileSync(join(values.profile, `${label}-worker.cpuprofile`), JSON.stringify(profile));
    console.log(`worker ${summarise(profile)}`);
  }
  if (profiler) {
    const { profile: pageProfile } = (await profiler.cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    if (values.profile) writeFileSync(join(values.profile, `${label}-page.cpuprofile`), JSON.stringify(pageProfile));
    console.log(`page ${summarise(pageProfile)}`);
  }
}

async function main(): Promise<void> {
  const bench = await startBrowserBench(runbooks, WEB_BUILD, 'phases');
  const { repo, git, web, browser } = bench;
  try {
    await browser.context.addInitScript({ content: INSTRUMENT_WORKER });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const profiler = values.profile ? await WorkerProfiler.attach(page) : undefined;
    page.on('worker', (worker) => {
      if (worker.url().includes('syncWorker')) void worker.evaluate(TRACE_WORKER_IO);
    });
    await page.goto(`${web.url}#/sources`);
    await page.locator('.rr-library-entry').first().waitFor({ timeout: 120_000 });
    await serviceWorkerInstalled(page);
    const card = page.locator('.rr-source', { hasText: 'Bench runbooks' });
    await page.getByLabel('Repository address (https)').fill(git.url('runbooks.git'));
    await page.getByLabel(/Display name/).fill('Bench runbooks');
    await measureSync(page, () => page.getByRole('button', { name: 'Add and sync' }).click(), repo.head(), profiler, 'initial');

    for (const round of [1, 2]) {
      repo.write(runbookPath(3), `${generateRunbook(3, runbooks).content}\n\nOne more line, round ${round}.\n`);
      const next = repo.commit(`one file ${round}`);
      await measureSync(page, () => card.getByRole('button', { name: 'Sync now' }).click(), next, profiler, `one-file-${round}`);
    }
  } finally {
    await bench.close();
  }
}

await main();
