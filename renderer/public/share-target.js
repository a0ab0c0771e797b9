/* global self, caches */
// Loaded into the generated service worker (workbox importScripts). Android's share sheet sends a shared
// offline copy (a Git bundle or a zip) as a form POST to ./share-offline-copy; a static host cannot take a
// POST, so the worker keeps the file in a cache of its own and sends the page to Sources, which takes it
// from there (renderer/offlineCopy/sharedOfflineCopy.ts).
const SHARED_FILE_CACHE = 'runbook-reader-shared-file';
const SHARED_FILE_KEY = 'shared-offline-copy';

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || !url.pathname.endsWith('/share-offline-copy')) return;
  event.respondWith(
    (async () => {
      const form = await event.request.formData();
      const file = form.get('file');
      if (file && typeof file !== 'string') {
        const cache = await caches.open(SHARED_FILE_CACHE);
        await cache.put(SHARED_FILE_KEY, new Response(file, { headers: { 'x-file-name': encodeURIComponent(file.name) } }));
      }
      return Response.redirect(new URL('./#/sources', self.registration.scope).href, 303);
    })(),
  );
});
