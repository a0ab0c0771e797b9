import { useLiveQuery } from 'dexie-react-hooks';
import { LIBRARY_FOLDERS_KEY, readLibraryFolderStates, type LibraryFolderStates } from '../../core/userdata/libraryFolderStates';
import type { CachedRunbook } from '../../core/cache/runbookDatabase';
import { db } from '../app/database';

/** What a library row shows of a runbook. */
export type LibraryEntry = Pick<CachedRunbook, 'sourceId' | 'path' | 'title' | 'summary' | 'status' | 'changeMark' | 'removedFromSource'>;

/** The library's runbooks: only the fields a row shows, so the tree never holds headings, links or contacts. */
export function useLibraryEntries(): LibraryEntry[] | undefined {
  return useLiveQuery(async () => (await db.runbooks.toArray()).map(toLibraryEntry), []);
}

function toLibraryEntry(runbook: CachedRunbook): LibraryEntry {
  const { sourceId, path, title, summary, status, changeMark, removedFromSource } = runbook;
  const entry: LibraryEntry = { sourceId, path, title, changeMark };
  if (summary !== undefined) entry.summary = summary;
  if (status !== undefined) entry.status = status;
  if (removedFromSource !== undefined) entry.removedFromSource = removedFromSource;
  return entry;
}

/** Which folders the user opened or closed, remembered across starts. */
export function useLibraryFolderStates(): LibraryFolderStates | undefined {
  return useLiveQuery(async () => readLibraryFolderStates((await db.settings.get(LIBRARY_FOLDERS_KEY))?.value), []);
}
