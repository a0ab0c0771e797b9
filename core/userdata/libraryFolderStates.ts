import type { RunbookDatabase } from '../cache/runbookDatabase';

/** Row of the `settings` table that remembers which library folders the user opened or closed. */
export const LIBRARY_FOLDERS_KEY = 'libraryFolders';

/** Folder id (see `libraryFolderId`) → open. Folders never touched are absent and take their default. */
export type LibraryFolderStates = Readonly<Record<string, boolean>>;

/** The remembered states, or none when the row is missing or not what this version wrote. */
export function readLibraryFolderStates(value: unknown): LibraryFolderStates {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const states: Record<string, boolean> = {};
  for (const [id, open] of Object.entries(value)) if (typeof open === 'boolean') states[id] = open;
  return states;
}

/** Sets folders open or closed, keeping every other remembered state (one transaction, so two quick toggles both stick). */
export async function writeLibraryFolderStates(db: RunbookDatabase, changes: LibraryFolderStates): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(LIBRARY_FOLDERS_KEY);
    await db.settings.put({ key: LIBRARY_FOLDERS_KEY, value: { ...readLibraryFolderStates(row?.value), ...changes } });
  });
}
