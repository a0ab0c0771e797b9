/**
 * What a page may do with its own webContents: navigate (only inside the app), open windows
 * (never; allowlisted links go to the operating system instead).
 */
import { isAppUrl } from './appOrigin';
import { decideOpenExternal } from './externalLinks';

export type NavigationDecision = { action: 'allow' } | { action: 'open-externally'; url: string } | { action: 'deny'; reason: string };

/**
 * Top-level navigation of the app window. App pages may navigate among themselves; a link to an
 * allowlisted external URL is opened outside the app instead; anything else is blocked.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' };
  const external = decideOpenExternal(url);
  if (external.allow) return { action: 'open-externally', url };
  return { action: 'deny', reason: external.reason };
}

/**
 * Redirects and sub-frame navigations are never a person's click, so they are never handed to the
 * operating system: inside the app or nothing.
 */
export function decideRedirectOrSubframe(url: string): NavigationDecision {
  return isAppUrl(url) ? { action: 'allow' } : { action: 'deny', reason: 'Redirects and embedded frames cannot leave the app.' };
}

export type WindowOpenDecision = { action: 'deny'; openExternally?: string };

/** `window.open` / `target=_blank`: the app never opens a second window. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return decideOpenExternal(url).allow ? { action: 'deny', openExternally: url } : { action: 'deny' };
}
