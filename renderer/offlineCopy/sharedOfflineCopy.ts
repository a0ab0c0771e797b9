/** Where renderer/public/share-target.js (in the service worker) keeps a file shared to the installed app. */
const SHARED_FILE_CACHE = 'runbook-reader-shared-file';
const SHARED_FILE_KEY = 'shared-offline-copy';

/** The file shared to the app through Android's share sheet, taken once (then deleted); undefined when none. */
export async function takeSharedOfflineCopy(): Promise<File | undefined> {
  if (typeof caches === 'undefined') return undefined;
  const cache = await caches.open(SHARED_FILE_CACHE);
  const response = await cache.match(SHARED_FILE_KEY);
  if (!response) return undefined;
  await cache.delete(SHARED_FILE_KEY);
  const name = decodeURIComponent(response.headers.get('x-file-name') ?? 'shared-offline-copy');
  return new File([await response.blob()], name);
}
