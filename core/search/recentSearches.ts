import type { RunbookDatabase } from '../cache/runbookDatabase';
import { MAX_QUERY_CHARS } from './parseSearchQuery';

/** Settings key of the recent searches (newest first). */
export const RECENT_SEARCHES_KEY = 'search.recent';
export const MAX_RECENT_SEARCHES = 10;

/** The recent searches, newest first; an unreadable setting counts as none. */
export async function recentSearches(db: RunbookDatabase): Promise<string[]> {
  const row = await db.settings.get(RECENT_SEARCHES_KEY);
  const value = row?.value;
  return Array.isArray(value) ? value.filter((q): q is string => typeof q === 'string').slice(0, MAX_RECENT_SEARCHES) : [];
}

/**
 * Puts a query at the top of the recent searches (once: the same query in another case or spacing replaces the
 * older one) and returns the new list. Blank queries are not kept.
 */
export async function rememberSearch(db: RunbookDatabase, query: string): Promise<string[]> {
  const cleaned = query.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
  if (cleaned === '') return recentSearches(db);
  return db.transaction('rw', db.settings, async () => {
    const same = (q: string) => q.toLowerCase() === cleaned.toLowerCase();
    const list = [cleaned, ...(await recentSearches(db)).filter((q) => !same(q))].slice(0, MAX_RECENT_SEARCHES);
    await db.settings.put({ key: RECENT_SEARCHES_KEY, value: list });
    return list;
  });
}

export async function clearRecentSearches(db: RunbookDatabase): Promise<void> {
  await db.settings.delete(RECENT_SEARCHES_KEY);
}
