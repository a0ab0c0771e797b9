import { db } from '../app/database';

/**
 * Git access tokens in the browser build. Browsers have no OS keychain, so the token is kept in this
 * origin's IndexedDB (never in a URL or a log) and the Sources screen says so. The desktop app keeps
 * tokens in the main process with Electron's safeStorage instead.
 */
const key = (sourceId: string) => `git-token:${sourceId}`;

export async function readWebToken(sourceId: string): Promise<string | undefined> {
  const row = await db.settings.get(key(sourceId));
  return typeof row?.value === 'string' ? row.value : undefined;
}

export async function writeWebToken(sourceId: string, token: string): Promise<void> {
  await db.settings.put({ key: key(sourceId), value: token });
}

export async function deleteWebToken(sourceId: string): Promise<void> {
  await db.settings.delete(key(sourceId));
}
