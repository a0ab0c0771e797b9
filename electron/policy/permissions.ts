/** Which web permissions the app's pages get. */
import { isAppUrl } from './appOrigin';

/**
 * Permissions granted, and only to the app's own origin:
 * - `clipboard-sanitized-write`: the Copy buttons beside every command and contact use
 *   `navigator.clipboard.writeText`. It can only write (sanitised) data, never read the clipboard.
 * Everything else (camera, microphone, geolocation, notifications, clipboard read, HID, USB,
 * serial, external protocols, ...) is denied: a runbook reader needs none of it.
 */
const GRANTED: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function decidePermission(permission: string, requestingUrl: string): boolean {
  return GRANTED.has(permission) && isAppUrl(requestingUrl);
}
