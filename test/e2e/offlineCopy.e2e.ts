import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunbookRepo, git } from '../helpers/makeRunbookRepo';
import { bundleWithAlteredObject } from '../core/offlineCopy/bundleFixture';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';
import { sourceIdNamed } from './support/sourceIdNamed';
import { addSource } from './support/addSource';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';

const DISK_PRESSURE = `---
title: "Disk Pressure"
owner: "team-storage"
last_reviewed: 2026-11-01
---
# Disk Pressure

## Free space fast

1. Rotate logs with \`logrotate -f /etc/logrotate.conf\`.
`;

/** The commit the page's cache holds for a source. */
function sourceVersion(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('runbook-reader');
      open.onsuccess = () => resolve(open.result);
    });
    const source = await new Promise<{ version?: string } | undefined>((resolve) => {
      const get = db.transaction('sources').objectStore('sources').get(wanted);
      get.onsuccess = () => resolve(get.result as { version?: string } | undefined);
    });
    db.close();
    return source?.version;
  }, id);
}

/** The web app manifest the page links to, with its own address (its relative URLs resolve against it). */
interface OfflineCopyManifest {
  url: string;
  start_url: string;
  file_handlers?: Array<{ action: string; accept: Record<string, string[]> }>;
  share_target?: { action: string; method: string; enctype: string; params: { files?: Array<{ name: string; accept: string[] }> } };
}
function readManifest(page: Page): Promise<OfflineCopyManifest> {
  return page.evaluate(async () => {
    const url = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
    return { url, ...((await (await fetch(url)).json()) as Omit<OfflineCopyManifest, 'url'>) };
  });
}

describe('offline copies in Chromium', () => {
  const app = appPerTest({ route: '/sources' });
  let repo: RunbookRepo;
  let files: string;
  let bundlePath: string;
  let head: string;
  let first: string;
  let olderPath: string;
  let bothPath: string;

  beforeAll(() => {
    files = mkdtempSync(join(tmpdir(), 'offline-copy-e2e-'));
    repo = new RunbookRepo('main');
    repo.write('README.md', '# Storage runbooks\n').write('storage/disk-pressure.md', DISK_PRESSURE);
    first = repo.commit('first');
    repo.write('storage/replication.md', '# Replication lag\n\nCheck the replica.\n');
    head = repo.commit('second');
    bundlePath = join(files, 'runbooks.bundle');
    git(repo.workDir, ['bundle', 'create', '-q', bundlePath, 'main']);
    git(repo.workDir, ['branch', 'yesterday', first]);
    olderPath = join(files, 'yesterday.bundle');
    git(repo.workDir, ['bundle', 'create', '-q', olderPath, 'yesterday']);
    bothPath = join(files, 'both.bundle');
    git(repo.workDir, ['bundle', 'create', '-q', bothPath, 'main', 'yesterday']);
  });
  afterAll(() => {
    repo?.dispose();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('imports a Git bundle with the network off, then reads a runbook from it with its provenance', async () => {
    const { page, controlledByServiceWorker, goOffline, errors } = app();
    await controlledByServiceWorker();
    await page.goto(page.url().replace(/#.*$/, '#/sources'));
    await goOffline();

    await page.getByTestId('offline-copy-input').setInputFiles(bundlePath);
    await expectText(page.locator('.rr-offline-choice legend'), 'Import runbooks.bundle (Git bundle) into');
    await page.getByLabel('Name of the new source').fill('Storage (from a bundle)');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expectText(page.locator('.rr-offline-copy [role="status"]'), 'Imported runbooks.bundle into “Storage (from a bundle)”: 3 added');

    const id = await sourceIdNamed(page, 'Storage (from a bundle)');
    await page.goto(page.url().replace(/#.*$/, `#/read/${id}/storage/disk-pressure.md`));
    await expectText(page.locator('h1.rr-runbook-title'), 'Disk Pressure');
    await expectText(
      page.getByTestId('provenance'),
      new RegExp(`^Imported from runbooks\\.bundle on .*, commit ${head.slice(0, 7)}, committed `),
    );
    await expectText(page.locator('.rr-markdown, article').first(), 'logrotate -f /etc/logrotate.conf');
    expect(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
  });

  it('refuses a file that is neither a bundle nor a zip and changes nothing', async () => {
    const { page } = app();
    const text = join(files, 'notes.txt');
    writeFileSync(text, 'not runbooks\n');
    // The Sources page loads on first visit: count its cards (the bundled source's at least) once drawn.
    await page.locator('.rr-source').first().waitFor();
    const before = await page.locator('.rr-source').count();
    await page.getByTestId('offline-copy-input').setInputFiles(text);
    await expectText(
      page.locator('.rr-offline-copy [role="alert"]'),
      '"notes.txt" is neither a Git bundle nor a zip. Nothing was changed.',
    );
    expect(await page.locator('.rr-source').count()).toBe(before);
  });

  it('saves an imported source as a bundle that git bundle verify and git clone accept', async () => {
    const { page } = app();
    await page.getByTestId('offline-copy-input').setInputFiles(bundlePath);
    await page.getByLabel('Name of the new source').fill('Storage');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expectText(page.locator('.rr-offline-copy [role="status"]'), 'Imported runbooks.bundle');

    const card = page.locator('.rr-source', { hasText: 'Storage' });
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Save offline copy' }).click()]);
    expect(download.suggestedFilename()).toBe(`Storage-${head.slice(0, 7)}.bundle`);
    const saved = join(files, 'saved.bundle');
    await download.saveAs(saved);
    await expectText(card.locator('.rr-source-save-note'), 'git clone and Runbook Reader both read it');

    const empty = mkdtempSync(join(tmpdir(), 'offline-copy-verify-'));
    try {
      git(empty, ['init', '-q']);
      git(empty, ['bundle', 'verify', '-q', saved]); // throws unless git accepts it
      git(empty, ['clone', '-q', saved, 'clone']);
      expect(git(join(empty, 'clone'), ['rev-parse', 'HEAD'])).toBe(head);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('imports a zip dropped onto the window, from inside its top folder', async () => {
    const { page } = app();
    const zip = zipSync({ 'ops-runbooks': { 'net/dns.md': strToU8('# DNS failover\n\nSwitch the resolver.\n') } });
    await page.evaluate((bytes: number[]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'ops-runbooks.zip', { type: 'application/zip' }));
      for (const type of ['dragover', 'drop'])
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, Array.from(zip));
    await expectText(page.locator('.rr-offline-choice legend'), 'Import ops-runbooks.zip (zip) into');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expectText(page.locator('.rr-offline-copy [role="status"]'), 'Imported ops-runbooks.zip into “ops-runbooks”: 1 added');
    const id = await sourceIdNamed(page, 'ops-runbooks');
    await page.goto(page.url().replace(/#.*$/, `#/read/${id}/net/dns.md`));
    await expectText(page.locator('h1.rr-runbook-title'), 'DNS failover');
    await expectText(page.getByTestId('provenance'), /^Imported from ops-runbooks\.zip on .*, a zip, so no commit$/);

    // A source made from a zip can be removed like a Git source.
    await page.goto(page.url().replace(/#.*$/, '#/sources'));
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('.rr-source', { hasText: 'ops-runbooks' }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.locator('.rr-source', { hasText: 'ops-runbooks' }).count(), { timeout: 10_000 }).toBe(0);
  });

  it('never applies an older copy silently: both commits are shown and the person chooses', async () => {
    const { page } = app();
    await page.getByTestId('offline-copy-input').setInputFiles(bundlePath);
    await page.getByLabel('Name of the new source').fill('Storage');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expectText(page.locator('.rr-offline-copy [role="status"]'), 'Imported runbooks.bundle');

    await page.getByTestId('offline-copy-input').setInputFiles(olderPath);
    await page.locator('.rr-offline-option', { hasText: 'update “Storage”' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const question = page.locator('.rr-offline-copy [role="alert"]');
    await expectText(question, 'This copy is not newer than what you have. Nothing was changed yet.');
    await expectText(
      question,
      new RegExp(`In the filecommit ${first.slice(0, 7)}, committed .*On this devicecommit ${head.slice(0, 7)}, committed `),
    );
    const id = await sourceIdNamed(page, 'Storage');
    expect(await sourceVersion(page, id)).toBe(head); // nothing applied while the person has not chosen

    await question.getByRole('button', { name: 'Use the file’s commit anyway' }).click();
    await expectText(
      page.locator('.rr-offline-copy [role="status"]'),
      'Imported yesterday.bundle into “Storage”: 0 added, 0 updated, 1 removed',
    );
    await page.goto(page.url().replace(/#.*$/, `#/read/${id}/storage/disk-pressure.md`));
    await expectText(page.getByTestId('provenance'), `Imported from yesterday.bundle on `);
  });

  it('asks which branch when the bundle holds several, and imports the one picked', async () => {
    const { page } = app();
    await page.getByTestId('offline-copy-input').setInputFiles(bothPath);
    await page.getByLabel('Name of the new source').fill('Both');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const question = page.locator('.rr-offline-copy [role="alert"]');
    await expectText(question, 'The bundle holds several branches. Which one holds the runbooks?');
    expect(await page.locator('.rr-source', { hasText: 'Both' }).count()).toBe(0); // nothing made before the choice
    await question.getByRole('button', { name: 'yesterday', exact: true }).click();
    await expectText(page.locator('.rr-offline-copy [role="status"]'), 'Imported both.bundle into “Both”: 2 added');
    expect(await sourceVersion(page, await sourceIdNamed(page, 'Both'))).toBe(first);
  });

  it('refuses a 2 GB file by its size, without reading it, and changes nothing', async () => {
    const { page } = app();
    const huge = join(files, 'huge.bundle');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 2 * 1024 ** 3); // sparse: nothing is written to disk
    closeSync(fd);
    await page.locator('.rr-source').first().waitFor();
    const before = await page.locator('.rr-source').count();
    await page.getByTestId('offline-copy-input').setInputFiles(huge);
    await expectText(
      page.locator('.rr-offline-copy [role="alert"]'),
      'The file is 2 GiB, over the 512 MiB limit for an offline copy. Nothing was changed.',
    );
    expect(await page.locator('.rr-source').count()).toBe(before);
  });

  it('takes a file shared to the installed app (the manifest’s share target, kept by the service worker) into the import panel', async () => {
    const { page, controlledByServiceWorker } = app();
    await controlledByServiceWorker();
    const share = (await readManifest(page)).share_target!;
    expect(share).toMatchObject({ method: 'POST', enctype: 'multipart/form-data' });
    const field = share.params.files?.[0];
    expect(field?.accept).toEqual(expect.arrayContaining(['.bundle', '.zip']));
    const bytes = Array.from(readFileSync(bundlePath));
    // The share sheet's POST, as Android sends it from what the manifest says; the worker keeps the file and sends the page to Sources.
    const answered = await page.evaluate(
      async ({ content, action, name }) => {
        const form = new FormData();
        form.append(name, new File([new Uint8Array(content)], 'shared.bundle'));
        const response = await fetch(action, { method: 'POST', body: form });
        return response.ok;
      },
      { content: bytes, action: new URL(share.action, (await readManifest(page)).url).href, name: field!.name },
    );
    expect(answered).toBe(true);
    await page.reload();
    await expectText(page.locator('.rr-offline-choice legend'), 'Import shared.bundle (Git bundle) into');
  });

  it('the installed app opens .bundle and .zip files (the manifest’s file handlers), and takes the one it was launched with', async () => {
    const { page, context } = app();
    const manifest = await readManifest(page);
    const [handler] = manifest.file_handlers ?? [];
    expect(Object.values(handler?.accept ?? {}).flat()).toEqual(expect.arrayContaining(['.bundle', '.zip']));
    // Launched into the app itself: the page that reads the launch queue.
    expect(new URL(handler!.action, manifest.url).href).toBe(new URL(manifest.start_url, manifest.url).href);

    // Chromium queues the launch files for the page; a headless test cannot install the app, so the queue is
    // played by a stand-in with the same shape, holding the file as the OS would hand it over.
    await context.addInitScript(
      (content: number[]) => {
        const file = new File([new Uint8Array(content)], 'launched.bundle');
        Object.defineProperty(window, 'launchQueue', {
          configurable: true,
          value: {
            setConsumer: (consume: (params: { files: unknown[] }) => void) =>
              consume({ files: [{ kind: 'file', getFile: async () => file }] }),
          },
        });
      },
      Array.from(readFileSync(bundlePath)),
    );
    await page.goto(page.url().replace(/#.*$/, '#/'));
    await page.reload();
    await expectText(page.locator('.rr-offline-choice legend'), 'Import launched.bundle (Git bundle) into');
    expect(page.url()).toMatch(/#\/sources$/);
  });

  it('the import panel and the older-commit choice fit a phone and pass axe', async () => {
    const { page } = app();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('offline-copy-input').setInputFiles(bundlePath);
    await page.getByLabel('Name of the new source').fill('Storage');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expectText(page.locator('.rr-offline-copy [role="status"]'), 'Imported runbooks.bundle');
    await page.getByTestId('offline-copy-input').setInputFiles(olderPath);
    await page.locator('.rr-offline-option', { hasText: 'update “Storage”' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.rr-offline-commits').waitFor();
    const problems: string[] = [];
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`page scrolls sideways by ${overflow}px`);
    const result = await new AxeBuilder({ page }).include('.rr-offline-copy').analyze();
    for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      problems.push(`${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('the import panel finds the synced source a bundle updates (Chromium, sync worker, loopback git http-backend)', () => {
  const app = appPerTest({ route: '/sources' });
  let server: SharedGitServer;
  let ops: RunbookRepo;
  let theirs: RunbookRepo;
  let files: string;
  let synced: string;

  beforeAll(() => {
    server = useSharedGitServer();
    files = mkdtempSync(join(tmpdir(), 'offline-copy-match-e2e-'));
    ops = new RunbookRepo('main');
    synced = ops.write('storage/disk-pressure.md', DISK_PRESSURE).commit('first');
    ops.publish(server.root, 'ops-match.git');
    theirs = new RunbookRepo('main');
    theirs.write('net/dns.md', '# DNS\n').commit('theirs');
    git(theirs.workDir, ['bundle', 'create', '-q', join(files, 'theirs.bundle'), 'main']);
  });
  afterAll(async () => {
    await server?.close();
    ops?.dispose();
    theirs?.dispose();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('a colleague’s newer bundle preselects “update” of the synced source and says why; another repository’s does not', async () => {
    const { page } = app();
    const card = await addSource(page, { url: server.url('ops-match.git'), name: 'Ops runbooks' });
    await expectText(card, `at commit ${synced.slice(0, 7)}`);
    // The colleague synced later and committed in a clone of their own: their bundle holds a newer commit that the
    // server does not, so the app's own scheduled sync cannot fetch it before the import (it did on a busy machine).
    const colleague = join(files, 'colleague');
    git(files, ['clone', '-q', ops.workDir, colleague]);
    writeFileSync(join(colleague, 'storage/replication.md'), '# Replication lag\n\nCheck the replica.\n');
    git(colleague, ['add', '-A']);
    git(colleague, ['commit', '-q', '-m', 'second']);
    const newer = join(files, 'colleague.bundle');
    git(colleague, ['bundle', 'create', '-q', newer, 'main']);

    const sourcesBefore = await page.locator('.rr-source').count();
    await page.getByTestId('offline-copy-input').setInputFiles(newer);
    await expectText(page.getByTestId('offline-copy-match'), `Same repository: contains ${synced.slice(0, 7)}.`);
    expect(await page.getByRole('radio', { name: /update “Ops runbooks”/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /a new source named/ }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expectText(page.locator('.rr-offline-copy [role="status"]'), 'Imported colleague.bundle into “Ops runbooks”: 1 added');
    expect(await page.locator('.rr-source').count()).toBe(sourcesBefore); // the synced source was updated, none was added

    await page.getByTestId('offline-copy-input').setInputFiles(join(files, 'theirs.bundle'));
    await expectText(
      page.getByTestId('offline-copy-match-note'),
      'No source here holds this repository’s commits; choose a new source or the one to update.',
    );
    expect(await page.getByRole('radio', { name: /a new source named/ }).isChecked()).toBe(true);
    expect(await page.getByTestId('offline-copy-match').count()).toBe(0);
  });
});

/** Stored verbatim in an uncompressed bundle, so one of its bytes can be altered. */
const MARKER = '# Marker\n\nKept verbatim in the uncompressed bundle: 5e1d2c.\n';

describe('bad offline copies in Chromium (the browser worker’s import): each says why and changes nothing', () => {
  const app = appPerTest({ route: '/sources' });
  let files: string;
  const bad: Array<[string, string, RegExp]> = [];

  beforeAll(() => {
    files = mkdtempSync(join(tmpdir(), 'offline-copy-bad-e2e-'));
    const repo = new RunbookRepo('main');
    try {
      repo.write('a.md', '# A\n').commit('first');
      repo.write('b.md', '# B\n').write('marker.md', MARKER).commit('second');
      const good = join(files, 'good.bundle');
      git(repo.workDir, ['bundle', 'create', '-q', good, 'main']);
      const thin = join(files, 'thin.bundle');
      git(repo.workDir, ['bundle', 'create', '-q', thin, 'main~1..main']);
      const bytes = new Uint8Array(readFileSync(good));
      const pack = bytes.findIndex((b, i) => b === 0x0a && bytes[i - 1] === 0x0a) + 1;
      const flipped = (at: number) => {
        const copy = new Uint8Array(bytes);
        copy[at] = copy[at]! ^ 0xff;
        return copy;
      };
      const header = new TextEncoder().encode('# v2 git bundle\n\n');
      const write = (name: string, content: Uint8Array) => writeFileSync(join(files, name), content);
      write('truncated.bundle', bytes.subarray(0, bytes.length - 60));
      write('flipped.bundle', flipped(pack + 40));
      write('checksum.bundle', flipped(bytes.length - 1));
      write('no-branch.bundle', new Uint8Array([...header, ...bytes.subarray(pack)]));
      write('climbs.zip', zipSync({ '../outside.md': strToU8('# Out\n') }));
      write('absolute.zip', zipSync({ '/etc/motd.md': strToU8('# Motd\n') }));
      write('link.zip', zipSync({ 'l.md': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] }));
      const bomb = zipSync({ 'bomb.md': new Uint8Array(20 * 1024 * 1024) }); // 20 MiB of zeros in a few KB
      const central = bomb.findIndex((b, i) => b === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 0x01 && bomb[i + 3] === 0x02);
      new DataView(bomb.buffer).setUint32(central + 24, 1000, true); // its directory says 1,000 bytes
      write('bomb.zip', bomb);
      write('altered.bundle', bundleWithAlteredObject(repo, MARKER));
      const many = zipSync({ 'a.md': strToU8('# A\n') });
      const end = new DataView(many.buffer, many.length - 22);
      end.setUint16(8, 60_000, true); // its end record claims 60,000 files
      end.setUint16(10, 60_000, true);
      write('many.zip', many);
      bad.push(
        ['truncated.bundle', 'a truncated bundle', /cut short/],
        ['flipped.bundle', 'a flipped byte in the pack', /checksum does not match/],
        ['checksum.bundle', 'a wrong pack checksum', /checksum does not match/],
        [
          'altered.bundle',
          'an object whose content does not match its id',
          /"marker\.md" \([0-9a-f]{7}\) is not in it, or its content does not match its id/,
        ],
        ['thin.bundle', 'a thin bundle', /commits this device does not have/],
        ['no-branch.bundle', 'a bundle with no branch', /holds no branch/],
        ['climbs.zip', 'a zip with ../', /\.\./],
        ['absolute.zip', 'a zip with an absolute path', /"\/etc\/motd\.md", an absolute path/],
        ['link.zip', 'a zip with a symbolic link', /symbolic link/],
        ['bomb.zip', 'a zip bomb', /unpacks to more than/],
        ['many.zip', 'a zip of too many files', /holds 60000 files, over the limit/],
      );
    } finally {
      repo.dispose();
    }
  });
  afterAll(() => {
    if (files) rmSync(files, { recursive: true, force: true });
  });

  /** Rows in the page's cache: sources and runbooks. */
  const cacheRows = (page: Page) =>
    page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('runbook-reader');
        open.onsuccess = () => resolve(open.result);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
        });
      const rows = { sources: await count('sources'), runbooks: await count('runbooks') };
      db.close();
      return rows;
    });

  it('refuses each one with its reason', async () => {
    const { page } = app();
    await page.locator('.rr-source').first().waitFor();
    const before = await cacheRows(page);
    const problems: string[] = [];
    for (const [file, what, reason] of bad) {
      await page.getByTestId('offline-copy-input').setInputFiles(join(files, file));
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const alert = page.locator('.rr-offline-copy [role="alert"]');
      await alert.waitFor();
      const said = (await alert.textContent()) ?? '';
      if (!reason.test(said) || !said.includes('Nothing was changed')) problems.push(`${what}: "${said}"`);
      await page.getByRole('button', { name: 'Cancel' }).click();
    }
    expect(problems).toEqual([]);
    expect(await cacheRows(page)).toEqual(before);
  }, 120_000);
});
