import { insecureTokenAddress, originOf } from '../../core/sync/tokenBinding';
import { deleteWebToken, writeWebToken } from '../sync/webTokenStore';

/**
 * Stores a source's token where this platform keeps secrets (the OS keychain on desktop, IndexedDB on the
 * web), bound to the origin of the source's address: it is never sent to another. On desktop main binds
 * it to the address it saved for the source (`saveSource` first). `trustedProxy`: the browser build's
 * CORS proxy the person allowed to carry the token.
 */
export async function saveSourceToken(
  source: { id: string; location: string },
  token: string,
  trustedProxy?: string,
): Promise<{ stored: boolean; reason?: string | undefined }> {
  const bridge = window.runbookReader;
  if (bridge) return bridge.setToken(source.id, token);
  const origin = originOf(source.location);
  if (!origin) return { stored: false, reason: 'the repository address is not an http(s) address' };
  const insecure = insecureTokenAddress(source.location);
  if (insecure) return { stored: false, reason: insecure };
  await writeWebToken(source.id, { token: { value: token, origin }, trustedProxy });
  return { stored: true };
}

export async function forgetSourceToken(sourceId: string): Promise<void> {
  const bridge = window.runbookReader;
  if (bridge) await bridge.deleteToken(sourceId);
  else await deleteWebToken(sourceId);
}

export function tokenStorageNote(): string {
  return window.runbookReader
    ? 'The token is encrypted with your system keychain and never shown again. It is sent only to this repository’s host (never to another one, not even after a redirect); if the address later changes to another host, enter the token again.'
    : 'The token is kept in this browser’s storage for this site only, and sent only to this repository’s host (never to another one, not even after a redirect, and not through the CORS proxy unless you trust it below); if the address later changes to another host, enter the token again.';
}
