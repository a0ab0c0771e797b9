import { originOf, type SourceToken } from '../../core/sync/tokenBinding';
import { db } from '../app/database';

/** A saved token, the origin it may be sent to, and the CORS proxy (if any) the person trusted with it. */
export interface WebToken {
  token: SourceToken;
  /** The proxy address the person ticked as trusted when saving; another proxy never sees the token. */
  trustedProxy?: string | undefined;
}

/**
 * Git access tokens in the browser build. Browsers have no OS keychain, so the token is kept in this
 * origin's IndexedDB (never in a URL or a log) and the Sources screen says so. The desktop app keeps
 * tokens in the main process with Electron's safeStorage instead.
 */
const key = (sourceId: string) => `git-token:${sourceId}`;

/**
 * The source's token, or undefined. A token saved before tokens were bound to an origin (a bare string)
 * reads as none: it is never sent, and the person enters it again.
 */
export async function readWebToken(sourceId: string): Promise<WebToken | undefined> {
  const row = await db.settings.get(key(sourceId));
  const value = row?.value as { value?: unknown; origin?: unknown; trustedProxy?: unknown } | undefined;
  if (typeof value !== 'object' || value === null || typeof value.value !== 'string' || typeof value.origin !== 'string') return undefined;
  if (originOf(value.origin) !== value.origin) return undefined;
  return {
    token: { value: value.value, origin: value.origin },
    trustedProxy: typeof value.trustedProxy === 'string' ? value.trustedProxy : undefined,
  };
}

export async function writeWebToken(sourceId: string, saved: WebToken): Promise<void> {
  const { token, trustedProxy } = saved;
  await db.settings.put({
    key: key(sourceId),
    value: { value: token.value, origin: token.origin, trustedProxy: trustedProxy || undefined },
  });
}

export async function deleteWebToken(sourceId: string): Promise<void> {
  await db.settings.delete(key(sourceId));
}
