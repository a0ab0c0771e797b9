import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHttpServer, type GitHttpServer } from '../helpers/gitHttpServer';
import { RunbookRepo, generateRunbooks } from '../helpers/makeRunbookRepo';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';

const RUNBOOKS = 1000;
const DEEP_PATH = 'platform/networking/edge/tls/rotate-edge-certificates.md';

/** Rows the library has in the DOM, and how tall the whole tree is (what scrolling would reach). */
async function libraryDom(page: Page): Promise<{ rows: number; treeHeight: number }> {
  return page.locator('.rr-library-tree').evaluate((tree) => ({
    rows: tree.querySelectorAll('[role="treeitem"]').length,
    treeHeight: tree.getBoundingClientRect().height,
  }));
}

describe('a library of 1,000 runbooks in Chromium', () => {
  let gitRoot: string;
  let server: GitHttpServer;
  let repo: RunbookRepo;
  const app = appPerTest({ route: '/sources' });

  beforeAll(async () => {
    gitRoot = mkdtempSync(join(tmpdir(), 'rr-library-e2e-'));
    server = await startGitHttpServer({ root: gitRoot });
    repo = new RunbookRepo('main');
    // Small files: the test is about the library, not about syncing 10 MB.
    repo.writeAll(generateRunbooks(RUNBOOKS, 300, 600));
    repo
      .write('index.md', '---\ntitle: Vault home\n---\n# Vault home\n\nStart here.\n')
      .write('README.md', '---\ntitle: Repository readme\n---\n# Repository readme\n')
      .write('.obsidian/templates/incident-template.md', '# Incident template\n')
      .write(DEEP_PATH, '---\ntitle: Rotate edge certificates\n---\n# Rotate edge certificates\n\n1. Renew the certificate.\n');
    repo.commit('a big vault');
    repo.publish(gitRoot, 'vault.git');
  });
  afterAll(async () => {
    await server?.close();
    repo?.dispose();
    if (gitRoot) rmSync(gitRoot, { recursive: true, force: true });
  });

  async function addVault(page: Page): Promise<void> {
    await page.getByLabel('Repository address (https)').fill(server.url('vault.git'));
    await page.getByLabel(/Display name/).fill('Team vault');
    await page.getByRole('button', { name: 'Add and sync' }).click();
    // A thousand runbooks: 3–5 s on a quiet machine, several times that on a busy CI runner.
    await expectText(page.locator('.rr-source', { hasText: 'Team vault' }), /Last successful sync: .* at commit [0-9a-f]{7}/, 60_000);
  }

  it('opens on index.md, draws only a window of rows, finds a deep file by filtering and remembers open folders', async () => {
    const { page, server: web } = app();
    await addVault(page);
    await page.goto(`${web.url}#/`);
    await expectText(page.locator('h1#rr-runbook-title'), 'Vault home');

    // Every folder closed: the tree is the vault's folders, its two root pages and the bundled set.
    const vault = page.getByRole('treeitem', { name: /Team vault/ });
    await expect.poll(() => vault.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('treeitem', { name: /^\.obsidian/ }).count()).toBe(0);

    // A filter that matches every generated runbook opens all their folders: over 1,000 rows, a few dozen drawn.
    const filter = page.getByRole('searchbox', { name: 'Filter the library by title or path' });
    await filter.fill('runbook-');
    await expectText(page.locator('.rr-library-filter-status'), `${RUNBOOKS} runbooks match.`);
    const all = await libraryDom(page);
    expect(all.rows).toBeLessThan(80);
    expect(all.treeHeight).toBeGreaterThan(RUNBOOKS * 40);

    // Scrolling to the end brings the last rows and drops the first.
    await page.locator('.rr-library-scroll').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
    const drawnIndexes = () =>
      page.locator('.rr-library-tree [data-index]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-index'))));
    await expect.poll(async () => Math.max(...(await drawnIndexes()))).toBeGreaterThan(RUNBOOKS);
    expect(await drawnIndexes()).not.toContain(0);
    expect((await libraryDom(page)).rows).toBeLessThan(80);

    // Tool templates under .obsidian are not runbooks.
    await filter.fill('incident template');
    await expectText(page.locator('.rr-library-filter-status'), 'No runbook title or path contains “incident template”.');

    // A deep file by words of its title; Enter opens it.
    await filter.fill('edge cert');
    await expectText(page.locator('.rr-library-filter-status'), '1 runbook matches.');
    await filter.press('Enter');
    await page.waitForURL(/#\/read\/[^/]+\/platform\/networking\/edge\/tls\/rotate-edge-certificates\.md$/);
    await expectText(page.locator('h1#rr-runbook-title'), 'Rotate edge certificates');

    // Without the filter, the folders above the open page are open and it is marked as the current page.
    await filter.fill('');
    await expectText(page.locator('.rr-library-entry[aria-current="page"]'), 'Rotate edge certificates');
    expect(await page.getByRole('treeitem', { name: /^tls/ }).getAttribute('aria-expanded')).toBe('true');

    // A folder opened by hand stays open after a reload; the others stay closed.
    const area = page.getByRole('treeitem', { name: /^area-7\b/ });
    await area.click();
    await expect.poll(() => area.getAttribute('aria-expanded')).toBe('true');
    await page.goto(`${web.url}#/`);
    await page.reload();
    await expectText(page.locator('h1#rr-runbook-title'), 'Vault home');
    await expect.poll(() => page.getByRole('treeitem', { name: /^area-7\b/ }).getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('treeitem', { name: /^area-6\b/ }).getAttribute('aria-expanded')).toBe('false');

    // Keyboard: "l" reaches the filter, ArrowDown enters the tree.
    await page.locator('h1#rr-runbook-title').click();
    await page.keyboard.press('l');
    expect(await filter.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('treeitem');
  }, 120_000);

  it('keeps the phone drawer to a window of rows too, and a filtered pick closes it', async () => {
    const { page, server: web } = app();
    await addVault(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${web.url}#/`);
    await expectText(page.locator('h1#rr-runbook-title'), 'Vault home');
    await page.locator('.rr-bottombar').getByRole('button', { name: 'Open library' }).click();
    const filter = page.getByRole('searchbox', { name: 'Filter the library by title or path' });
    await filter.fill('runbook-');
    await expectText(page.locator('.rr-library-filter-status'), `${RUNBOOKS} runbooks match.`);
    expect((await libraryDom(page)).rows).toBeLessThan(60);
    await filter.fill('rotate edge');
    await page.locator('.rr-library-entry', { hasText: 'Rotate edge certificates' }).click();
    await expectText(page.locator('h1#rr-runbook-title'), 'Rotate edge certificates');
    await expect.poll(() => page.locator('#rr-sidebar').evaluate((nav) => getComputedStyle(nav).visibility)).toBe('hidden');
  });
});
