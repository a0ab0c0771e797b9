import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { RunbookRepo, generateRunbooks } from '../helpers/makeRunbookRepo';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';
import { sourceIdNamed } from './support/sourceIdNamed';

const README = `---
title: "Storage Team Runbooks"
owner: "team-storage"
status: "active"
last_reviewed: 2026-11-01
---
# Storage Team Runbooks

- [Disk pressure](./disk-pressure.md#free-space-fast)
`;

const diskPressure = (step: string) => `---
title: "Disk Pressure"
owner: "team-storage"
area: "storage"
last_reviewed: 2026-11-01
---
# Disk Pressure

## Free space fast

1. ${step}
2. Check with \`df -h /var/lib/postgresql\`.
`;

describe('syncing a Git source in Chromium (loopback git http-backend)', () => {
  let root: string;
  let server: SharedGitServer;
  let repo: RunbookRepo;
  const app = appPerTest({ route: '/sources' });

  beforeAll(async () => {
    server = useSharedGitServer();
    root = server.root;
    repo = new RunbookRepo('main');
    repo.write('README.md', README).write('disk-pressure.md', diskPressure('Rotate logs with `logrotate -f /etc/logrotate.conf`.'));
    repo.commit('first runbooks');
    repo.publish(root, 'storage.git');
  });
  afterAll(async () => {
    await server?.close();
    repo?.dispose();
  });

  /** Adds the repository as a source on the Sources page and waits for its first sync to finish. */
  async function addSource(page: Page, name: string, url = server.url('storage.git')): Promise<Locator> {
    await page.getByLabel('Repository address (https)').fill(url);
    await page.getByLabel(/Display name/).fill(name);
    await page.getByRole('button', { name: 'Add and sync' }).click();
    const card = page.locator('.rr-source', { hasText: name });
    await expectText(card, /Last successful sync: .* at commit [0-9a-f]{7}/);
    return card;
  }

  it('adds a source, syncs it and shows where it came from and how fresh it is', async () => {
    const { page } = app();
    const card = await addSource(page, 'Storage runbooks');
    expect(await card.locator('code[title]').getAttribute('title')).toBe(repo.head());
    await page.locator('.rr-library-entry', { hasText: 'Disk Pressure' }).click();
    await expectText(page.locator('.rr-markdown'), 'logrotate -f /etc/logrotate.conf');
  });

  it('brings an upstream change on "Sync now" and marks the runbook as updated until opened', async () => {
    const { page, server: web } = app();
    const upstream = new RunbookRepo('main');
    try {
      upstream.write('README.md', README).write('disk-pressure.md', diskPressure('Rotate logs.'));
      upstream.commit('first runbooks');
      upstream.publish(root, 'storage-upstream.git');
      const card = await addSource(page, 'Changing runbooks', server.url('storage-upstream.git'));
      upstream.write('disk-pressure.md', diskPressure('Delete old WAL archives under /var/lib/postgresql/archive.'));
      const commit = upstream.commit('update disk pressure');
      await page.goto(`${web.url}#/sources`);
      await card.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(() => card.locator('code[title]').getAttribute('title')).toBe(commit);
      await expectText(card, 'Last change: 0 added, 1 updated, 0 removed.');
      const entry = page.locator('.rr-library-entry', { hasText: 'Disk Pressure' });
      await expectText(entry.locator('.rr-badge-new'), 'updated');
      await entry.click();
      await expectText(page.locator('.rr-markdown'), 'Delete old WAL archives');
      await expect.poll(() => entry.locator('.rr-badge-new').count()).toBe(0);
    } finally {
      upstream.dispose();
    }
  });

  it('still reads the synced runbooks with the network gone, from the service worker and the cache, and says it cannot reach the host', async () => {
    const current = app();
    const { page, server: web } = current;
    await addSource(page, 'Storage runbooks');
    await current.controlledByServiceWorker();
    await current.goOffline();
    await page.goto(`${web.url}#/read/${encodeURIComponent(await sourceIdNamed(page, 'Storage runbooks'))}/disk-pressure.md`);
    await page.reload();
    await expectText(page.locator('h1#rr-runbook-title'), 'Disk Pressure');
    await expectText(page.locator('.rr-markdown'), 'logrotate -f /etc/logrotate.conf');
    // The sync at start fails for want of a network: the app's own signal says so, whatever navigator.onLine claims.
    await expectText(page.locator('.rr-offline-banner'), `Can't reach ${new URL(server.origin).host} — showing the copy from`);
  });

  it('says why a sync failed and keeps what is cached', async () => {
    const { page } = app();
    await addSource(page, 'Storage runbooks');
    await page.getByLabel('Repository address (https)').fill(server.url('no-such-repo.git'));
    await page.getByLabel(/Display name/).fill('Missing repo');
    await page.getByRole('button', { name: 'Add and sync' }).click();
    const card = page.locator('.rr-source', { hasText: 'Missing repo' });
    await expectText(card.getByRole('alert'), /Last sync failed .*No repository was found at .*no-such-repo\.git \(HTTP 404\)/);
    await expectText(page.locator('.rr-library-entry', { hasText: 'Disk Pressure' }), 'Disk Pressure');
  });

  it('cancels a sync that is stuck mid-download and changes nothing', async () => {
    const { page } = app();
    await addSource(page, 'Storage runbooks');
    await page.getByLabel('Repository address (https)').fill(server.url('storage.git', { kind: 'stall', afterBytes: 200 }));
    await page.getByLabel(/Display name/).fill('Stalled mirror');
    await page.getByRole('button', { name: 'Add and sync' }).click();
    const card = page.locator('.rr-source', { hasText: 'Stalled mirror' });
    await card.getByRole('button', { name: 'Cancel sync' }).click();
    await expectText(card, 'Sync cancelled; nothing was changed.');
    expect(await card.getByRole('alert').count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
    await expectText(page.locator('.rr-library-entry', { hasText: 'Disk Pressure' }), 'Disk Pressure');
  });

  it('cancels a large first sync while it reads the runbooks, and changes nothing', async () => {
    // Large enough that reading the runbooks takes seconds: the pack is in memory by then, and the worker must still
    // take the cancel in between files.
    const large = new RunbookRepo('main');
    try {
      large.writeAll(generateRunbooks(1000)).commit('many runbooks');
      large.publish(root, 'large.git');
      const { page } = app();
      await page.locator('.rr-library-entry').first().waitFor();
      const entriesBefore = await page.locator('.rr-library-entry').count();
      await page.getByLabel('Repository address (https)').fill(server.url('large.git'));
      await page.getByLabel(/Display name/).fill('Large mirror');
      await page.getByRole('button', { name: 'Add and sync' }).click();
      const card = page.locator('.rr-source', { hasText: 'Large mirror' });
      await card.getByText('Reading runbooks').waitFor({ timeout: 60_000 });
      await card.getByRole('button', { name: 'Cancel sync' }).click();
      await expectText(card, 'Sync cancelled; nothing was changed.');
      await expectText(card, 'Not synced yet.');
      expect(await page.locator('.rr-library-entry').count()).toBe(entriesBefore);
    } finally {
      large.dispose();
    }
  });

  it('deletes the downloaded Git data of a source that no longer exists at the next start, and only that', async () => {
    const { page } = app();
    await addSource(page, 'Storage runbooks');
    await addSource(page, 'Left over');
    const leftOver = await page.evaluate(forgetSourceNamed, 'Left over');
    const kept = await page.evaluate(gitSourceFolders);
    await expect.poll(() => page.evaluate(objectStoreFolders)).toContain(leftOver);

    await page.reload();
    await expect.poll(() => page.evaluate(objectStoreFolders), { timeout: 10_000 }).not.toContain(leftOver);
    expect((await page.evaluate(objectStoreFolders)).sort()).toEqual(kept.sort());
    const card = page.locator('.rr-source', { hasText: 'Storage runbooks' });
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expectText(card, /Last successful sync/);
    expect(await card.getByRole('alert').count()).toBe(0);
  });
});

/**
 * Deletes the source named `name` from the cache as a removal whose store deletion failed would leave it
 * (or an app version from before removals deleted stores): the record is gone, its object store is not.
 * Returns the folder name of its object store. Runs in the page.
 */
async function forgetSourceNamed(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('runbook-reader');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
  });
  const store = db.transaction('sources', 'readwrite').objectStore('sources');
  const sources = await new Promise<{ id: string; name: string }[]>((resolve) => {
    const all = store.getAll();
    all.onsuccess = () => resolve(all.result as { id: string; name: string }[]);
  });
  const id = sources.find((source) => source.name === name)!.id;
  await new Promise((resolve) => (store.delete(id).onsuccess = resolve));
  db.close();
  return encodeURIComponent(id);
}

/** Object store folder names of the Git sources the cache holds. Runs in the page. */
async function gitSourceFolders(): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const open = indexedDB.open('runbook-reader');
    open.onsuccess = () => resolve(open.result);
  });
  const sources = await new Promise<{ id: string; kind: string }[]>((resolve) => {
    const all = db.transaction('sources').objectStore('sources').getAll();
    all.onsuccess = () => resolve(all.result as { id: string; kind: string }[]);
  });
  db.close();
  return sources.filter((source) => source.kind === 'git').map((source) => encodeURIComponent(source.id));
}

/**
 * The folders under `/sources` in the sync worker's file system, read from LightningFS's saved directory
 * tree (a Map of name → Map, key 0 being the entry's own stat). Runs in the page.
 */
async function objectStoreFolders(): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve) => {
    const open = indexedDB.open('runbook-reader-git');
    open.onsuccess = () => resolve(open.result);
  });
  const root = await new Promise<Map<unknown, unknown> | undefined>((resolve) => {
    const get = db.transaction('runbook-reader-git_files').objectStore('runbook-reader-git_files').get('!root');
    get.onsuccess = () => resolve(get.result as Map<unknown, unknown> | undefined);
  });
  db.close();
  const sources = (root?.get('/') as Map<unknown, unknown> | undefined)?.get('sources') as Map<unknown, unknown> | undefined;
  return [...(sources?.keys() ?? [])].filter((key): key is string => typeof key === 'string');
}
