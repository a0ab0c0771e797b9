import git from 'isomorphic-git';
import { asGitFs } from '../sync/objectStore';
import type { ObjectStoreFs } from '../sync/objectStoreFs';
import { matchBundleSource, type BundleSourceMatch } from './matchBundleSource';
import { offlineCopyKind } from './offlineCopyKind';
import { readBundleHeader, type BundleRef } from './readBundleHeader';
import { scratchFs } from './scratchFs';
import { hasObject } from './storeObjects';

/** An existing Git source as the page knows it: its id and the commit its cache holds. */
export interface SourceToInspect {
  id: string;
  version?: string | undefined;
}

/** Where the sources' object stores are, read only: the sync host's store adapter fits. */
export interface InspectedStores {
  fs: ObjectStoreFs;
  dirOf(sourceId: string): string;
}

const COMMIT_ID = /^[0-9a-f]{40}$/;
const SCRATCH_GITDIR = '/inspect';
const SCRATCH_PACK = 'objects/pack/pack-inspect.pack';

/**
 * Which existing Git source a picked bundle updates, before anything is imported: the bundle's header is
 * read and, only when a source's commit is not named in it, its pack is indexed in memory (nothing is
 * written to any store, nothing is kept); a source whose commit the bundle does not hold is the same
 * repository when its store already has the bundle's tip. Undefined when the file is not a bundle that
 * can be read (a zip, or a damaged file: the import itself says why). Never rejects.
 */
export async function inspectBundleForSources(
  bytes: Uint8Array,
  sources: readonly SourceToInspect[],
  stores: InspectedStores,
): Promise<BundleSourceMatch | undefined> {
  try {
    if (offlineCopyKind(bytes) !== 'bundle') return undefined;
    const header = readBundleHeader(bytes);
    const tip = bundleTip(header.refs);
    if (!tip) return undefined;
    const named = new Set([...header.refs.map((ref) => ref.oid), ...header.prerequisites]);
    const commits = sources.map((source) => (source.version && COMMIT_ID.test(source.version) ? source.version : undefined));
    const needsPack = commits.some((commit) => commit !== undefined && !named.has(commit));
    const packed = needsPack ? await objectsInPack(bytes.subarray(header.packStart)) : new Set<string>();
    const holds = (oid: string) => named.has(oid) || packed.has(oid);
    const toMatch = await Promise.all(
      sources.map(async (source, i) => {
        const commit = commits[i];
        // A store is read only when the commit alone does not settle it (the bundle is older than the source).
        const storeHasTip =
          commit !== undefined && holds(commit)
            ? false
            : await hasObject({ fs: stores.fs, gitdir: stores.dirOf(source.id), cache: {} }, tip);
        return { source: { id: source.id, kind: 'git' as const, version: commit }, storeHasTip };
      }),
    );
    return matchBundleSource({ tip, holds }, toMatch);
  } catch {
    return undefined;
  }
}

/**
 * The commit an import would apply when the person names no branch: the only branch; with several, the
 * one `HEAD` names, else the first (the person picks at import; this only suggests the source).
 */
function bundleTip(refs: readonly BundleRef[]): string | undefined {
  const branches = refs.filter((ref) => ref.name.startsWith('refs/heads/'));
  const head = refs.find((ref) => ref.name === 'HEAD');
  if (branches.length === 1) return branches[0]!.oid;
  return head?.oid ?? branches[0]?.oid;
}

/**
 * The ids of the objects in a pack, computed from their content by `git.indexPack` in a scratch file system.
 * Empty when the pack cannot be indexed alone (a thin bundle's deltas need objects it leaves out).
 */
async function objectsInPack(pack: Uint8Array): Promise<Set<string>> {
  const fs = scratchFs();
  await fs.promises.mkdir(SCRATCH_GITDIR);
  await fs.promises.writeFile(`${SCRATCH_GITDIR}/${SCRATCH_PACK}`, pack);
  try {
    const { oids } = await git.indexPack({
      fs: asGitFs(fs),
      dir: SCRATCH_GITDIR,
      gitdir: SCRATCH_GITDIR,
      filepath: SCRATCH_PACK,
      cache: {},
    });
    return new Set(oids);
  } catch {
    return new Set();
  }
}
