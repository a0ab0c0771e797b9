/**
 * Importing an offline copy against syncing: the same generated repository of 1,000 runbooks (5–20 KB
 * each, as in bench/sync.ts), once made into a Git bundle (`git bundle create`) and imported with
 * `importGitBundle` (reading the file, checking and indexing its pack, checking the commit's tree, diff,
 * blob reads and ingest), once synced with `syncGitSource` from `git http-backend` on loopback, each into
 * an empty object store, alternately, in the same process run. Neither writes the cache (the same cost
 * for both). Prints one JSON object: medians, p95 and the ratio import ÷ sync (target ≤ 1).
 * Usage: tsx bench/importBundle.ts [--runbooks 1000] [--runs 7]
 */
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import http from 'isomorphic-git/http/node';
import { importGitBundle } from '../core/offlineCopy/importGitBundle';
import { fileIndexFromMap } from '../core/sync/cachedFileIndex';
import { syncGitSource } from '../core/sync/syncGitSource';
import { startGitHttpServer } from '../test/helpers/gitHttpServer';
import { RunbookRepo, generateRunbooks, git } from '../test/helpers/makeRunbookRepo';

const { values } = parseArgs({
  options: { runbooks: { type: 'string' }, runs: { type: 'string' } },
});
const runbooks = Number(values.runbooks ?? 1000);
const runs = Number(values.runs ?? 7);

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

const quantile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
};
const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
};

async function main(): Promise<void> {
  const server = await startGitHttpServer({
    root: tempDir('bench-import-root-'),
  });
  const repo = new RunbookRepo();
  try {
    repo.writeAll(generateRunbooks(runbooks)).commit('corpus');
    const url = server.url(repo.publish(server.root, `bench-import-${runbooks}.git`));
    const bundlePath = join(tempDir('bench-import-file-'), 'runbooks.bundle');
    git(repo.workDir, ['bundle', 'create', '-q', bundlePath, 'main']);
    const bundleBytes = fs.statSync(bundlePath).size;

    const sync: number[] = [];
    const imported: number[] = [];
    const importParts: {
      storeMs: number;
      compareMs: number;
      readMs: number;
      parseMs: number;
    }[] = [];
    let counts: unknown;
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      await syncGitSource(
        { sourceId: 'bench', url, cached: fileIndexFromMap(new Map()) },
        { fs, http, gitdir: join(tempDir('bench-sync-store-'), 'objects.git') },
      );
      sync.push(performance.now() - start);

      start = performance.now();
      const bytes = new Uint8Array(await readFile(bundlePath));
      const { stats } = await importGitBundle(
        { sourceId: 'bench', bytes, cached: fileIndexFromMap(new Map()) },
        { fs, gitdir: join(tempDir('bench-import-store-'), 'objects.git') },
      );
      imported.push(performance.now() - start);
      importParts.push({
        storeMs: stats.timings.fetchMs,
        compareMs: stats.timings.compareMs,
        readMs: stats.timings.readMs,
        parseMs: stats.timings.parseMs,
      });
      counts = stats.counts;
    }
    const part = (key: keyof (typeof importParts)[number]) => median(importParts.map((p) => p[key]));
    const result = {
      runbooks,
      runs,
      bundleMB: Math.round((bundleBytes / (1024 * 1024)) * 10) / 10,
      loadAverageAtStart: loadavg()[0],
      importMs: { median: median(imported), p95: quantile(imported, 0.95) },
      importPartsMedianMs: {
        checkAndStorePack: part('storeMs'),
        compare: part('compareMs'),
        readBlobs: part('readMs'),
        ingest: part('parseMs'),
      },
      syncMs: { median: median(sync), p95: quantile(sync, 0.95) },
      importToSync: Math.round((median(imported) / median(sync)) * 100) / 100,
      target: 'importToSync <= 1',
      counts,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await server.close();
    repo.dispose();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
