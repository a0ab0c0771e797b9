import fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import http from 'isomorphic-git/http/node';
import { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import type { SourceRecord } from '../../../core/model';
import { fileIndexFromMap } from '../../../core/sync/cachedFileIndex';
import type { ObjectStoreFs } from '../../../core/sync/objectStoreFs';
import { syncGitSource, type GitSyncRequest, type GitSyncResult } from '../../../core/sync/syncGitSource';
import { useSharedGitServer, type SharedGitServer } from '../../helpers/sharedGitServer';
import { RunbookRepo, generateRunbooks } from '../../helpers/makeRunbookRepo';

export const nodeFs: ObjectStoreFs = fs;
export { http };

const cleanups: (() => void | Promise<void>)[] = [];

/** A temp folder removed by `cleanUp()`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** This file's folder of bare repositories on the run's shared loopback Git server; removed at `cleanUp`. */
export function startServer(): SharedGitServer {
  const server = useSharedGitServer();
  cleanups.push(() => server.close());
  return server;
}

/** One repository, `name`, of `count` small generated runbooks on the shared server; it goes at `cleanUp`. */
export function serveGeneratedRepo(name: string, count: number): { server: SharedGitServer; repo: RunbookRepo } {
  const server = startServer();
  const repo = new RunbookRepo();
  cleanups.push(() => repo.dispose());
  repo.writeAll(generateRunbooks(count, 300, 800)).commit('initial');
  repo.publish(server.root, name);
  return { server, repo };
}

/**
 * LightningFS (the browser object store) reads navigator.locks when present; Node 20 has no navigator at
 * all. Gives it an empty one until `cleanUp`.
 */
export function shimNavigator(): void {
  if ('navigator' in globalThis) return;
  Object.assign(globalThis, { navigator: {} });
  cleanups.push(() => {
    Reflect.deleteProperty(globalThis, 'navigator');
  });
}

export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

let databases = 0;

/** A fresh cache on fake-indexeddb holding one Git source record. */
export async function openCache(source: SourceRecord): Promise<RunbookDatabase> {
  databases++;
  const db = new RunbookDatabase(`sync-test-${process.pid}-${databases}`, { indexedDB, IDBKeyRange });
  await db.sources.put(source);
  cleanups.push(() => db.delete());
  return db;
}

/**
 * Every row of every table as one string (bytes as hex), so two dumps are equal exactly when the cache
 * is byte-for-byte the same.
 */
export async function dumpCache(db: RunbookDatabase, options: { withoutLastError?: boolean } = {}): Promise<string> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    let rows = await table.toArray();
    if (table.name === 'sources' && options.withoutLastError) {
      rows = rows.map((row) => {
        const { lastError: _ignored, ...rest } = row as SourceRecord;
        return rest;
      });
    }
    dump[table.name] = rows;
  }
  return JSON.stringify(dump, (_key, value: unknown) =>
    value instanceof Uint8Array ? { hex: Buffer.from(value).toString('hex') } : value,
  );
}

/**
 * The engine as a CLI-like caller uses it: a map of path → blob id kept between runs, updated from each
 * change set. Lets engine tests run sync after sync without a database.
 */
export class MapCaller {
  files = new Map<string, string>();
  commit?: string;

  constructor(
    readonly gitdir: string,
    readonly cache: object = {},
  ) {}

  async sync(request: Omit<GitSyncRequest, 'cached' | 'sourceId'> & { sourceId?: string }): Promise<GitSyncResult> {
    const result = await syncGitSource(
      { sourceId: 'src', ...(this.commit ? { previousCommit: this.commit } : {}), ...request, cached: fileIndexFromMap(this.files) },
      { fs: nodeFs, http, gitdir: this.gitdir, cache: this.cache },
    );
    const { changeSet } = result;
    for (const path of changeSet.removed) this.files.delete(path);
    for (const { from } of changeSet.renamed) this.files.delete(from);
    for (const u of changeSet.upserts) {
      if (u.kind === 'runbook') this.files.set(u.meta.path, u.meta.oid);
      else this.files.set(u.skipped.path, u.skipped.oid);
    }
    for (const a of changeSet.assets ?? []) this.files.set(a.path, a.oid);
    this.commit = result.stats.commit;
    return result;
  }
}

export function upsertPaths(result: GitSyncResult): string[] {
  return result.changeSet.upserts.map((u) => (u.kind === 'runbook' ? u.meta.path : u.skipped.path)).sort();
}
