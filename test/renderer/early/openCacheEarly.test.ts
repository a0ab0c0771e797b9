import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { RunbookDatabase } from '../../../core/cache/runbookDatabase';
import { openCacheEarly } from '../../../renderer/early/openCacheEarly';

/** Waits until the early request has settled either way. */
function settled(request: IDBOpenDBRequest): Promise<'opened' | 'failed'> {
  return new Promise((resolve) => {
    request.addEventListener('success', () => resolve('opened'));
    request.addEventListener('error', () => resolve('failed'));
  });
}

describe('openCacheEarly', () => {
  it('creates no database on a first start, and the app then creates its own from scratch', async () => {
    const factory = new IDBFactory();
    expect(await settled(openCacheEarly(factory, 'cache'))).toBe('failed');
    expect(await factory.databases()).toEqual([]);

    const app = new RunbookDatabase('cache', { indexedDB: factory, IDBKeyRange });
    await app.open();
    // Created at the app's version with every table, not upgraded from an empty version 1.
    expect(app.backendDB().version).toBe(app.verno * 10);
    expect([...app.backendDB().objectStoreNames]).toEqual(expect.arrayContaining(['runbooks', 'bodies', 'sources', 'bookmarks']));
    app.close();
  });

  it('opens an existing cache and stands aside when the app upgrades or deletes it', async () => {
    const factory = new IDBFactory();
    const first = new RunbookDatabase('cache', { indexedDB: factory, IDBKeyRange });
    await first.open();
    first.close();

    const early = openCacheEarly(factory, 'cache');
    expect(await settled(early)).toBe('opened');

    // A newer schema: the open would stay blocked while the early connection held on.
    const upgrade = factory.open('cache', first.verno * 10 + 1);
    let blocked = false;
    await new Promise<void>((resolve, reject) => {
      upgrade.onblocked = () => ((blocked = true), resolve());
      upgrade.onsuccess = () => (upgrade.result.close(), resolve());
      upgrade.onerror = () => reject(upgrade.error ?? new Error('upgrade failed'));
    });
    expect(blocked).toBe(false);

    const deletion = factory.deleteDatabase('cache');
    await new Promise<void>((resolve, reject) => {
      deletion.onsuccess = () => resolve();
      deletion.onerror = () => reject(deletion.error ?? new Error('deletion failed'));
    });
    expect(await factory.databases()).toEqual([]);
  });
});
