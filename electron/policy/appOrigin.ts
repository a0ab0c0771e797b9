/**
 * Where the app's own pages live. The renderer is served from `app://bundle/` by
 * `electron/appProtocol.ts`; everything else is foreign.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True when `url` is on the app's own origin. Compares the parsed scheme, host, port and
 * credentials, never string prefixes (`app://bundle.evil`, `app://bundle@evil` are foreign).
 * Node's `URL` gives non-special schemes an opaque `origin` of "null", so the parts are compared.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    // Chromium lower-cases the host of standard schemes; Node keeps it as written.
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
