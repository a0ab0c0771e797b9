/** The IndexedDB database of the cache (its own module: the page's early open script carries nothing else). */
export const DATABASE_NAME = 'runbook-reader';
