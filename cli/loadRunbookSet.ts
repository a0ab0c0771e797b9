import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import git from 'isomorphic-git';
import { isMarkdownPath } from '../core/check/isMarkdownPath';
import { ingestRunbook } from '../core/ingest/ingestRunbook';
import type { RunbookBody, RunbookMeta } from '../core/model';
import { describe, walkRunbookTree } from './check/walkRunbookTree';
import { objectStoreOf, readStateSnapshot, snapshotPathOf } from './stateFolder';

/** The source id the CLI's runbooks carry (one folder or state at a time). */
export const CLI_SOURCE_ID = 'cli';

export interface RunbookSet {
  runbooks: { meta: RunbookMeta; body: RunbookBody }[];
  /** Files that did not become runbooks, with why (too large, binary, not UTF-8 …). */
  skipped: { path: string; message: string }[];
}

/** Why a folder or state folder could not be read at all (exit 2, as for a usage error). */
export class RunbookSetUnreadable extends Error {}

/**
 * Every runbook of a folder on disk (`DIR`), or of the commit a `sync`/`import` state folder holds
 * (`--state DIR`, read from its object store without a checkout; it wins over `dir`), ingested as the app would.
 */
export async function loadRunbookSet(from: { dir: string; state?: string | undefined }): Promise<RunbookSet> {
  const files = from.state !== undefined ? stateFiles(resolve(from.state)) : folderFiles(from.dir);
  const set: RunbookSet = { runbooks: [], skipped: [] };
  for await (const file of files) {
    const result = ingestRunbook(CLI_SOURCE_ID, file);
    if (result.kind === 'runbook') set.runbooks.push(result);
    else set.skipped.push({ path: result.skipped.path, message: result.skipped.message });
  }
  return set;
}

async function* folderFiles(dir: string): AsyncGenerator<{ path: string; bytes: Uint8Array }> {
  let tree;
  try {
    tree = walkRunbookTree(dir);
  } catch (error) {
    throw new RunbookSetUnreadable(`cannot read folder "${dir}": ${describe(error)}`);
  }
  for (const path of tree.markdown) yield { path, bytes: await readFile(join(tree.root, path)) };
}

async function* stateFiles(stateDir: string): AsyncGenerator<{ path: string; bytes: Uint8Array; oid: string }> {
  const snapshot = await readStateSnapshot(snapshotPathOf(stateDir));
  if (!snapshot)
    throw new RunbookSetUnreadable(`"${stateDir}" is not a state folder (no snapshot.json): run "runbook-reader sync" or "import" first`);
  const gitdir = objectStoreOf(stateDir);
  for (const [path, oid] of Object.entries(snapshot.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!isMarkdownPath(path)) continue;
    const { blob } = await git.readBlob({ fs, gitdir, oid });
    yield { path, bytes: blob, oid };
  }
}
