import { deleteWebToken, writeWebToken } from '../sync/webTokenStore';

/** Stores a source's token where this platform keeps secrets: the OS keychain on desktop, IndexedDB on the web. */
export async function saveSourceToken(sourceId: string, token: string): Promise<{ stored: boolean; reason?: string }> {
  const bridge = window.runbookReader;
  if (bridge) return bridge.setToken(sourceId, token);
  await writeWebToken(sourceId, token);
  return { stored: true };
}

export async function forgetSourceToken(sourceId: string): Promise<void> {
  const bridge = window.runbookReader;
  if (bridge) await bridge.deleteToken(sourceId);
  else await deleteWebToken(sourceId);
}

export function tokenStorageNote(): string {
  return window.runbookReader
    ? 'The token is encrypted with your system keychain and never shown again.'
    : 'The token is kept in this browser’s storage for this site only, and sent only to the repository’s host.';
}
