import fs from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OfflineCopyError } from '../../core/offlineCopy/offlineCopyError';
import { writeGitBundle } from '../../core/offlineCopy/writeGitBundle';
import { escapeControlChars } from '../../core/terminal/escapeControlChars';
import { lockStateFolder, objectStoreOf, readStateSnapshot, snapshotPathOf, StateLocked } from '../stateFolder';

export const EXPORT_USAGE = `Usage: runbook-reader export --state DIR --out FILE [options]

Saves the state folder's current commit as a Git bundle: an offline copy that "runbook-reader import"
and the app read, and that "git bundle verify" checks.

Options:
  --state DIR       the state folder "sync" or "import" filled (required)
  --out FILE        where to write the bundle (required; replaced if it exists)
  --branch B        branch name to give the commit in the bundle (default: the state's, else main)
  --json            print one JSON object instead of the summary
  -h, --help        show this help

A state filled by "sync" holds the latest commit only, not its history: the bundle then lists that
commit's parents as prerequisites. It imports into Runbook Reader and into any clone that has them;
"git clone" needs a bundle with the whole history (one "import" of a full bundle gives that).

Exit status: 0 saved, 1 the export failed (reason on stderr), 2 usage error.`;

class UsageError extends Error {}

export async function exportCommand(args: string[]): Promise<number> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(args);
  } catch (error) {
    process.stderr.write(`runbook-reader export: ${(error as Error).message}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  const stateDir = resolve(options.state);
  const out = resolve(options.out);
  let lock: string | undefined;
  try {
    const snapshot = await readStateSnapshot(snapshotPathOf(stateDir));
    if (!snapshot) {
      const message = `${escapeControlChars(stateDir)} holds no synced or imported commit; run "sync" or "import" with --state first.`;
      process.stderr.write(`runbook-reader export: ${message} [no-state]\n`);
      if (options.json) process.stdout.write(`${JSON.stringify({ error: { code: 'no-state', message } })}\n`);
      return 1;
    }
    lock = await lockStateFolder(stateDir);
    const branch = options.branch ?? snapshot.branch ?? 'main';
    const saved = await writeGitBundle({ fs, gitdir: objectStoreOf(stateDir) }, { commit: snapshot.commit, branch });
    const temporary = `${out}.${process.pid}.tmp`;
    await writeFile(temporary, saved.bytes);
    await rename(temporary, out);
    const summary = {
      commit: snapshot.commit,
      branch,
      out,
      bytes: saved.bytes.length,
      commits: saved.commits,
      prerequisites: saved.prerequisites,
    };
    if (options.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      process.stdout.write(
        `Saved ${snapshot.commit.slice(0, 7)} (${escapeControlChars(branch)}) to ${escapeControlChars(out)}: ${saved.commits} commits, ${saved.bytes.length} bytes\n`,
      );
      if (saved.prerequisites.length > 0) {
        process.stdout.write(
          `  The state holds no history before this commit, so the bundle lists ${saved.prerequisites.length} parent commit(s) as prerequisites: ` +
            'it imports into Runbook Reader and into clones that have them; "git clone" needs a bundle with the whole history.\n',
        );
      }
    }
    return 0;
  } catch (error) {
    const failure =
      error instanceof OfflineCopyError
        ? { code: error.code, message: error.message }
        : error instanceof StateLocked
          ? { code: 'already-running', message: error.message }
          : {
              code: 'unknown',
              message: `The export failed: ${(error as Error).message}`,
            };
    process.stderr.write(`runbook-reader export: ${failure.message} [${failure.code}]\n`);
    if (options.json) process.stdout.write(`${JSON.stringify({ error: failure })}\n`);
    return 1;
  } finally {
    if (lock) await unlink(lock).catch(() => {});
  }
}

function readOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      state: { type: 'string' },
      out: { type: 'string' },
      branch: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true as const, state: '', out: '', json: false };
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  if (!values.state) throw new UsageError('missing --state DIR.');
  if (!values.out) throw new UsageError('missing --out FILE.');
  return {
    help: false as const,
    state: values.state,
    out: values.out,
    branch: values.branch,
    json: values.json ?? false,
  };
}
