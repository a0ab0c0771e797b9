import type { RunbookMeta } from '../model';
import { runbookStatusOrder } from './runbookStatus';

export interface LibraryGroup<T extends RunbookMeta = RunbookMeta> {
  /** Stable key for rendering. */
  key: string;
  /** Folder inside the source (`''` for the root). */
  folder: string;
  /** Front-matter `area`, or undefined for runbooks without one. */
  area?: string;
  runbooks: T[];
}

/**
 * Groups runbooks for the library: by folder, then by `area`; within a group, the index page first,
 * then active before draft before deprecated, then by title.
 */
export function groupLibrary<T extends RunbookMeta>(runbooks: readonly T[]): LibraryGroup<T>[] {
  const groups = new Map<string, LibraryGroup<T>>();
  for (const runbook of runbooks) {
    const slash = runbook.path.lastIndexOf('/');
    const folder = slash === -1 ? '' : runbook.path.slice(0, slash);
    const area = runbook.area?.trim().toLowerCase() || undefined;
    const key = `${runbook.sourceId}\u0000${folder}\u0000${area ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, folder, runbooks: [] };
      if (area) group.area = area;
      groups.set(key, group);
    }
    group.runbooks.push(runbook);
  }
  const sorted = [...groups.values()];
  for (const group of sorted) group.runbooks.sort(compareRunbooks);
  sorted.sort((a, b) => a.folder.localeCompare(b.folder) || (a.area ?? '\uffff').localeCompare(b.area ?? '\uffff'));
  return sorted;
}

function compareRunbooks(a: RunbookMeta, b: RunbookMeta): number {
  return (
    Number(!isIndexPage(a.path)) - Number(!isIndexPage(b.path)) ||
    runbookStatusOrder(a.status) - runbookStatusOrder(b.status) ||
    a.title.localeCompare(b.title)
  );
}

/** `README.md` or `index.md` of a folder: the page a folder opens on. */
export function isIndexPage(path: string): boolean {
  return /(^|\/)(readme|index)\.(md|markdown)$/i.test(path);
}
