/**
 * Which URLs may leave the app (system browser, mail client, dialer, chat client).
 * Runbook content is untrusted, so anything not on this list is never followed.
 */
export const DEFAULT_EXTERNAL_SCHEMES: readonly string[] = ['https:', 'http:', 'mailto:', 'tel:'];

/** Parses `url` and returns its scheme (with the colon, lower case) or undefined when it is not absolute. */
export function schemeOf(url: string): string | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim());
  return match ? `${match[1]!.toLowerCase()}:` : undefined;
}

/**
 * True when `url` may be opened outside the app: an absolute URL whose scheme is on the default
 * allowlist or among `chatSchemes` (for example `slack:` when a chat workspace is configured).
 */
export function isAllowedExternalUrl(url: string, chatSchemes: readonly string[] = []): boolean {
  if (url.length > 8192) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme === 'http:' || scheme === 'https:') {
    return parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '';
  }
  return DEFAULT_EXTERNAL_SCHEMES.includes(scheme) || chatSchemes.map((s) => s.toLowerCase()).includes(scheme);
}
