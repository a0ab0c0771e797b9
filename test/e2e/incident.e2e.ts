import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appPerTest } from './support/appPerTest';
import { expectInViewport, expectText } from './support/assertions';

const BAN_SYNC = '/read/bundled/ban-sync-troubleshooting.md';

describe('incident mode: from the alert to the step, commands with this incident’s values, and a log', () => {
  const app = appPerTest({ route: '/', context: { permissions: ['clipboard-read', 'clipboard-write'] } });

  it('opens #/alert/<name> at the mapped section, and an unknown alert opens search saying it is not mapped', async () => {
    const { page, server } = app();
    await page.goto(`${server.url}#/alert/HighBanSyncLag`);
    await page.waitForURL(/#\/read\/bundled\/ban-sync-troubleshooting\.md\?section=manual-sync-retry$/);
    await expectInViewport(page.locator('h2#manual-sync-retry'));

    await page.goto(`${server.url}#/alert/NoSuchAlertAnywhere`);
    await expectText(page.locator('.rr-alert-route'), 'No runbook maps the alert NoSuchAlertAnywhere');
    await expect.poll(() => page.getByRole('combobox', { name: 'Search runbooks' }).inputValue()).toBe('NoSuchAlertAnywhere');
  });

  it('fills a placeholder for the incident and copies the filled command, shell characters literally', async () => {
    const { page, server } = app();
    await page.goto(`${server.url}#/incident`);
    await page.getByLabel('Name').fill('Bans not reaching Twitch');
    await page.getByRole('button', { name: 'Start incident' }).click();
    await expectText(page.locator('.rr-incident-banner'), 'Open: Bans not reaching Twitch');
    await page.goto(`${server.url}#${BAN_SYNC}?section=manual-sync-retry`);
    // The runbook's placeholders wait, unfilled, in the page's incident panel.
    await expectText(page.locator('.rr-runbook-incident-values summary'), '0 of 1 filled');
    const value = `2026-12-05T05:00:00Z'; echo $(id) "&&"`;
    await page.getByLabel('Value of since').fill(value);
    await page.getByLabel('Value of since').press('Enter');
    await expectText(page.locator('.rr-runbook-incident-values summary'), '1 of 1 filled');

    const block = page.locator('.rr-code', { hasText: 'ban-sync/jobs/retry' });
    await expectText(block.locator('mark.rr-placeholder-filled'), value);
    await block.getByRole('button', { name: /copy/i }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`"since":"${value}"`);
    expect(copied).not.toContain('{{since}}');
  });

  it('logs ticks of an incident, keeps it offline across a reload, and exports the timeline', async () => {
    const { page, server, controlledByServiceWorker, goOffline } = app();
    await controlledByServiceWorker();
    await page.goto(`${server.url}#/incident`);
    await page.getByLabel('Name').fill('Ban sync lag');
    await page.getByLabel('Alert').fill('HighBanSyncLag');
    await page.getByRole('button', { name: 'Start incident' }).click();
    await expectText(page.locator('.rr-incident-banner'), 'alert HighBanSyncLag');

    await page.goto(`${server.url}#/alert/HighBanSyncLag`);
    await page.waitForURL(/section=manual-sync-retry$/);
    const step = page.getByRole('checkbox', { name: /Step done: Count what is waiting/ });
    await step.check();
    await expect.poll(() => step.isChecked()).toBe(true);
    // A bookmark used during the incident is logged too.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('b');
    await page.locator('#rr-sidebar a.rr-bookmark-link').first().click();

    await goOffline();
    await page.reload();
    await page.locator('.rr-library-entry').first().waitFor();
    await page.getByRole('link', { name: /Incident open/ }).click();
    await expectText(page.locator('.rr-incident-timeline'), 'Count what is waiting');
    await page.getByLabel('Note', { exact: true }).fill('Rolled the worker before opening the app');
    await page.getByLabel('Happened at').fill('00:00');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expectText(page.locator('.rr-incident-timeline'), 'Rolled the worker');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Ban sync lag as Markdown' }).click(),
    ]);
    const markdown = readFileSync(await download.path(), 'utf8');
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('# Incident: Ban sync lag');
    expect(lines).toContain('- Alert: HighBanSyncLag');
    expect(markdown).toMatch(/^- \d{4}-\d\d-\d\d \d\d:\d\d:00Z Note: Rolled the worker before opening the app \(written .*\)$/m);
    expect(markdown).toMatch(/Incident started: Ban sync lag \(SEV2, alert HighBanSyncLag\)$/m);
    expect(markdown).toMatch(/Opened Ban Sync Troubleshooting \(ban-sync-troubleshooting\.md @ bundle-[0-9a-f]+\)$/m);
    expect(markdown).toMatch(/Ticked "Count what is waiting: SELECT status.*" in ban-sync-troubleshooting\.md$/m);
    expect(markdown).toMatch(/Used bookmark ".+" \(ban-sync-troubleshooting\.md(#[a-z-]+)?\)$/m);
    expect(markdown).toContain('## Runbooks read');
  });
});
