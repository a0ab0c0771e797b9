/**
 * Which URLs the app hands to the operating system (browser, mail client, dialer, chat client).
 * The allowlist itself is shared with the renderer in `core/links/externalUrlPolicy.ts`.
 */
import { isAllowedExternalUrl, schemeOf } from '../../core/links/externalUrlPolicy';

/** The allowlist refuses longer URLs; knowing it here gives a truthful reason. */
const MAX_EXTERNAL_URL_LENGTH = 8192;

export type OpenExternalDecision = { allow: true } | { allow: false; reason: string };

/** Decides whether `url` may be opened outside the app. `chatSchemes` are the configured chat links. */
export function decideOpenExternal(url: unknown, chatSchemes: readonly string[] = []): OpenExternalDecision {
  if (typeof url !== 'string' || url.length === 0) return { allow: false, reason: 'No link to open.' };
  if (isAllowedExternalUrl(url, chatSchemes)) return { allow: true };
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return { allow: false, reason: 'The link is too long to be opened.' };
  const scheme = schemeOf(url);
  if (scheme === undefined) return { allow: false, reason: 'The link is not a complete address.' };
  if (scheme === 'http:' || scheme === 'https:') {
    return { allow: false, reason: 'Web links with a user name or password, or without a host, are not opened.' };
  }
  return { allow: false, reason: `Links of type "${scheme}" are not opened outside the app.` };
}
