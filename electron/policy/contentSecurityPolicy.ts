/**
 * The Content-Security-Policy sent with every response of the `app://` protocol.
 * Runbook content is untrusted; this is the backstop if markup ever slips through the renderer.
 */
const DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'self'"],
  // Vite's production build emits only external module scripts. No 'wasm-unsafe-eval': nothing in
  // the renderer uses WebAssembly (search is plain JS, Git sync runs in the main process).
  ['script-src', "'self'"],
  // React's `style` prop goes through the CSSOM and would not need this; 'unsafe-inline' is kept for
  // `<style>` elements and `style=""` attributes that UI libraries emit (syntax-highlight themes,
  // React 19 hoisted styles). Styles cannot run script, so the cost is low; drop it once the
  // renderer is confirmed free of inline styles.
  ['style-src', "'self'", "'unsafe-inline'"],
  // data: for small assets Vite inlines; blob: for runbook images the renderer reads from its cache.
  // https: for images of other sites, which the reader shows only when Settings → Privacy allows it.
  ['img-src', "'self'", 'data:', 'blob:', 'https:'],
  // Git sync runs in the main process, so the renderer never talks to the network.
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The policy as a header value. */
export function contentSecurityPolicy(): string {
  return DIRECTIVES.map((directive) => directive.join(' ')).join('; ');
}

/** Headers that every `app://` response carries, whatever its status. */
export function appResponseSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
