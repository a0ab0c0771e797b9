/**
 * Git sync on generated repositories of 1,000 and 5,000 runbooks (5–20 KB each), served by a real Git
 * server (`git http-backend`) on loopback:
 * - initial sync into an empty object store and cache: fetch, parse (tree listing + blob reads + ingest)
 *   and cache write (`applyChangeSet` into Dexie on fake-indexeddb, i.e. in memory in Node), medians;
 * - incremental sync after one runbook changed, through `runGitSync` (cache look-ups, fetch, diff, parse,
 *   write), median of several runs, each after a new one-file commit, with the per-source object cache the
 *   app keeps (and, in the notes, without it: the first sync after the app starts);
 * - native git against the same server in the same run: `git clone --depth 1 --no-checkout` and an
 *   incremental `git fetch --depth 1` after a one-file change;
 * - peak V8 heap of an initial sync (live heap after a forced GC at every progress step and after the
 *   cache write, less the database fake-indexeddb keeps on the heap, in a separate untimed run; the
 *   figures it is made of, and the sampled peak without forcing GC, are reported beside it);
 * - the cost of ingest alone on the same files, as the floor any sync pays to parse them;
 * - importing the same commit from a Git bundle (an offline copy) into an empty store and cache, with its
 *   ratio to the initial sync's total (target ≤ 1: an import has no network to wait for).
 * Prints one JSON array, one object per size. Usage: tsx bench/sync.ts [--sizes 1000,5000] [--runs N]
 */
import { execFile } from 'node:child_process';
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import http from 'isomorphic-git/http/node';
import { readFile } from 'node:fs/promises';
import { applyChangeSet } from '../core/cache/applyChangeSet';
import { gitBlobId } from '../core/ingest/gitBlobId';
import { ingestRunbook } from '../core/ingest/ingestRunbook';
import { RunbookDatabase } from '../core/cache/runbookDatabase';
import type { SourceRecord } from '../core/model';
import { importGitBundle } from '../core/offlineCopy/importGitBundle';
import { fileIndexFromCache } from '../core/sync/fileIndexFromCache';
import { runGitSync } from '../core/sync/runGitSync';
import { syncGitSource, type GitSyncResult } from '../core/sync/syncGitSource';
import { startGitHttpServer } from '../test/helpers/gitHttpServer';
import { RunbookRepo, generateRunbooks, runbookPath } from '../test/helpers/makeRunbookRepo';

const run = promisify(execFile);
const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' }, 'heap-probe': { type: 'string' } } });
const sizes = (values.sizes ?? '1000,5000').split(',').map(Number);
const initialRuns = Number(values.runs ?? 3);
const incrementalRuns = Math.max(5, initialRuns);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let databases = 0;

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Samples the V8 heap every few milliseconds (and whenever `poke` is called) and keeps the highest value. */
function heapSampler() {
  let peak = 0;
  const poke = () => {
    peak = Math.max(peak, getHeapStatistics().used_heap_size);
  };
  const timer = setInterval(poke, 5);
  return {
    poke,
    stop: () => {
      clearInterval(timer);
      poke();
      return heapMB(peak);
    },
  };
}

const heapMB = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/**
 * Peak live heap of one initial sync of the repository at `url`, run in a fresh process (`--heap-probe`)
 * so nothing from earlier runs is on the heap: a forced GC and a reading before the sync, at each phase
 * change and every 5% of progress, with the change set built, after it was written, and once more after
 * the change set was let go. That last reading is the database itself: fake-indexeddb keeps every stored
 * row on the JS heap, where a browser's IndexedDB keeps them on disk, outside the page's heap. The sync's
 * peak is the higher of the engine's peak and the after-write reading less that database. Untimed.
 */
async function probeHeap(url: string): Promise<HeapProbe> {
  const source: SourceRecord = { id: 'bench', kind: 'git', name: 'Bench', location: url };
  const db = new RunbookDatabase('bench-sync-heap', { indexedDB, IDBKeyRange });
  await db.sources.put(source);
  const gitdir = tempDir('bench-sync-store-');
  const measure = () => {
    gc();
    return getHeapStatistics().used_heap_size;
  };
  const baseline = measure();
  let engine = baseline;
  let phase = '';
  let percent = -100;
  let result: GitSyncResult | undefined = await syncGitSource(
    {
      sourceId: source.id,
      url,
      cached: fileIndexFromCache(db, source.id),
      onProgress: (p) => {
        if (p.phase === phase && (p.percent ?? 0) < percent + 5) return;
        phase = p.phase;
        percent = p.percent ?? 0;
        engine = Math.max(engine, measure());
      },
    },
    { fs, http, gitdir },
  );
  engine = Math.max(engine, measure());
  await applyChangeSet(db, result.changeSet);
  const afterWrite = measure();
  // eslint-disable-next-line no-useless-assignment -- drops the sync result so the GC can reclaim it before memory is measured
  result = undefined;
  const database = measure() - baseline;
  const peak = Math.max(engine, afterWrite - database);
  await db.delete();
  return {
    baselineMB: heapMB(baseline),
    engineMB: heapMB(engine),
    afterWriteMB: heapMB(afterWrite),
    databaseMB: heapMB(database),
    peakMB: heapMB(peak),
  };
}

interface HeapProbe {
  baselineMB: number;
  engineMB: number;
  afterWriteMB: number;
  databaseMB: number;
  peakMB: number;
}

/** Runs `probeHeap` in a child process (the server stays in this one, so the child must not block it). */
async function peakLiveHeap(url: string): Promise<HeapProbe> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--heap-probe', url], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout) as HeapProbe;
}

const temp: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temp.push(dir);
  return dir;
};

if (values['heap-probe']) {
  try {
    process.stdout.write(JSON.stringify(await probeHeap(values['heap-probe'])));
  } finally {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

const loadAtStart = loadavg()[0]!;
const server = await startGitHttpServer({ root: tempDir('bench-sync-root-') });
const results = [];

try {
  for (const runbooks of sizes) {
    const repo = new RunbookRepo();
    repo.writeAll(generateRunbooks(runbooks)).commit('corpus');
    const name = repo.publish(server.root, `bench-${runbooks}.git`);
    // Hosts serve packed repositories (and reuse their deltas); a freshly cloned bare copy is all loose objects.
    await run('git', ['repack', '-a', '-d', '-q'], { cwd: join(server.root, name) });
    const url = server.url(name);
    const source: SourceRecord = { id: 'bench', kind: 'git', name: 'Bench', location: url };

    // The same commit as an offline copy: `git bundle create`, read from disk and imported into an empty store
    // and cache (`importGitBundle` + `applyChangeSet`), timed like the initial sync. Each import runs right after
    // a sync, so the two meet the same heap and machine load: both spend two thirds of their time in the same
    // ingest, whose swings on a shared machine otherwise decide the ratio.
    const bundlePath = join(tempDir('bench-sync-bundle-'), 'runbooks.bundle');
    await run('git', ['bundle', 'create', '-q', bundlePath, 'main'], { cwd: repo.workDir });
    const bundleImportMs: number[] = [];
    const importParts = {
      checkAndStorePack: [] as number[],
      compare: [] as number[],
      readBlobs: [] as number[],
      ingest: [] as number[],
      write: [] as number[],
    };
    async function timeOneImport(): Promise<void> {
      const db = new RunbookDatabase(`bench-sync-${++databases}`, { indexedDB, IDBKeyRange });
      await db.sources.put(source);
      gc();
      const ms = await timed(async () => {
        const bytes = new Uint8Array(await readFile(bundlePath));
        const { changeSet, stats } = await importGitBundle(
          { sourceId: source.id, bytes, cached: fileIndexFromCache(db, source.id) },
          { fs, gitdir: tempDir('bench-sync-import-') },
        );
        const written = performance.now();
        await applyChangeSet(db, changeSet);
        importParts.checkAndStorePack.push(stats.timings.fetchMs);
        importParts.compare.push(stats.timings.compareMs);
        importParts.readBlobs.push(stats.timings.readMs);
        importParts.ingest.push(stats.timings.parseMs);
        importParts.write.push(performance.now() - written);
      });
      bundleImportMs.push(ms);
      await db.delete();
    }

    const initial = { fetchMs: [] as number[], parseMs: [] as number[], writeMs: [] as number[], totalMs: [] as number[] };
    const breakdown = { compareMs: [] as number[], readMs: [] as number[], ingestMs: [] as number[] };
    let peakHeapSampledMB = 0;
    let kept: { db: RunbookDatabase; gitdir: string } | undefined;
    for (let r = 0; r < initialRuns; r++) {
      if (kept) await kept.db.delete();
      const db = new RunbookDatabase(`bench-sync-${++databases}`, { indexedDB, IDBKeyRange });
      await db.sources.put(source);
      const gitdir = tempDir('bench-sync-store-');
      gc();
      const sampler = heapSampler();
      const start = performance.now();
      const { changeSet, stats } = await syncGitSource(
        { sourceId: source.id, url, cached: fileIndexFromCache(db, source.id), onProgress: sampler.poke },
        { fs, http, gitdir },
      );
      const written = performance.now();
      await applyChangeSet(db, changeSet);
      const end = performance.now();
      peakHeapSampledMB = Math.max(peakHeapSampledMB, sampler.stop());
      breakdown.compareMs.push(stats.timings.compareMs);
      breakdown.readMs.push(stats.timings.readMs);
      breakdown.ingestMs.push(stats.timings.parseMs);
      initial.fetchMs.push(stats.timings.fetchMs);
      initial.parseMs.push(stats.timings.compareMs + stats.timings.readMs + stats.timings.parseMs);
      initial.writeMs.push(end - written);
      initial.totalMs.push(end - start);
      kept = { db, gitdir };
      await timeOneImport();
    }

    // As the app runs it: the desktop main process and the browser worker keep one isomorphic-git cache per
    // source, so the store's packs are loaded (and checksummed) once, not on every sync. The first sync after
    // the app starts has no cache yet: measured as `coldTotalMs`.
    const incremental = { totalMs: [] as number[], coldTotalMs: [] as number[], parsed: [] as number[] };
    const objectCache = {};
    for (let k = 0; k < incrementalRuns * 2; k++) {
      const cold = k % 2 === 1;
      const path = runbookPath(k * 7);
      repo.write(path, `---\ntitle: Edited ${k}\n---\n# Edited ${k}\n\nOne line changed.\n`).commit(`edit ${k}`);
      let parsed = -1;
      const ms = await timed(async () => {
        const outcome = await runGitSync(kept!.db, source, { fs, http, gitdir: kept!.gitdir, cache: cold ? {} : objectCache });
        if (!outcome.ok) throw new Error(`incremental sync failed: ${outcome.error.message}`);
        parsed = outcome.stats.parsed;
      });
      (cold ? incremental.coldTotalMs : incremental.totalMs).push(ms);
      incremental.parsed.push(parsed);
    }
    await kept?.db.delete();

    const cloneMs: number[] = [];
    let clone = '';
    for (let r = 0; r < 3; r++) {
      clone = join(tempDir('bench-sync-native-'), 'clone');
      cloneMs.push(await timed(() => run('git', ['clone', '-q', '--depth', '1', '--no-checkout', url, clone])));
    }
    const fetchMs: number[] = [];
    for (let r = 0; r < 3; r++) {
      repo.write(runbookPath(1000 + r), `# Native fetch ${r}\n`).commit(`native ${r}`);
      fetchMs.push(await timed(() => run('git', ['fetch', '-q', '--depth', '1', 'origin'], { cwd: clone })));
    }

    const heap = await peakLiveHeap(url);
    // With blob ids, as a sync has them from Git (ingest hashes the file only when it has none).
    const corpus = [...generateRunbooks(runbooks)].map((r) => {
      const bytes = new TextEncoder().encode(r.content);
      return { path: r.path, bytes, oid: gitBlobId(bytes) };
    });
    const ingestAloneMs = await timed(async () => {
      for (const file of corpus) ingestRunbook('bench', file);
    });

    const initialFetch = median(initial.fetchMs);
    const importTotal = median(bundleImportMs);
    const nativeClone = median(cloneMs);
    results.push({
      runbooks,
      initial: {
        fetchMs: initialFetch,
        parseMs: median(initial.parseMs),
        writeMs: median(initial.writeMs),
        totalMs: median(initial.totalMs),
      },
      incremental: { totalMs: median(incremental.totalMs), parsed: Math.max(...incremental.parsed) },
      // Target: importing the offline copy takes no longer than the network sync (ratio ≤ 1).
      bundleImport: {
        totalMs: importTotal,
        fileMB: heapMB(fs.statSync(bundlePath).size),
        ratioToInitialSync: Math.round((importTotal / median(initial.totalMs)) * 100) / 100,
        partsMs: Object.fromEntries(Object.entries(importParts).map(([part, samples]) => [part, median(samples)])),
      },
      native: { cloneMs: nativeClone, fetchMs: median(fetchMs) },
      ratioFetch: Math.round((initialFetch / nativeClone) * 100) / 100,
      peakHeapMB: heap.peakMB,
      notes: {
        initialBreakdownMs: {
          compare: median(breakdown.compareMs),
          readBlobs: median(breakdown.readMs),
          ingest: median(breakdown.ingestMs),
        },
        incrementalColdMs: median(incremental.coldTotalMs),
        ingestAloneMs: Math.round(ingestAloneMs),
        peakHeap:
          `live heap after forced GCs, in a fresh process: ${heap.baselineMB} MB before the sync (code loaded), ` +
          `${heap.engineMB} MB peak until the change set was built, ${heap.afterWriteMB} MB after writing it to fake-indexeddb, ` +
          `of which ${heap.databaseMB} MB is the stored database itself (fake-indexeddb keeps it on the JS heap; a browser keeps ` +
          `it outside the page's heap), so the sync's peak is ${heap.peakMB} MB; sampled peak without forcing GC during the ` +
          `timed runs, database included: ${peakHeapSampledMB} MB`,
        corpusMB: heapMB(corpus.reduce((n, f) => n + f.bytes.length, 0)),
        runs: { initial: initialRuns, incremental: incrementalRuns, native: 3 },
        writeMs: 'applyChangeSet into Dexie on fake-indexeddb (in memory, Node), not a browser IndexedDB',
        parseMs: 'tree listing + reading blobs from the object store + ingest',
        cpus: availableParallelism(),
        loadAverageAtStart: Math.round(loadAtStart * 100) / 100,
      },
    });
    repo.dispose();
  }
} finally {
  await server.close();
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
}

process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
