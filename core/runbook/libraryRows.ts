import { homePageRank } from './homePage';
import type { LibraryFolder, LibraryItem } from './libraryTree';

/** One line of the library as drawn: a folder (or a source's root) that opens and closes, or a runbook. */
export type LibraryRow<T extends LibraryItem = LibraryItem> =
  | {
      kind: 'folder';
      key: string;
      depth: number;
      folder: LibraryFolder<T>;
      open: boolean;
      isSourceRoot: boolean;
      parentIndex: number | undefined;
    }
  | { kind: 'runbook'; key: string; depth: number; runbook: T; parentIndex: number | undefined };

export interface LibraryRowOptions {
  /** Whether a folder is open (every folder shows as open while a filter is typed). */
  isOpen: (folder: LibraryFolder) => boolean;
  /** Show each source's root as a row of its own; with one source its contents start at the left edge. */
  showSourceRoots: boolean;
}

/**
 * The tree flattened into the lines a reader sees, in order, skipping whatever is inside closed folders.
 * Within a folder: its home page, then its sub-folders, then its other runbooks. `parentIndex` is the
 * row of the enclosing folder, for keyboard navigation ("go to parent").
 */
export function libraryRows<T extends LibraryItem>(roots: readonly LibraryFolder<T>[], options: LibraryRowOptions): LibraryRow<T>[] {
  const rows: LibraryRow<T>[] = [];
  const addContents = (folder: LibraryFolder<T>, depth: number, parentIndex: number | undefined) => {
    const [home, others] = splitHome(folder.runbooks);
    const runbookRow = (runbook: T): LibraryRow<T> => ({
      kind: 'runbook',
      key: `${runbook.sourceId}\u0000${runbook.path}`,
      depth,
      runbook,
      parentIndex,
    });
    if (home) rows.push(runbookRow(home));
    for (const child of folder.folders) addFolder(child, depth, parentIndex, false);
    for (const runbook of others) rows.push(runbookRow(runbook));
  };
  const addFolder = (folder: LibraryFolder<T>, depth: number, parentIndex: number | undefined, isSourceRoot: boolean) => {
    const open = options.isOpen(folder);
    const index = rows.length;
    rows.push({ kind: 'folder', key: folder.id, depth, folder, open, isSourceRoot, parentIndex });
    if (open) addContents(folder, depth + 1, index);
  };
  for (const root of roots) {
    if (options.showSourceRoots) addFolder(root, 0, undefined, true);
    else addContents(root, 0, undefined);
  }
  return rows;
}

/** The folder's home page (already sorted first by the tree) and the rest. */
function splitHome<T extends LibraryItem>(runbooks: readonly T[]): [T | undefined, readonly T[]] {
  const first = runbooks[0];
  return first && homePageRank(first.path) !== undefined ? [first, runbooks.slice(1)] : [undefined, runbooks];
}
