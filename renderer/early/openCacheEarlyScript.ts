/**
 * The entry of the small classic script the built page loads before the app (see openCacheEarlyPlugin.ts): it
 * imports nothing that carries code, so it is ready within milliseconds of the page's HTML.
 */
import { DATABASE_NAME } from '../../core/cache/databaseName';
import { openCacheEarly } from './openCacheEarly';

// A page without IndexedDB (some private modes) gets the app's own message when the app opens the cache.
try {
  if (typeof indexedDB !== 'undefined') openCacheEarly(indexedDB, DATABASE_NAME);
} catch {
  // As above: the app's own open says what is wrong.
}
