import { useLiveQuery } from 'dexie-react-hooks';
import type { LibraryEntry } from '../../core/cache/libraryEntry';
import { LIBRARY_FOLDERS_KEY, readLibraryFolderStates, type LibraryFolderStates } from '../../core/userdata/libraryFolderStates';
import { db } from '../app/database';

export type { LibraryEntry };

/** The library's runbooks from the light `library` table: title, summary, status and marks, never the full records. */
export function useLibraryEntries(): LibraryEntry[] | undefined {
  return useLiveQuery(() => db.library.toArray(), []);
}

/** Which folders the user opened or closed, remembered across starts. */
export function useLibraryFolderStates(): LibraryFolderStates | undefined {
  return useLiveQuery(async () => readLibraryFolderStates((await db.settings.get(LIBRARY_FOLDERS_KEY))?.value), []);
}
