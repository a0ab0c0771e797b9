import fs, { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importGitBundle, type BundleImportStats } from '../../core/offlineCopy/importGitBundle';
import { importZip, type ZipImportStats } from '../../core/offlineCopy/importZip';
import { OfflineCopyError } from '../../core/offlineCopy/offlineCopyError';
import { offlineCopyKind } from '../../core/offlineCopy/offlineCopyKind';
import { checkOfflineCopySize } from '../../core/offlineCopy/offlineCopyLimits';
import type { CommitSignatureMark } from '../../core/model';
import { fileIndexFromMap } from '../../core/sync/cachedFileIndex';
import { SyncError } from '../../core/sync/syncError';
import { escapeControlChars } from '../../core/terminal/escapeControlChars';
import { changeCountsJson, countsLine, syncJsonSummary } from '../changeSummary';
import { describeSignatureLine, readRequireSigned, SIGNING_OPTIONS, SIGNING_OPTIONS_USAGE } from '../readAllowedSigners';
import { readSigningCommandLine } from '../signingCommandLine';
import { refuseUnsignedZip } from '../../core/offlineCopy/offlineCopyEngine';
import {
  applyToSnapshotFiles,
  lockStateFolder,
  objectStoreOf,
  readStateSnapshot,
  snapshotPathOf,
  StateLocked,
  writeStateSnapshot,
} from '../stateFolder';

export const IMPORT_USAGE = `Usage: runbook-reader import <file> [options]

Imports an offline copy of a runbook repository, a Git bundle (made with
"git bundle create runbooks.bundle main") or a .zip of a runbook folder, into a state folder, as a
sync would: a later "runbook-reader sync" with the same --state folder continues from it.

Options:
  --state DIR       the state folder "sync" uses (default: a temporary folder, deleted afterwards)
  --branch B        branch to import when the bundle holds several (default: the state's branch, or the
                    bundle's only one)
  --subdir D        folder of the repository (or zip) that holds the runbooks (default: the state's)
  --url U           the repository address a later sync fetches from (default: the state's)
  --allow-older     apply a commit older than, or unrelated to, the one the state holds
${SIGNING_OPTIONS_USAGE}
                    (with --require-signed a zip, which holds no signature, is refused)
  --json            print one JSON object (as "sync --json", plus "from": "bundle" or "zip";
                    "commit" is null for a zip)
  -h, --help        show this help

Exit status: 0 imported, 1 the import failed (reason on stderr; nothing was changed), 2 usage error.`;

class UsageError extends Error {}

export async function importCommand(args: string[]): Promise<number> {
  const commandLine = await readSigningCommandLine('import', IMPORT_USAGE, args, readOptions);
  if (typeof commandLine === 'number') return commandLine;
  const { options, pinnedSigningKeys } = commandLine;
  const { json } = options;
  const file = resolve(options.file);
  const name = escapeControlChars(basename(file));
  const stateDir = options.state ? resolve(options.state) : mkdtempSync(join(tmpdir(), 'runbook-reader-import-'));
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const started = performance.now();
  let lock: string | undefined;
  try {
    const bytes = await readOfflineCopy(file);
    await mkdir(stateDir, { recursive: true });
    lock = await lockStateFolder(stateDir);
    const snapshotPath = snapshotPathOf(stateDir);
    const previous = await readStateSnapshot(snapshotPath);
    const url = options.url ?? previous?.url ?? '';
    const branch = options.branch ?? previous?.branch ?? null;
    const subdir = options.subdir ?? previous?.subdir ?? '';
    const sameSource = previous && previous.url === url && previous.branch === branch && previous.subdir === subdir;
    const files = new Map(sameSource ? Object.entries(previous.files) : []);

    const signing = { pinnedSigningKeys, requireSignedCommits: options.requireSigned };
    if (offlineCopyKind(bytes) === 'zip') {
      refuseUnsignedZip(signing);
      const { changeSet, stats } = await importZip({
        sourceId: 'cli',
        bytes,
        subdir,
        cached: fileIndexFromMap(files),
        signal: controller.signal,
      });
      applyToSnapshotFiles(files, changeSet);
      // A zip has no commit: the version is kept so the state says what it holds; a later sync compares by blob id.
      await writeStateSnapshot(snapshotPath, { url, branch, subdir, commit: stats.version, files: Object.fromEntries(files) });
      const ms = Math.round(performance.now() - started);
      process.stdout.write(json ? `${JSON.stringify(zipJsonSummary(stats, ms))}\n` : zipHumanSummary(name, stats, ms));
      return 0;
    }

    const { changeSet, stats } = await importGitBundle(
      {
        sourceId: 'cli',
        bytes,
        branch: branch ?? undefined,
        subdir,
        // Whatever the state held is what an older or unrelated commit is compared with.
        previousCommit: previous?.commit,
        cached: fileIndexFromMap(files),
        allowOlder: options.allowOlder,
        signal: controller.signal,
        ...signing,
      },
      { fs, gitdir: objectStoreOf(stateDir) },
    );
    applyToSnapshotFiles(files, changeSet);
    await writeStateSnapshot(snapshotPath, {
      url,
      branch,
      subdir,
      commit: stats.commit,
      files: Object.fromEntries(files),
    });
    const ms = Math.round(performance.now() - started);
    const signature = changeSet.signature ?? null;
    process.stdout.write(
      json
        ? `${JSON.stringify({ ...syncJsonSummary(stats, ms), from: 'bundle', signature })}\n`
        : humanSummary(name, stats, ms, changeSet.signature),
    );
    return 0;
  } catch (error) {
    const failure = describeFailure(error);
    process.stderr.write(`runbook-reader import: ${name}: ${failure.message} [${failure.code}]\n`);
    if (json) process.stdout.write(`${JSON.stringify({ error: failure })}\n`);
    return failure.code === 'cancelled' ? 130 : 1;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    if (lock) await unlink(lock).catch(() => {});
    if (!options.state) rmSync(stateDir, { recursive: true, force: true });
  }
}

/** The file's bytes, refused by its size before any of it is read. */
async function readOfflineCopy(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OfflineCopyError(
      'not-an-offline-copy',
      code === 'ENOENT' ? 'There is no such file.' : `The file cannot be read (${code ?? 'unknown error'}).`,
    );
  }
  if (!info.isFile()) throw new OfflineCopyError('not-an-offline-copy', 'This is a folder or a device, not a file.');
  checkOfflineCopySize(info.size);
  const bytes = new Uint8Array(await readFile(file));
  if (offlineCopyKind(bytes) === undefined) {
    throw new OfflineCopyError('not-an-offline-copy', 'The file is neither a Git bundle nor a zip. Nothing was changed.');
  }
  return bytes;
}

function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof OfflineCopyError && error.code === 'older-commit') {
    const { imported, current } = error.details;
    const when = (at: string | undefined) => (at ? `committed ${at.slice(0, 16).replace('T', ' ')} UTC` : 'date unknown');
    return {
      code: error.code,
      message:
        `its commit ${imported!.commit.slice(0, 7)} (${when(imported!.committedAt)}) is older than, or unrelated to, ` +
        `the state's commit ${current!.commit.slice(0, 7)} (${when(current!.committedAt)}). Nothing was changed; add --allow-older to apply it anyway.`,
    };
  }
  if (error instanceof OfflineCopyError || error instanceof SyncError) return { code: error.code, message: error.message };
  if (error instanceof StateLocked) return { code: 'already-running', message: error.message };
  return {
    code: 'unknown',
    message: `The import failed: ${(error as Error).message}. Nothing was changed.`,
  };
}

function readOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      state: { type: 'string' },
      branch: { type: 'string' },
      subdir: { type: 'string' },
      url: { type: 'string' },
      'allow-older': { type: 'boolean', default: false },
      ...SIGNING_OPTIONS,
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true as const, file: '', json: false };
  // Its message is the usage problem; readSigningCommandLine prints it with the help.
  const requireSigned = readRequireSigned(values);
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'missing the file to import.' : 'give exactly one file to import.');
  return {
    help: false as const,
    file: positionals[0]!,
    json: values.json ?? false,
    state: values.state,
    branch: values.branch,
    subdir: values.subdir,
    url: values.url,
    allowOlder: values['allow-older'] ?? false,
    allowedSigners: values['allowed-signers'],
    requireSigned,
  };
}

const MAX_LISTED = 50;

function humanSummary(name: string, stats: BundleImportStats, ms: number, signature: CommitSignatureMark | undefined): string {
  const lines = [
    `Imported ${name} (${escapeControlChars(stats.branch)}) at ${stats.commit.slice(0, 7)}, committed ${stats.committedAt.slice(0, 16).replace('T', ' ')} UTC, in ${ms} ms`,
    countsLine(stats.counts),
  ];
  const signed = describeSignatureLine(signature);
  if (signed) lines.push(signed);
  return `${[...lines, ...skippedAndWarningLines(stats)].join('\n')}\n`;
}

/** As `sync --json`, for a zip: no commit and no branch. */
function zipJsonSummary(stats: ZipImportStats, ms: number) {
  return { from: 'zip', commit: null, branch: null, ...changeCountsJson(stats), ms };
}

function zipHumanSummary(name: string, stats: ZipImportStats, ms: number): string {
  const folder = stats.folder ? ` (folder ${escapeControlChars(stats.folder)})` : '';
  const lines = [`Imported ${name}${folder} in ${ms} ms`, countsLine(stats.counts), ...skippedAndWarningLines(stats)];
  return `${lines.join('\n')}\n`;
}

/** The end of either import summary: the first skipped files one a line, and how many warnings. */
function skippedAndWarningLines(stats: BundleImportStats | ZipImportStats): string[] {
  const lines = stats.skipped
    .slice(0, MAX_LISTED)
    .map((s) => `  skipped ${escapeControlChars(s.path)} (${s.reason}): ${escapeControlChars(s.message)}`);
  if (stats.skipped.length > MAX_LISTED) lines.push(`  … and ${stats.skipped.length - MAX_LISTED} more skipped (see --json)`);
  if (stats.warnings.length > 0) lines.push(`  ${stats.warnings.length} warnings (see --json)`);
  return lines;
}
