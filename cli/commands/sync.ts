import fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommitSignatureMark } from '../../core/model';
import { fileIndexFromMap } from '../../core/sync/cachedFileIndex';
import { gitSyncRequest } from '../../core/sync/gitSyncRequest';
import { SyncError } from '../../core/sync/syncError';
import { originOf } from '../../core/sync/tokenBinding';
import { escapeControlChars } from '../../core/terminal/escapeControlChars';
import { commandLineHttpClient } from '../commandLineHttpClient';
import { countsLine, syncJsonSummary } from '../changeSummary';
import { describeSignatureLine, readRequireSigned, SIGNING_OPTIONS, SIGNING_OPTIONS_USAGE } from '../readAllowedSigners';
import { readSigningCommandLine } from '../signingCommandLine';
import {
  StateLocked,
  applyToSnapshotFiles,
  lockStateFolder,
  objectStoreOf,
  readStateSnapshot,
  snapshotPathOf,
  writeStateSnapshot,
} from '../stateFolder';
import { syncGitSource, type GitSyncStats, type SyncProgress } from '../../core/sync/syncGitSource';

export const SYNC_USAGE = `Usage: runbook-reader sync <url> [options]

Fetches the runbooks of a Git repository (shallow, one branch) and reports what changed since the
last run with the same --state folder.

Options:
  --branch B        branch to follow (default: the repository's default branch)
  --subdir D        folder of the repository that holds the runbooks
  --state DIR       keep the object store and the last result in DIR, so the next run is incremental
                    (default: a temporary folder, deleted afterwards: every run is a full sync)
  --token-env VAR   read the access token from environment variable VAR (never pass it as an argument);
                    it is sent only to the origin of <url> (not across a redirect to another host)
                    and never over plain http:// except to this computer
  --timeout-ms N    give up after N ms without data from the server (default 60000)
  --deadline-ms N   give up when the download has taken N ms in all (default 1200000, 20 minutes)
  --min-rate N      give up when the server sends fewer than N bytes a second over a minute (default 512)
${SIGNING_OPTIONS_USAGE}
  --json            print one JSON object instead of the summary
  -h, --help        show this help

Exit status: 0 synced, 1 the sync failed (reason on stderr), 2 usage error.`;

class UsageError extends Error {}

export async function syncCommand(args: string[]): Promise<number> {
  const commandLine = await readSigningCommandLine('sync', SYNC_USAGE, args, readOptions);
  if (typeof commandLine === 'number') return commandLine;
  const { options, pinnedSigningKeys } = commandLine;
  const { url, json } = options;
  const stateDir = options.state ? resolve(options.state) : mkdtempSync(join(tmpdir(), 'runbook-reader-sync-'));
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const started = performance.now();
  let lock: string | undefined;
  try {
    await mkdir(stateDir, { recursive: true });
    lock = await lockStateFolder(stateDir).catch((error: unknown) => {
      throw error instanceof StateLocked ? new SyncError('already-running', error.message) : error;
    });
    const snapshotPath = snapshotPathOf(stateDir);
    const previous = await readStateSnapshot(snapshotPath);
    const sameSource =
      previous && previous.url === url && previous.branch === (options.branch ?? null) && previous.subdir === (options.subdir ?? '');
    const files = new Map(sameSource ? Object.entries(previous.files) : []);

    const settings = {
      sourceId: 'cli',
      url,
      branch: options.branch,
      subdir: options.subdir,
      pinnedSigningKeys,
      requireSignedCommits: options.requireSigned,
    };
    const { changeSet, stats } = await syncGitSource(
      gitSyncRequest(settings, {
        // The token belongs to the address it was given with: the engine sends it to that origin only.
        token: options.token ? { value: options.token, origin: originOf(url) ?? '' } : undefined,
        previousCommit: sameSource ? previous.commit : undefined,
        cached: fileIndexFromMap(files),
        timeoutMs: options.timeoutMs,
        limits: { deadlineMs: options.deadlineMs, minBytesPerSecond: options.minRate },
        signal: controller.signal,
        onProgress: !json && process.stderr.isTTY ? showProgress : undefined,
      }),
      { fs, http: commandLineHttpClient(), gitdir: objectStoreOf(stateDir) },
    );
    if (!json && process.stderr.isTTY) process.stderr.write('\r\x1b[K');

    applyToSnapshotFiles(files, changeSet);
    await writeStateSnapshot(snapshotPath, {
      url,
      branch: options.branch ?? null,
      subdir: options.subdir ?? '',
      commit: stats.commit,
      files: Object.fromEntries(files),
    });
    const ms = Math.round(performance.now() - started);
    const signature = changeSet.signature ?? null;
    process.stdout.write(
      json ? `${JSON.stringify({ ...syncJsonSummary(stats, ms), signature })}\n` : humanSummary(url, stats, ms, changeSet.signature),
    );
    return 0;
  } catch (error) {
    if (!json && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    const failure = error instanceof SyncError ? error : new SyncError('unknown', `The sync failed: ${(error as Error).message}`);
    process.stderr.write(`runbook-reader sync: ${failure.message} [${failure.code}]\n`);
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: failure.code, message: failure.message } })}\n`);
    return failure.code === 'cancelled' ? 130 : 1;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    if (lock) await unlink(lock).catch(() => {});
    if (!options.state) rmSync(stateDir, { recursive: true, force: true });
  }
}

function readOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      branch: { type: 'string' },
      subdir: { type: 'string' },
      state: { type: 'string' },
      'token-env': { type: 'string' },
      'timeout-ms': { type: 'string' },
      'deadline-ms': { type: 'string' },
      'min-rate': { type: 'string' },
      ...SIGNING_OPTIONS,
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true as const, url: '', json: false };
  // Its message is the usage problem; readSigningCommandLine prints it with the help.
  const requireSigned = readRequireSigned(values);
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'missing the repository URL.' : 'give exactly one repository URL.');
  let token: string | undefined;
  const tokenEnv = values['token-env'];
  if (tokenEnv !== undefined) {
    token = process.env[tokenEnv];
    if (!token) throw new UsageError(`environment variable ${tokenEnv} (from --token-env) is not set or empty.`);
  }
  let timeoutMs: number | undefined;
  if (values['timeout-ms'] !== undefined) {
    timeoutMs = Number(values['timeout-ms']);
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout-ms takes a positive whole number of milliseconds.');
  }
  let deadlineMs: number | undefined;
  if (values['deadline-ms'] !== undefined) {
    deadlineMs = Number(values['deadline-ms']);
    if (!Number.isInteger(deadlineMs) || deadlineMs <= 0)
      throw new UsageError('--deadline-ms takes a positive whole number of milliseconds.');
  }
  let minRate: number | undefined;
  if (values['min-rate'] !== undefined) {
    minRate = Number(values['min-rate']);
    if (!Number.isInteger(minRate) || minRate < 0)
      throw new UsageError('--min-rate takes a whole number of bytes a second (0 turns the check off).');
  }
  return {
    help: false as const,
    url: positionals[0]!,
    json: values.json ?? false,
    branch: values.branch,
    subdir: values.subdir,
    state: values.state,
    token,
    timeoutMs,
    deadlineMs,
    minRate,
    allowedSigners: values['allowed-signers'],
    requireSigned,
  };
}

function showProgress(progress: SyncProgress): void {
  const percent = progress.percent === undefined ? '' : ` ${progress.percent}%`;
  process.stderr.write(`\r\x1b[K${progress.phase}${percent}`);
}

const MAX_LISTED = 50;

function humanSummary(url: string, stats: GitSyncStats, ms: number, signature: CommitSignatureMark | undefined): string {
  const lines = [
    `Synced ${escapeControlChars(url)} (${escapeControlChars(stats.branch)}) at ${stats.commit.slice(0, 7)} in ${ms} ms`,
    countsLine(stats.counts),
  ];
  const signed = describeSignatureLine(signature);
  if (signed) lines.push(signed);
  if (stats.skipped.length > 0) {
    lines.push('Skipped:');
    for (const s of stats.skipped.slice(0, MAX_LISTED))
      lines.push(`  ${escapeControlChars(s.path)} (${s.reason}): ${escapeControlChars(s.message)}`);
    if (stats.skipped.length > MAX_LISTED) lines.push(`  … and ${stats.skipped.length - MAX_LISTED} more (see --json)`);
  }
  if (stats.warnings.length > 0) {
    lines.push(`Warnings (${stats.warnings.length}):`);
    for (const w of stats.warnings.slice(0, MAX_LISTED))
      lines.push(`  ${escapeControlChars(w.path)}${w.line ? `:${w.line}` : ''}: ${escapeControlChars(w.message)}`);
    if (stats.warnings.length > MAX_LISTED) lines.push(`  … and ${stats.warnings.length - MAX_LISTED} more (see --json)`);
  }
  return `${lines.join('\n')}\n`;
}
