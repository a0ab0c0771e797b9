import git from 'isomorphic-git';
import type { ChangeSet } from '../model';
import type { CachedFileIndex } from '../sync/cachedFileIndex';
import { normaliseSubdir } from '../sync/checkSourceSettings';
import { checkStoredCommitSignature } from '../sync/checkStoredCommitSignature';
import type { TreeReader } from '../sync/compareTrees';
import { memoizeStoreReads } from '../sync/memoizeStoreReads';
import {
  asGitFs,
  beginFetch,
  commitFetch,
  namePacksInArrivalOrder,
  packsAddedSince,
  prepareObjectStore,
  rollbackFetch,
} from '../sync/objectStore';
import { listOrEmpty, readTextOrUndefined, type ObjectStoreFs } from '../sync/objectStoreFs';
import { syncCancelled } from '../sync/syncError';
import type { GitSyncStats } from '../sync/syncGitSource';
import { changeSetForCommit } from './changeSetForCommit';
import { checkPackBytes } from './checkPackBytes';
import { chooseBundleBranch } from './chooseBundleBranch';
import { OfflineCopyError } from './offlineCopyError';
import { checkOfflineCopySize } from './offlineCopyLimits';
import { readBundleHeader } from './readBundleHeader';
import { relateCommits, type CommitRelation } from './relateCommits';
import { hasObject, readCommitOrUndefined } from './storeObjects';

export interface BundleImportRequest {
  /** The source's id in the cache; every record of the change set carries it. */
  sourceId: string;
  /** The whole bundle file (its size checked with `checkOfflineCopySize` before it was read). */
  bytes: Uint8Array;
  /** Branch to import; the bundle's only branch when absent. */
  branch?: string | undefined;
  subdir?: string | undefined;
  /** The commit the cache holds for this source (`SourceRecord.version`). */
  previousCommit?: string | undefined;
  /** Path → blob id of what the cache holds for the source. */
  cached: CachedFileIndex;
  /** Apply a commit that is older than, or unrelated to, `previousCommit` (the person chose it). */
  allowOlder?: boolean | undefined;
  rereadAll?: boolean | undefined;
  maxFileBytes?: number | undefined;
  signal?: AbortSignal | undefined;
  /** The source's pinned signing keys: the bundle's commit must be signed by one of them (see `SigningPolicy`). */
  pinnedSigningKeys?: string | undefined;
  requireSignedCommits?: boolean | undefined;
}

export interface BundleImportDeps {
  fs: ObjectStoreFs;
  /** The source's object store, the same one its syncs use, so a later sync continues from the import. */
  gitdir: string;
  cache?: object | undefined;
}

export interface BundleImportStats extends GitSyncStats {
  /** When the imported commit was committed (ISO 8601). */
  committedAt: string;
  relation: CommitRelation;
}

export interface BundleImportResult {
  /** Hand to `applyChangeSet`, as a sync's. */
  changeSet: ChangeSet;
  stats: BundleImportStats;
}

/**
 * Imports a Git bundle (`git bundle create runbooks.bundle main`, v2 or v3) into a source's object store
 * and returns the same change set a sync to that commit would, so the cache reads exactly like a synced
 * source and the next sync continues from it.
 *
 * Checked before anything is kept: the header, the pack's checksum and object count, that the chosen
 * commit and every object of its tree are there (an object whose content does not match its id is not),
 * that commits the bundle builds on are here, and that the commit is not older than or unrelated to the
 * one the cache holds (unless `allowOlder`). All-or-nothing: on any failure the store is put back as it
 * was (as after a failed fetch) and the cache is never touched here; each failure is an
 * `OfflineCopyError` with one line that says why.
 */
export async function importGitBundle(request: BundleImportRequest, deps: BundleImportDeps): Promise<BundleImportResult> {
  const started = performance.now();
  const subdir = normaliseSubdir(request.subdir);
  checkOfflineCopySize(request.bytes.length);
  const header = readBundleHeader(request.bytes);
  const chosen = chooseBundleBranch(header.refs, request.branch);
  const pack = request.bytes.subarray(header.packStart);
  const { objects: announced, checksum } = await checkPackBytes(pack);
  if (request.signal?.aborted) throw syncCancelled();

  const fs = memoizeStoreReads(deps.fs);
  const { gitdir } = deps;
  const reader: TreeReader = { fs, gitdir, cache: deps.cache ?? {} };
  await prepareObjectStore(fs, gitdir);
  const missingPrerequisites: string[] = [];
  for (const oid of header.prerequisites) if (!(await hasObject(reader, oid))) missingPrerequisites.push(oid);

  const packsBefore = await beginFetch(fs, gitdir);
  try {
    const stored = await storePack(reader, pack, checksum, announced, missingPrerequisites);
    await checkCommitComplete(reader, chosen.commit, chosen.branch, stored, missingPrerequisites);
    const storeMs = performance.now() - started;
    const relation = await relateCommits(reader, chosen.commit, request.previousCommit);
    const committedAt = (await readCommitOrUndefined(reader, chosen.commit))!.committedAt;
    if ((relation === 'older' || relation === 'unrelated') && !request.allowOlder) {
      throw await olderCommit(reader, relation, { commit: chosen.commit, committedAt }, request.previousCommit!);
    }
    const verdict = await checkStoredCommitSignature(reader, chosen.commit, {
      pinnedKeys: request.pinnedSigningKeys,
      requireSigned: request.requireSignedCommits,
    });
    if (!verdict.accepted) throw new OfflineCopyError('signature-refused', verdict.message);
    await markShallowWhereHistoryEnds(reader, chosen.commit);
    if (request.signal?.aborted) throw syncCancelled();

    const result = await changeSetForCommit(reader, {
      sourceId: request.sourceId,
      commit: chosen.commit,
      branch: chosen.branch,
      subdir,
      previousCommit: request.previousCommit,
      cached: request.cached,
      rereadAll: request.rereadAll,
      maxFileBytes: request.maxFileBytes,
      signal: request.signal,
    });
    if (request.signal?.aborted) throw syncCancelled();
    result.changeSet.signature = verdict.mark;
    await namePacksInArrivalOrder(fs, gitdir, await packsAddedSince(fs, gitdir, packsBefore));
    await commitFetch(fs, gitdir);

    const stats: BundleImportStats = {
      commit: chosen.commit,
      branch: chosen.branch,
      comparedBy: result.comparedBy,
      counts: result.counts,
      skipped: result.skipped,
      warnings: result.warnings,
      parsed: result.parsed,
      timings: {
        fetchMs: Math.round(storeMs),
        compareMs: Math.round(result.compareMs),
        readMs: Math.round(result.readMs),
        parseMs: Math.round(result.parseMs),
        totalMs: Math.round(performance.now() - started),
      },
      committedAt,
      relation,
    };
    if (request.previousCommit) stats.previousCommit = request.previousCommit;
    return { changeSet: result.changeSet, stats };
  } catch (error) {
    try {
      await rollbackFetch(fs, gitdir);
    } catch {
      // The marker stays, so the next sync or import rolls back before it starts.
    }
    throw error;
  }
}

/**
 * Writes the pack into the store and indexes it. Returns the ids of the objects it holds, which
 * isomorphic-git computed from their content while indexing. A pack the store already holds (the same
 * bundle imported again) is not stored twice; its objects are then found in the store.
 */
async function storePack(
  reader: TreeReader,
  pack: Uint8Array,
  checksum: string,
  announced: number,
  missingPrerequisites: string[],
): Promise<Set<string>> {
  const { fs, gitdir } = reader;
  const names = await listOrEmpty(fs, `${gitdir}/objects/pack`);
  if (names.some((name) => name.endsWith(`${checksum}.idx`))) return new Set();
  const filepath = `objects/pack/pack-${checksum}.pack`;
  await fs.promises.writeFile(`${gitdir}/${filepath}`, pack);
  let oids: string[];
  try {
    ({ oids } = await git.indexPack({
      fs: asGitFs(fs),
      dir: gitdir,
      gitdir,
      filepath,
      cache: reader.cache,
    }));
  } catch (error) {
    if (missingPrerequisites.length > 0) throw thinBundle(missingPrerequisites);
    throw new OfflineCopyError(
      'damaged',
      `The bundle is damaged: its objects cannot be read (${String((error as Error).message ?? error)}). Nothing was changed.`,
    );
  }
  if (oids.length !== announced) {
    throw new OfflineCopyError(
      'damaged',
      `The bundle is damaged: its pack announces ${announced} objects but ${oids.length} could be read. Nothing was changed.`,
    );
  }
  return new Set(oids);
}

/**
 * The chosen commit and every tree and file of its tree must be readable: from the new pack (whose ids
 * were computed from content) or from the store. Sub-modules are references to other repositories, not
 * content, and are not followed.
 */
async function checkCommitComplete(
  reader: TreeReader,
  commit: string,
  branch: string,
  stored: Set<string>,
  missingPrerequisites: string[],
): Promise<void> {
  const missing = (what: string) =>
    missingPrerequisites.length > 0
      ? thinBundle(missingPrerequisites)
      : new OfflineCopyError(
          'damaged',
          `The bundle is damaged: ${what} is not in it, or its content does not match its id. Nothing was changed.`,
        );
  const head = await readCommitOrUndefined(reader, commit);
  if (!head) throw missing(`commit ${commit.slice(0, 7)} of branch "${branch}"`);
  const present = async (oid: string) => stored.has(oid) || (await hasObject(reader, oid));
  const visit = async (tree: string, path: string): Promise<void> => {
    let entries;
    try {
      ({ tree: entries } = await git.readTree({
        fs: asGitFs(reader.fs),
        gitdir: reader.gitdir,
        oid: tree,
        cache: reader.cache,
      }));
    } catch {
      throw missing(path ? `the folder "${path}" (${tree.slice(0, 7)})` : `the tree of commit ${commit.slice(0, 7)}`);
    }
    for (const entry of entries) {
      const entryPath = path ? `${path}/${entry.path}` : entry.path;
      if (entry.type === 'tree') await visit(entry.oid, entryPath);
      else if (entry.type === 'blob' && !(await present(entry.oid))) throw missing(`the file "${entryPath}" (${entry.oid.slice(0, 7)})`);
    }
  };
  await visit(head.tree, '');
}

function thinBundle(missing: readonly string[]): OfflineCopyError {
  const listed = missing
    .slice(0, 3)
    .map((oid) => oid.slice(0, 7))
    .join(', ');
  const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
  return new OfflineCopyError(
    'thin-bundle',
    `The bundle only adds to commits this device does not have (${listed}${more}). Make a full one: git bundle create runbooks.bundle main. Nothing was changed.`,
  );
}

async function olderCommit(
  reader: TreeReader,
  relation: CommitRelation,
  imported: { commit: string; committedAt: string },
  current: string,
): Promise<OfflineCopyError> {
  const held = await readCommitOrUndefined(reader, current);
  const when = (at: string | undefined) => (at ? `committed ${at.slice(0, 16).replace('T', ' ')} UTC` : 'date unknown');
  const how = relation === 'older' ? 'older than' : 'not a later version of';
  return new OfflineCopyError(
    'older-commit',
    `The bundle's commit ${imported.commit.slice(0, 7)} (${when(imported.committedAt)}) is ${how} the one already here, ${current.slice(0, 7)} (${when(held?.committedAt)}). Nothing was changed; choose to import it anyway if that is what you want.`,
    { imported, current: { commit: current, committedAt: held?.committedAt } },
  );
}

/**
 * A commit whose parents are not here is where this store's history ends; Git records such commits in
 * `shallow` so that later fetches tell the server. Restored by the rollback if the import fails.
 */
async function markShallowWhereHistoryEnds(reader: TreeReader, commit: string): Promise<void> {
  const { parents } = (await readCommitOrUndefined(reader, commit))!;
  const complete = await Promise.all(parents.map((parent) => hasObject(reader, parent)));
  if (complete.every(Boolean)) return;
  const path = `${reader.gitdir}/shallow`;
  const listed = ((await readTextOrUndefined(reader.fs, path)) ?? '').split('\n').filter(Boolean);
  if (listed.includes(commit)) return;
  await reader.fs.promises.writeFile(path, new TextEncoder().encode([...listed, commit].map((oid) => `${oid}\n`).join('')));
}
