import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { db } from '../../../renderer/app/database';
import {
  contactListsSnapshot,
  readContactLists,
  readContactListsAhead,
  subscribeContactLists,
} from '../../../renderer/contacts/contactListsCache';

async function cache(path: string, phone: string) {
  const text = `---\ntitle: "${path}"\n---\n# ${path}\n\n## Emergency contacts\n\n- Storage on-call: ${phone}\n`;
  const result = ingestRunbook('team', { path, bytes: new TextEncoder().encode(text) });
  if (result.kind !== 'runbook') throw new Error('not a runbook');
  await db.runbooks.put({ ...result.meta, cachedAt: '2026-12-01T00:00:00Z' });
}

const valuesOf = (rows: readonly { contacts?: { value: string[] } }[] | undefined) => rows?.flatMap((r) => r.contacts?.value ?? []).sort();

afterEach(() => vi.useRealTimers());

describe('contactListsCache', () => {
  it('reads the lists once and hands the same copy to every caller until they change', async () => {
    await cache('ops/a.md', '+1 415 555 0100');
    const [first, second] = await Promise.all([readContactLists(), readContactLists()]);
    expect(first).toBe(second);
    expect(valuesOf(first)).toEqual(['+1 415 555 0100']);
    expect(await readContactLists()).toBe(first);
    expect(contactListsSnapshot()).toBe(first);
  });

  it('reads again at once for an open panel when a runbook’s contacts change', async () => {
    const seen: string[][] = [];
    const unsubscribe = subscribeContactLists(() => seen.push(valuesOf(contactListsSnapshot()) ?? []));
    await cache('ops/b.md', '+1 415 555 0199');
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['+1 415 555 0100', '+1 415 555 0199']));
    unsubscribe();
  });

  it('drops the copy of a closed panel when the lists change and reads them ahead once the page has been idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await readContactLists();
    await cache('ops/c.md', '+1 415 555 0142');
    expect(contactListsSnapshot()).toBeUndefined();
    readContactListsAhead();
    await vi.advanceTimersByTimeAsync(500);
    expect(contactListsSnapshot()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(600);
    await vi.waitFor(() => expect(valuesOf(contactListsSnapshot())).toContain('+1 415 555 0142'));
  });
});
