import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeSet } from '../core/model';

/*
 * The `--state DIR` folder that `sync`, `import` and `export` share: `objects.git` (the object store),
 * `snapshot.json` (what the last successful run saw) and `sync.lock`. The same layout and file format
 * for all three.
 */

/** What the state folder remembers between runs: which commit and files the last successful run saw. */
export interface StateSnapshot {
  /** The repository address `sync` fetches from; empty when an import into a new folder named none. */
  url: string;
  /** The branch asked for; null for the repository's default branch. */
  branch: string | null;
  subdir: string;
  commit: string;
  files: Record<string, string>;
}

export const objectStoreOf = (stateDir: string) => join(stateDir, 'objects.git');
export const snapshotPathOf = (stateDir: string) => join(stateDir, 'snapshot.json');

export async function readStateSnapshot(path: string): Promise<StateSnapshot | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as StateSnapshot;
    return typeof value.commit === 'string' && value.files && typeof value.files === 'object' ? value : undefined;
  } catch {
    return undefined; // no snapshot yet, or an unreadable one: the run compares against nothing
  }
}

export async function writeStateSnapshot(path: string, snapshot: StateSnapshot): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const files = Object.fromEntries(Object.entries(snapshot.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFile(temporary, `${JSON.stringify({ ...snapshot, files }, null, 1)}\n`);
  await rename(temporary, path); // a run killed half-way never leaves a half-written snapshot
}

/** The snapshot follows the change set exactly as the app's cache does with `applyChangeSet`. */
export function applyToSnapshotFiles(files: Map<string, string>, changeSet: ChangeSet): void {
  for (const { from } of changeSet.renamed) files.delete(from);
  for (const path of changeSet.removed) files.delete(path);
  for (const u of changeSet.upserts) {
    if (u.kind === 'runbook') files.set(u.meta.path, u.meta.oid);
    else files.set(u.skipped.path, u.skipped.oid);
  }
  for (const asset of changeSet.assets ?? []) files.set(asset.path, asset.oid);
}

export class StateLocked extends Error {}

/**
 * One run per state folder at a time, across processes; a lock left by a dead process is taken over.
 * Returns the lock file's path, to unlink when done.
 */
export async function lockStateFolder(stateDir: string): Promise<string> {
  const path = join(stateDir, 'sync.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(path, 'utf8').catch(() => ''));
      if (holder && isAlive(holder)) throw new StateLocked(`Another run (process ${holder}) is using ${stateDir}.`);
      await unlink(path).catch(() => {});
    }
  }
  throw new StateLocked(`Could not lock ${stateDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
