import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import {
  clearRecentSearches,
  MAX_RECENT_SEARCHES,
  RECENT_SEARCHES_KEY,
  recentSearches,
  rememberSearch,
} from '../../../core/search/recentSearches';
import { openTestDatabase } from '../cache/testDatabase';

let db: RunbookDatabase;
beforeEach(() => {
  db = openTestDatabase();
});
afterEach(async () => {
  await db.delete();
});

describe('recent searches', () => {
  it('keeps the newest first, once each, ignoring case and spacing', async () => {
    await rememberSearch(db, 'rollback');
    await rememberSearch(db, 'ban  user ');
    expect(await rememberSearch(db, 'Rollback')).toEqual(['Rollback', 'ban user']);
    expect(await recentSearches(db)).toEqual(['Rollback', 'ban user']);
  });

  it('keeps at most the last ten and ignores blank queries', async () => {
    for (let i = 0; i < 15; i++) await rememberSearch(db, `query ${i}`);
    await rememberSearch(db, '   ');
    const list = await recentSearches(db);
    expect(list).toHaveLength(MAX_RECENT_SEARCHES);
    expect(list[0]).toBe('query 14');
  });

  it('caps a very long query', async () => {
    const [first] = await rememberSearch(db, 'x'.repeat(10_000));
    expect(first!.length).toBe(256);
  });

  it('reads an unexpected stored value as no recent searches, and can clear them', async () => {
    await db.settings.put({ key: RECENT_SEARCHES_KEY, value: { not: 'a list' } });
    expect(await recentSearches(db)).toEqual([]);
    await db.settings.put({ key: RECENT_SEARCHES_KEY, value: ['ok', 42, null] });
    expect(await recentSearches(db)).toEqual(['ok']);
    await clearRecentSearches(db);
    expect(await recentSearches(db)).toEqual([]);
  });
});
