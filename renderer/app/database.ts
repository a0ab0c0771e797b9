import { RunbookDatabase } from '../../core/cache/runbookDatabase';

/** The one cache connection of this window (IndexedDB through Dexie). */
export const db = new RunbookDatabase();
