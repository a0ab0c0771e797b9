/**
 * The Content-Security-Policy of the web build, set by a `<meta http-equiv>` tag that vite.config.ts writes
 * into the built index.html (a static host may send no headers at all). It follows the desktop policy
 * (electron/policy/contentSecurityPolicy.ts) with the web build's differences: Git sync runs in a worker that
 * fetches the repository's host (or the CORS proxy the user set), and a meta tag cannot carry
 * `frame-ancestors`. Runbook content is untrusted; this is the backstop if markup ever slips through.
 */
const DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'self'"],
  // Only the built module scripts; no inline script, no eval, no WebAssembly.
  ['script-src', "'self'"],
  // The search and sync workers and the service worker are files of the app itself.
  ['worker-src', "'self'"],
  // As on desktop: `<style>` elements and `style=""` attributes that libraries emit; styles cannot run script.
  ['style-src', "'self'", "'unsafe-inline'"],
  // data: for small assets Vite inlines; blob: for runbook images read from the cache.
  // https: for images of other sites, which the reader shows only when Settings → Privacy allows it.
  ['img-src', "'self'", 'data:', 'blob:', 'https:'],
  // A Git source may live on any https host (http on a loopback test server); tokens over plain http are
  // refused by the sync rules, not here.
  ['connect-src', "'self'", 'https:', 'http:'],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** The policy as the `content` of the meta tag. */
export function webContentSecurityPolicy(): string {
  return DIRECTIVES.map((directive) => directive.join(' ')).join('; ');
}
