/**
 * The files of one source, looked up the ways a wikilink names them: by exact path, by path in any
 * capitals, and by file name. Built once per set of paths (see `sourceFileIndexFor`), so a page with
 * thousands of wikilinks costs one map lookup per link.
 */
export class SourceFileIndex {
  private readonly exact: ReadonlySet<string>;
  private readonly byLowerPath = new Map<string, string[]>();
  private readonly byLowerName = new Map<string, string[]>();

  constructor(runbookPaths: Iterable<string>, assetPaths: Iterable<string> = []) {
    const all = new Set<string>();
    for (const path of runbookPaths) all.add(path);
    for (const path of assetPaths) all.add(path);
    this.exact = all;
    for (const path of all) {
      push(this.byLowerPath, path.toLowerCase(), path);
      push(this.byLowerName, path.slice(path.lastIndexOf('/') + 1).toLowerCase(), path);
    }
  }

  has(path: string): boolean {
    return this.exact.has(path);
  }

  /** Paths equal to `path` ignoring capitals. */
  withPathIgnoringCase(path: string): readonly string[] {
    return this.byLowerPath.get(path.toLowerCase()) ?? NONE;
  }

  /** Paths whose file name (with extension) is `name`, ignoring capitals. */
  withName(name: string): readonly string[] {
    return this.byLowerName.get(name.toLowerCase()) ?? NONE;
  }
}

const NONE: readonly string[] = [];

function push(map: Map<string, string[]>, key: string, path: string): void {
  const list = map.get(key);
  if (list) list.push(path);
  else map.set(key, [path]);
}

const built = new WeakMap<ReadonlySet<string>, WeakMap<ReadonlySet<string>, SourceFileIndex>>();
const NO_ASSETS: ReadonlySet<string> = new Set();

/** The index of these runbook and asset path sets, built on first use and kept while the sets live. */
export function sourceFileIndexFor(runbookPaths: ReadonlySet<string>, assetPaths: ReadonlySet<string> = NO_ASSETS): SourceFileIndex {
  let byAssets = built.get(runbookPaths);
  if (!byAssets) {
    byAssets = new WeakMap();
    built.set(runbookPaths, byAssets);
  }
  let index = byAssets.get(assetPaths);
  if (!index) {
    index = new SourceFileIndex(runbookPaths, assetPaths);
    byAssets.set(assetPaths, index);
  }
  return index;
}
