/** Names a folder opens on, best first: `index.md` beside a `README.md` wins, as in Obsidian vaults and doc sites. */
const HOME_NAMES = ['index.md', 'index.markdown', 'readme.md', 'readme.markdown'];

/** Rank of a path as its folder's home page (lower is better), or undefined when it is not one. */
export function homePageRank(path: string): number | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const rank = HOME_NAMES.indexOf(name);
  return rank === -1 ? undefined : rank;
}

/** The page a folder (`''` for the root) opens on among `paths`: its `index.md`, else its `README.md`. */
export function folderHomePage(paths: Iterable<string>, folder = ''): string | undefined {
  const prefix = folder === '' ? '' : `${folder}/`;
  let best: { path: string; rank: number } | undefined;
  for (const path of paths) {
    if (!path.startsWith(prefix) || path.slice(prefix.length).includes('/')) continue;
    const rank = homePageRank(path);
    if (rank !== undefined && (best === undefined || rank < best.rank)) best = { path, rank };
  }
  return best?.path;
}

/**
 * The page the app opens on: the home page of the first source, in the order given, that has one at its
 * root (`index.md`, else `README.md`).
 */
export function libraryHomePage<T extends { sourceId: string; path: string }>(
  entries: readonly T[],
  sourceIds: readonly string[],
): T | undefined {
  for (const sourceId of sourceIds) {
    const own = entries.filter((entry) => entry.sourceId === sourceId);
    const path = folderHomePage(own.map((entry) => entry.path));
    if (path !== undefined) return own.find((entry) => entry.path === path);
  }
  return undefined;
}
