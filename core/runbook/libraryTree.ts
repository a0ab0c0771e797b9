import { BUNDLED_SOURCE_ID } from '../model';
import { isInHiddenFolder } from './hiddenFolder';
import { homePageRank } from './homePage';
import { runbookStatusOrder } from './runbookStatus';

/** What the library needs of a runbook: never its body, headings or links. */
export interface LibraryItem {
  sourceId: string;
  path: string;
  title: string;
  status?: string | undefined;
}

/** A folder of one source; a source's root folder has the path `''`. */
export interface LibraryFolder<T extends LibraryItem = LibraryItem> {
  /** Stable across syncs: source id and folder path. */
  id: string;
  sourceId: string;
  /** Folder path inside the source, `''` for the root. */
  path: string;
  /** Last path segment, or the source's name for its root. */
  name: string;
  folders: LibraryFolder<T>[];
  /** This folder's own runbooks, its home page (`index.md`, else `README.md`) first. */
  runbooks: T[];
  /** Runbooks in this folder and every folder below it. */
  count: number;
}

export interface LibrarySourceName {
  id: string;
  name: string;
}

/** Sources in the library's order: synced sources by name, the bundled set last (a team's own runbooks come first). */
export function orderLibrarySources<S extends LibrarySourceName>(sources: readonly S[]): S[] {
  return [...sources].sort(
    (a, b) => Number(a.id === BUNDLED_SOURCE_ID) - Number(b.id === BUNDLED_SOURCE_ID) || compareNames(a.name, b.name),
  );
}

/** Id of a folder node, the key under which its open/closed state is remembered. */
export function libraryFolderId(sourceId: string, folderPath: string): string {
  return `${sourceId}\u0000${folderPath}`;
}

/**
 * The library as one folder tree per source, in the order `sources` are given. Runbooks of sources not in
 * `sources` and runbooks under hidden folders (`.obsidian`, `.github`) are left out. Within a folder: the
 * home page first, then sub-folders by name, then runbooks (active before draft before deprecated, then by
 * title). Names compare as people read numbers (`area-2` before `area-10`).
 */
export function buildLibraryTree<T extends LibraryItem>(runbooks: readonly T[], sources: readonly LibrarySourceName[]): LibraryFolder<T>[] {
  const roots = new Map<string, LibraryFolder<T>>();
  const folders = new Map<string, LibraryFolder<T>>();
  for (const source of sources) {
    const root = emptyFolder<T>(source.id, '', source.name);
    roots.set(source.id, root);
    folders.set(root.id, root);
  }
  for (const runbook of runbooks) {
    if (!roots.has(runbook.sourceId) || isInHiddenFolder(runbook.path)) continue;
    folderOf(folders, runbook.sourceId, parentPath(runbook.path)).runbooks.push(runbook);
  }
  const result = [...roots.values()];
  for (const root of result) finish(root);
  return result;
}

/**
 * The tree narrowed to runbooks whose title or path contains every word of `filter` (any case); folders
 * left empty are dropped, source roots are kept (with a count of 0) so the user sees where nothing matched.
 * An empty filter returns the tree as it is.
 */
export function filterLibraryTree<T extends LibraryItem>(roots: readonly LibraryFolder<T>[], filter: string): LibraryFolder<T>[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...roots];
  const matches = (runbook: T) => {
    const text = `${runbook.title}\n${runbook.path}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  return roots.map((root) => narrow(root, matches) ?? { ...root, folders: [], runbooks: [], count: 0 });
}

function narrow<T extends LibraryItem>(folder: LibraryFolder<T>, matches: (runbook: T) => boolean): LibraryFolder<T> | undefined {
  const folders = folder.folders.map((child) => narrow(child, matches)).filter((child) => child !== undefined);
  const runbooks = folder.runbooks.filter(matches);
  const count = runbooks.length + folders.reduce((sum, child) => sum + child.count, 0);
  return count === 0 ? undefined : { ...folder, folders, runbooks, count };
}

function emptyFolder<T extends LibraryItem>(sourceId: string, path: string, name: string): LibraryFolder<T> {
  return { id: libraryFolderId(sourceId, path), sourceId, path, name, folders: [], runbooks: [], count: 0 };
}

/** The folder at `path`, created with its missing parents. */
function folderOf<T extends LibraryItem>(folders: Map<string, LibraryFolder<T>>, sourceId: string, path: string): LibraryFolder<T> {
  const id = libraryFolderId(sourceId, path);
  const known = folders.get(id);
  if (known) return known;
  const folder = emptyFolder<T>(sourceId, path, path.slice(path.lastIndexOf('/') + 1));
  folderOf(folders, sourceId, parentPath(path)).folders.push(folder);
  folders.set(id, folder);
  return folder;
}

function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Sorts every level and counts the runbooks below each folder. */
function finish<T extends LibraryItem>(folder: LibraryFolder<T>): number {
  folder.folders.sort((a, b) => compareNames(a.name, b.name));
  sortRunbooks(folder.runbooks);
  folder.count = folder.runbooks.length + folder.folders.reduce((sum, child) => sum + finish(child), 0);
  return folder.count;
}

const NOT_HOME = Number.MAX_SAFE_INTEGER;

function sortRunbooks<T extends LibraryItem>(runbooks: T[]): void {
  // Each runbook's home rank and status order are read once: a sort compares each runbook about log2(n) times,
  // and reading them inside the comparison was most of the sort's time in a folder of 1,000.
  const order = new Map<T, { home: number; status: number }>();
  for (const runbook of runbooks) {
    order.set(runbook, { home: homePageRank(runbook.path) ?? NOT_HOME, status: runbookStatusOrder(runbook.status) });
  }
  runbooks.sort((a, b) => {
    const first = order.get(a)!;
    const second = order.get(b)!;
    return first.home - second.home || first.status - second.status || compareNames(a.title, b.title) || compareNames(a.path, b.path);
  });
}

// Made when the library is first sorted, not when the module loads (see labelCollation).
let collator: Intl.Collator | undefined;

/** The collator the library sorts names with (made on first use: making it loads the locale's collation data). */
export function libraryNameCollator(): Intl.Collator {
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return collator;
}

function compareNames(a: string, b: string): number {
  return libraryNameCollator().compare(a, b);
}
