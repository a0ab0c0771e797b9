import type { Page } from 'playwright-core';

/** The cache's id of the source named `name`. */
export async function sourceIdNamed(page: Page, name: string): Promise<string> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('runbook-reader');
      open.onsuccess = () => resolve(open.result);
    });
    const sources = await new Promise<{ id: string; name: string }[]>((resolve) => {
      const all = db.transaction('sources').objectStore('sources').getAll();
      all.onsuccess = () => resolve(all.result as { id: string; name: string }[]);
    });
    db.close();
    return sources.find((source) => source.name === wanted)!.id;
  }, name);
}
