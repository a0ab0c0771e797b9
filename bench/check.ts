/**
 * How long `runbook-reader check` takes on a generated tree of 1,000 realistic runbooks: the check in this
 * process, the app's ingest alone over the same files (the baseline: what parsing costs anyway), and the
 * command end to end as a spawned process, cold and with --cache after a first run.
 * Prints one JSON object. Usage: tsx bench/check.ts [--runbooks N] [--runs N]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheFileFor } from '../cli/check/examinationCache';
import { checkRunbooks } from '../core/check/checkRunbooks';
import { ingestRunbook } from '../core/ingest/ingestRunbook';
import { generateRunbookTree } from './generateRunbookTree';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TODAY = '2026-11-26';

const { values } = parseArgs({ options: { runbooks: { type: 'string' }, runs: { type: 'string' } } });
const runbooks = Number(values.runbooks ?? 1000);
const runs = Number(values.runs ?? 5);

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: Math.round(at(0.5)), p95: Math.round(at(0.95)) };
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const loadAtStart = loadavg()[0]!;
const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
try {
  const generated = generateRunbookTree({ runbooks, today: TODAY });
  const files = generated.map((f) => ({ path: f.path, bytes: typeof f.content === 'string' ? Buffer.from(f.content) : f.content }));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes);
  }
  const markdown = files.filter((f) => f.path.endsWith('.md'));
  const bytes = markdown.reduce((n, f) => n + f.bytes.length, 0);

  let findings = 0;
  const checkMs: number[] = [];
  const ingestMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    ingestMs.push(time(() => markdown.forEach((f) => ingestRunbook('bench', f))));
    checkMs.push(time(() => (findings = checkRunbooks(files, { maxAgeDays: 180, today: TODAY }).length)));
  }

  const cli = (extra: string[]) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, [join(REPO, 'cli/bin.mjs'), 'check', dir, '--format', 'json', '--today', TODAY, ...extra], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = performance.now() - start;
    if (result.status !== 0 && result.status !== 1) throw new Error(`check exited ${result.status}: ${result.stderr}`);
    const cliFindings = (JSON.parse(result.stdout) as { findings: unknown[] }).findings.length;
    if (cliFindings !== findings) throw new Error(`the command found ${cliFindings} problems, the library ${findings}`);
    return ms;
  };
  const cliMs: number[] = [];
  for (let r = 0; r < runs; r++) cliMs.push(cli([]));
  const cacheFile = cacheFileFor(dir);
  const cliCachedMs: number[] = [];
  try {
    cli(['--cache']);
    for (let r = 0; r < runs; r++) cliCachedMs.push(cli(['--cache']));
  } finally {
    rmSync(cacheFile, { force: true });
  }

  const check = percentiles(checkMs);
  const ingest = percentiles(ingestMs);
  const cold = percentiles(cliMs);
  const cached = percentiles(cliCachedMs);
  process.stdout.write(
    `${JSON.stringify({
      runbooks: markdown.length,
      checkMs: check,
      cliMs: cold,
      findings,
      cliCachedMs: cached,
      ingestOnlyMs: ingest,
      checkOverIngest: Number((check.p50 / ingest.p50).toFixed(2)),
      markdownBytes: bytes,
      runs,
      parallelism: availableParallelism(),
      // Timings on a shared machine mean little without how busy it was.
      loadAverage1m: { start: Number(loadAtStart.toFixed(2)), end: Number(loadavg()[0]!.toFixed(2)) },
      targetMs: 2000,
      meetsTarget: { check: check.p50 < 2000, cli: cold.p50 < 2000, cliCached: cached.p50 < 2000 },
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
