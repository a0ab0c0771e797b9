import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { RunbookRepo } from '../helpers/makeRunbookRepo';
import { SigningKeys, type SigningKey } from '../helpers/signingKeys';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';

const RUNBOOK = (step: string) => `---
title: "Failover"
owner: "team-db"
---
# Failover

1. ${step}
`;

describe('pinned signing keys in Chromium (WebCrypto in the sync worker, loopback git http-backend)', () => {
  let server: SharedGitServer;
  let repo: RunbookRepo;
  const keys = new SigningKeys();
  let alice: SigningKey;
  let mallory: SigningKey;
  const app = appPerTest({ route: '/sources' });

  beforeAll(() => {
    server = useSharedGitServer();
    alice = keys.make('ed25519', 'alice@ops');
    mallory = keys.make('ecdsa', 'mallory');
    repo = new RunbookRepo('main');
    repo.write('failover.md', RUNBOOK('Promote the replica.')).commit('first', { signingKey: alice.privateKeyFile });
    repo.publish(server.root, 'signed.git');
  });
  afterAll(async () => {
    await server?.close();
    repo?.dispose();
    keys.dispose();
  });

  it('syncs a commit signed by the pinned key, shows who signed it, refuses a later one signed by another key, and applies an unsigned one marked unsigned', async () => {
    const { page } = app();
    await page.getByLabel('Repository address (https)').fill(server.url('signed.git'));
    await page.getByLabel(/Display name/).fill('Signed runbooks');
    await page.getByLabel(/Pinned signing keys/).fill(alice.publicLine);
    await page.getByRole('button', { name: 'Add and sync' }).click();
    const card = page.locator('.rr-source', { hasText: 'Signed runbooks' });
    await expectText(card, /at commit [0-9a-f]{7} · ✓ signed by alice@ops/);
    await expectText(card, '1 key (alice@ops) · unsigned commits accepted, marked unsigned');

    await page.getByRole('treeitem', { name: 'Failover', exact: true }).click();
    await expectText(page.locator('.rr-runbook-header'), /✓ signed by alice@ops/);
    await page.goto(page.url().replace(/#.*$/, '#/sources'));

    const before = repo.head();
    repo.write('failover.md', RUNBOOK('Drop the primary database.')).commit('evil', { signingKey: mallory.privateKeyFile });
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expectText(card, `Commit ${repo.head().slice(0, 7)} is signed by a key that is not pinned for this source`);
    expect(await card.locator('code[title]').first().getAttribute('title')).toBe(before);
    await page.getByRole('treeitem', { name: 'Failover', exact: true }).click();
    await expectText(page.locator('.rr-markdown'), 'Promote the replica.');

    await page.goto(page.url().replace(/#.*$/, '#/sources'));
    repo.write('failover.md', RUNBOOK('Fail over to the standby.')).commit('unsigned');
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expectText(card, new RegExp(`at commit ${repo.head().slice(0, 7)} · unsigned`));
    // Its name now also holds its change mark, so it is matched by its start.
    await page
      .getByRole('treeitem', { name: /^Failover/ })
      .first()
      .click();
    await expectText(page.locator('.rr-runbook-header'), /· unsigned/);
    await expectText(page.locator('.rr-markdown'), 'Fail over to the standby.');
  });

  it('the keys box and its refusal of a bad line fit a 390 px phone and pass axe; the bundled set offers no keys', async () => {
    const { page } = app();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Repository address (https)').fill('https://git.example.com/ops/runbooks.git');
    await page
      .getByLabel(/Pinned signing keys/)
      .fill('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICoOxCbT/rL5Xj7QrHU16ixwAibOjlfCBAXWrIua9VRl alice\nssh-rsa oops');
    await page.getByRole('button', { name: 'Add and sync' }).click();
    await expectText(page.locator('form.rr-source-form [role="alert"]'), 'Pinned signing keys, line 2:');
    expect(await page.locator('.rr-source').count()).toBe(1); // only the bundled set: nothing was added
    expect(await layoutAndAxeProblems(page, 'form.rr-source-form')).toEqual([]);

    const bundled = page.locator('.rr-source').first();
    expect(await bundled.getByRole('button', { name: /pinned signing keys/ }).count()).toBe(0); // not a Git source
  }, 60_000);
});

/** Serious or critical axe findings inside `selector`, and any sideways scrolling of the page. */
async function layoutAndAxeProblems(page: Page, selector: string): Promise<string[]> {
  const problems: string[] = [];
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`page scrolls sideways by ${overflow}px`);
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
    problems.push(`${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }
  return problems;
}
