/**
 * isomorphic-git's HTTP client over Electron's `net.fetch`, for the sync in the main process.
 *
 * Why not `isomorphic-git/http/node`: Node's http ignores the system proxy. `net.fetch` goes through
 * Chromium's network stack, which uses the operating system's proxy settings, PAC scripts and WPAD, and
 * handles proxy sign-in schemes such as Negotiate/Kerberos and NTLM (Electron's `net` documentation) —
 * what a corporate on-call laptop needs.
 */
import { net } from 'electron';
import { fetchHttpClient } from '../core/sync/fetchHttpClient';
import { classifiableNetError } from './netErrors';

export const netHttpClient = fetchHttpClient((url, init) => net.fetch(url, init), {
  // Never hand the request (or a redirect of it) to the app's own `app://` protocol handler.
  extraInit: { bypassCustomProtocolHandlers: true },
  describeError: classifiableNetError,
});
