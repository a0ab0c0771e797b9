import git from 'isomorphic-git';
import type { PromiseFsClient } from 'isomorphic-git';
import {
  listOrEmpty,
  makeDirectories,
  moveFile,
  readTextOrUndefined,
  removeIfPresent,
  removeTree,
  type ObjectStoreFs,
} from './objectStoreFs';

/**
 * Written before a fetch and removed after it succeeded or was rolled back. Finding it at the start of
 * a sync means the previous one was interrupted (app closed, tab killed, crash) mid-fetch.
 */
const FETCH_MARKER = 'runbook-reader-fetch.json';

interface FetchMarker {
  /** Content of the `shallow` file before the fetch, or null when there was none. */
  shallow: string | null;
  /** Pack files present before the fetch; any other pack is the interrupted fetch's. */
  packs: string[];
}

/**
 * isomorphic-git's fetch writes the `shallow` file and remote refs before it has the pack, then the pack,
 * then its index. A fetch that fails part-way therefore leaves a `shallow` entry for a commit the store
 * does not have (which misleads the next fetch) and possibly a half-written pack. The store is kept
 * usable by recording what the fetch may touch beforehand and putting it back on failure — right away
 * when the failure is seen, or at the start of the next sync after a crash.
 *
 * Remote refs are left alone: the engine never reads them (it tells the server what it has by the
 * commit the cache holds, and checks that commit is really in the store).
 */
export async function prepareObjectStore(fs: ObjectStoreFs, gitdir: string): Promise<void> {
  await recoverInterruptedFetch(fs, gitdir);
  if ((await readTextOrUndefined(fs, `${gitdir}/config`)) === undefined) {
    await makeDirectories(fs, gitdir);
    await git.init({ fs: asGitFs(fs), gitdir, bare: true, defaultBranch: 'main' });
  }
  await nameOlderPacksFirst(fs, gitdir);
  // fetch updates refs/remotes/origin/* and insists on a fetch refspec for that remote.
  const gitFs = asGitFs(fs);
  if ((await git.getConfig({ fs: gitFs, gitdir, path: 'remote.origin.fetch' })) === undefined) {
    await git.setConfig({ fs: gitFs, gitdir, path: 'remote.origin.fetch', value: '+refs/heads/*:refs/remotes/origin/*' });
  }
}

/** Records the state a fetch may break; call right before `git.fetch`. Returns the pack files there before. */
export async function beginFetch(fs: ObjectStoreFs, gitdir: string): Promise<string[]> {
  const marker: FetchMarker = {
    shallow: (await readTextOrUndefined(fs, `${gitdir}/shallow`)) ?? null,
    packs: await listOrEmpty(fs, `${gitdir}/objects/pack`),
  };
  await fs.promises.writeFile(`${gitdir}/${FETCH_MARKER}`, new TextEncoder().encode(JSON.stringify(marker)));
  return marker.packs;
}

/** Packs (`objects/pack/pack-….pack`, relative to gitdir) that were not there before the fetch. */
export async function packsAddedSince(fs: ObjectStoreFs, gitdir: string, before: readonly string[]): Promise<string[]> {
  const known = new Set(before);
  return (await listOrEmpty(fs, `${gitdir}/objects/pack`))
    .filter((name) => name.endsWith('.pack') && !known.has(name))
    .map((name) => `objects/pack/${name}`);
}

/** Ordered pack names: `pack-<12-digit sequence>-<pack checksum>.pack` (and `.idx`). */
const ORDERED_PACK = /^pack-(\d{12})-[0-9a-f]{40}\.(pack|idx)$/;

/**
 * Renames the packs a fetch added (`objects/pack/pack-<sha>.pack`, as isomorphic-git names them) to
 * `pack-<sequence>-<sha>`, numbered after every pack already there, so that name order is arrival order.
 *
 * Why: isomorphic-git looks an object up in the packs in name order and takes the first copy it finds.
 * Thin packs store objects as deltas against objects the store already had, and a later fetch can bring an
 * object again (a file restored to earlier content brings back its old tree, as a delta against the tree
 * it replaces, which the store holds as a delta against the restored one). Found through the newer pack
 * first, two such deltas point at each other and reading never ends (it ran a test out of memory). Every
 * base a pack uses was in the store before that pack arrived, so finding the oldest copy first always
 * leads to older packs and ends.
 */
export async function namePacksInArrivalOrder(fs: ObjectStoreFs, gitdir: string, added: readonly string[]): Promise<void> {
  const dir = `${gitdir}/objects/pack`;
  let next = 1;
  for (const name of await listOrEmpty(fs, dir)) {
    const sequence = ORDERED_PACK.exec(name)?.[1];
    if (sequence !== undefined) next = Math.max(next, Number(sequence) + 1);
  }
  for (const pack of added) {
    const base = pack.slice(pack.lastIndexOf('/') + 1).replace(/\.pack$/, '');
    if (ORDERED_PACK.test(`${base}.pack`)) continue;
    const ordered = `pack-${String(next++).padStart(12, '0')}-${base.slice('pack-'.length)}`;
    // The index last: a pack without its index is invisible, and removed by a rollback.
    await moveFile(fs, `${dir}/${base}.pack`, `${dir}/${ordered}.pack`);
    await moveFile(fs, `${dir}/${base}.idx`, `${dir}/${ordered}.idx`);
  }
}

/**
 * Packs a store got before packs were named in arrival order (`pack-<sha>`) are older than every ordered
 * one; they become sequence 0 so that they still sort first.
 */
async function nameOlderPacksFirst(fs: ObjectStoreFs, gitdir: string): Promise<void> {
  const dir = `${gitdir}/objects/pack`;
  const names = await listOrEmpty(fs, dir);
  for (const name of names) {
    const sha = /^pack-([0-9a-f]{40})\.idx$/.exec(name)?.[1];
    if (sha === undefined || !names.includes(`pack-${sha}.pack`)) continue;
    await moveFile(fs, `${dir}/pack-${sha}.pack`, `${dir}/pack-${'0'.repeat(12)}-${sha}.pack`);
    await moveFile(fs, `${dir}/pack-${sha}.idx`, `${dir}/pack-${'0'.repeat(12)}-${sha}.idx`);
  }
}

/** After a complete fetch: the new state is good, forget the old one. */
export async function commitFetch(fs: ObjectStoreFs, gitdir: string): Promise<void> {
  await removeIfPresent(fs, `${gitdir}/${FETCH_MARKER}`);
}

/** After a failed fetch: put the store back as `beginFetch` found it. */
export async function rollbackFetch(fs: ObjectStoreFs, gitdir: string): Promise<void> {
  await recoverInterruptedFetch(fs, gitdir);
}

/** Deletes the whole store; the next sync starts it afresh (and compares against the cache by blob id). */
export async function wipeObjectStore(fs: ObjectStoreFs, gitdir: string): Promise<void> {
  await removeTree(fs, gitdir);
}

async function recoverInterruptedFetch(fs: ObjectStoreFs, gitdir: string): Promise<void> {
  const text = await readTextOrUndefined(fs, `${gitdir}/${FETCH_MARKER}`);
  if (text === undefined) return;
  const marker = parseMarker(text);
  if (!marker) {
    // Only a crash while the marker itself was written gets here; nothing was fetched yet, but what the
    // store held before is unknown, so start over rather than guess.
    await wipeObjectStore(fs, gitdir);
    return;
  }
  if (marker.shallow === null) await removeIfPresent(fs, `${gitdir}/shallow`);
  else await fs.promises.writeFile(`${gitdir}/shallow`, new TextEncoder().encode(marker.shallow));
  const before = new Set(marker.packs);
  for (const name of await listOrEmpty(fs, `${gitdir}/objects/pack`)) {
    if (!before.has(name)) await removeIfPresent(fs, `${gitdir}/objects/pack/${name}`);
  }
  await removeIfPresent(fs, `${gitdir}/${FETCH_MARKER}`);
}

function parseMarker(text: string): FetchMarker | undefined {
  try {
    const value = JSON.parse(text) as Partial<FetchMarker>;
    if ((typeof value.shallow === 'string' || value.shallow === null) && Array.isArray(value.packs)) {
      return { shallow: value.shallow, packs: value.packs.filter((p): p is string => typeof p === 'string') };
    }
  } catch {
    // fall through: unreadable marker
  }
  return undefined;
}

/** isomorphic-git types its fs methods as bare `Function`s; ObjectStoreFs is the same shape, typed. */
export function asGitFs(fs: ObjectStoreFs): PromiseFsClient {
  return fs;
}
