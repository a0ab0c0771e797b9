/* global self */
// Loaded into the generated service worker (workbox importScripts). The app's built files under assets/ carry a
// hash of their content in their names and are all precached under their plain address, so the browser may answer
// them from the cache itself (the Service Worker Static Routing API) instead of starting this worker's fetch handler
// for each: a start asks for about ten of them at once. Another file, or a browser without the API, goes through
// the fetch handler as before; an address missing from the cache goes to the network.
self.addEventListener('install', (event) => {
  if (typeof event.addRoutes !== 'function') return;
  const scope = new URL(self.registration.scope);
  // Components, not one pattern string: in a string, the port's colon and the path could read as pattern syntax.
  const assets = {
    protocol: scope.protocol.slice(0, -1),
    hostname: scope.hostname,
    port: scope.port,
    pathname: `${scope.pathname}assets/*`,
  };
  event.waitUntil(
    event.addRoutes([{ condition: { urlPattern: assets }, source: 'cache' }]).catch(() => {
      // Routes are only a shortcut: without them the fetch handler answers the same.
    }),
  );
});
