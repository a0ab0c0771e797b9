import fs from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { OfflineCopyError } from '../../core/offlineCopy/offlineCopyError';
import { fullHistoryFetcher } from '../../core/offlineCopy/fetchFullHistory';
import { writeGitBundle } from '../../core/offlineCopy/writeGitBundle';
import { originOf } from '../../core/sync/tokenBinding';
import { commandLineHttpClient } from '../commandLineHttpClient';
import { escapeControlChars } from '../../core/terminal/escapeControlChars';
import { lockStateFolder, objectStoreOf, readStateSnapshot, snapshotPathOf, StateLocked } from '../stateFolder';

export const EXPORT_USAGE = `Usage: runbook-reader export --state DIR --out FILE [options]

Saves the state folder's current commit as a Git bundle: an offline copy that "runbook-reader import"
and the app read, and that "git bundle verify" checks.

Options:
  --state DIR       the state folder "sync" or "import" filled (required)
  --out FILE        where to write the bundle (required; replaced if it exists)
  --branch B        branch name to give the commit in the bundle (default: the state's, else main)
  --token-env VAR   access token for fetching the history (see "sync"), read from environment variable VAR
  --offline         do not fetch the missing history; save what the state holds
  --json            print one JSON object instead of the summary
  -h, --help        show this help

A state filled by "sync" holds the latest commit only, not its history. Before saving, export fetches the
rest of the branch's history from the state's repository address (as "git fetch --unshallow" does), so
that "git clone" accepts the bundle. When that fails or --offline is given, the bundle lists the missing
parents as prerequisites: it imports into Runbook Reader and into any clone that has them, but "git clone"
refuses it; the summary says so and why.

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
    const store = { fs, gitdir: objectStoreOf(stateDir), cache: {} };
    let saved = await writeGitBundle(store, { commit: snapshot.commit, branch });
    let historyNotFetched: string | null = null;
    if (saved.prerequisites.length > 0) {
      if (options.offline) historyNotFetched = 'not fetched (--offline)';
      else if (!snapshot.url) historyNotFetched = 'the state names no repository address to fetch it from';
      else {
        try {
          const token = options.token ? { value: options.token, origin: originOf(snapshot.url) ?? '' } : undefined;
          const fetchHistory = fullHistoryFetcher({
            url: snapshot.url,
            branch: snapshot.branch ?? undefined,
            token,
            http: commandLineHttpClient(),
          });
          await fetchHistory({ ...store, signal: new AbortController().signal }, snapshot.commit);
          saved = await writeGitBundle(store, { commit: snapshot.commit, branch });
        } catch (error) {
          historyNotFetched = error instanceof Error ? error.message : String(error);
        }
      }
    }
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
      historyNotFetched: saved.prerequisites.length > 0 ? historyNotFetched : null,
    };
    if (options.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      process.stdout.write(
        `Saved ${snapshot.commit.slice(0, 7)} (${escapeControlChars(branch)}) to ${escapeControlChars(out)}: ${saved.commits} commits, ${saved.bytes.length} bytes\n`,
      );
      if (saved.prerequisites.length > 0) {
        const why = historyNotFetched
          ? ` (history ${historyNotFetched.startsWith('not fetched') ? historyNotFetched : `not fetched: ${historyNotFetched}`})`
          : '';
        process.stdout.write(
          `  The state holds no history before this commit${escapeControlChars(why)}, so the bundle lists ${saved.prerequisites.length} parent commit(s) as prerequisites: ` +
            'it imports into Runbook Reader and into clones that have them; "git clone" refuses it.\n',
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
      'token-env': { type: 'string' },
      offline: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true as const, state: '', out: '', json: false };
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  if (!values.state) throw new UsageError('missing --state DIR.');
  if (!values.out) throw new UsageError('missing --out FILE.');
  let token: string | undefined;
  const tokenEnv = values['token-env'];
  if (tokenEnv !== undefined) {
    token = process.env[tokenEnv];
    if (!token) throw new UsageError(`environment variable ${tokenEnv} (from --token-env) is not set or empty.`);
  }
  return {
    help: false as const,
    state: values.state,
    out: values.out,
    branch: values.branch,
    json: values.json ?? false,
    offline: values.offline ?? false,
    token,
  };
}
