import type { SourceSettings } from '../../core/desktop/ipcContract';
import { insecureTokenAddress, originOf } from '../../core/sync/tokenBinding';
import type { Platform } from '../app/platform';
import { deleteWebToken, writeWebToken } from '../sync/webTokenStore';

/** Where this platform keeps a Git source's token and settings; `appServices()` hands out the page's own. */
export interface SourceTokens {
  /**
   * Tells the platform where a Git source syncs from: on desktop the main process keeps its own copy and
   * syncs only from it (and binds tokens to its origin); the browser reads the source record itself.
   */
  saveSettings(settings: SourceSettings): Promise<{ saved: boolean; reason?: string | undefined }>;
  /**
   * Stores a source's token where this platform keeps secrets (the OS keychain on desktop, this site's
   * IndexedDB on the web), bound to the origin of the source's address: it is never sent to another.
   * `trustedProxy`: the browser build's CORS proxy the person allowed to carry the token.
   */
  save(
    source: { id: string; location: string },
    token: string,
    trustedProxy?: string,
  ): Promise<{ stored: boolean; reason?: string | undefined }>;
  forget(sourceId: string): Promise<void>;
  /** Where the token is kept and where it goes, in a sentence for the form. */
  storageNote: string;
  /** The browser build sends syncs through a CORS proxy when one is set; the desktop app needs none. */
  usesCorsProxy: boolean;
}

export function sourceTokensFor(platform: Platform): SourceTokens {
  if (platform.kind === 'desktop') {
    const bridge = platform.desktop;
    return {
      saveSettings: (settings) => bridge.saveSource(settings),
      // Main binds the token to the address it saved for the source (`saveSettings` first).
      save: (source, token) => bridge.setToken(source.id, token),
      forget: (sourceId) => bridge.deleteToken(sourceId),
      storageNote:
        'The token is encrypted with your system keychain and never shown again. It is sent only to this repository’s host (never to another one, not even after a redirect); if the address later changes to another host, enter the token again.',
      usesCorsProxy: false,
    };
  }
  return {
    saveSettings: async () => ({ saved: true }),
    async save(source, token, trustedProxy) {
      const origin = originOf(source.location);
      if (!origin) return { stored: false, reason: 'the repository address is not an http(s) address' };
      const insecure = insecureTokenAddress(source.location);
      if (insecure) return { stored: false, reason: insecure };
      await writeWebToken(source.id, { token: { value: token, origin }, trustedProxy });
      return { stored: true };
    },
    forget: deleteWebToken,
    storageNote:
      'The token is kept in this browser’s storage for this site only, and sent only to this repository’s host (never to another one, not even after a redirect, and not through the CORS proxy unless you trust it below); if the address later changes to another host, enter the token again.',
    usesCorsProxy: true,
  };
}
