import { describe, expect, it } from 'vitest';
import { expectInViewport, expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';

describe('bookmarks and step checklists in Chromium', () => {
  const app = appPerTest({ route: '/read/bundled/moderation-rollback.md', noConsoleErrors: true });

  it('bookmarks a section, keeps it across a reload, lists it on the home screen and opens it at the section', async () => {
    const { page, server } = app();
    const toggle = page.locator('.rr-heading:has(#application-rollback) .rr-bookmark-toggle');
    expect(await toggle.getAttribute('aria-label')).toBe('Bookmark section "Moderation Rollback › Application Rollback"');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.goto(`${server.url}#/`);
    const entry = page.locator('.rr-quick-access .rr-bookmark-link', { hasText: 'Application Rollback' });
    await expectText(entry, 'Moderation Rollback › Application Rollback');
    await entry.click();
    await page.waitForURL(/moderation-rollback\.md\?section=application-rollback$/);
    await expectInViewport(page.locator('h2#application-rollback'));
  });

  it('bookmarks the open runbook with the b key', async () => {
    const { page, server } = app();
    await page.goto(`${server.url}#/read/bundled/hpa-scaling.md`);
    await page.locator('h1#rr-runbook-title').waitFor();
    await page.keyboard.press('b');
    await expectText(page.locator('.rr-sidebar .rr-bookmark-link', { hasText: 'HPA' }), /HPA/);
  });

  it('ticks two steps, keeps them after a reload, counts them in the header and resets them', async () => {
    const { page, server } = app();
    await page.goto(`${server.url}#/read/bundled/moderation-rollback.md`);
    const checks = page.locator('.rr-markdown input.rr-step-check');
    await checks.nth(0).check();
    await checks.nth(2).check();
    const progress = page.locator('.rr-progress');
    await expectText(progress, /^2 of \d+ steps done$/);
    await page.reload();
    await page.locator('.rr-markdown input.rr-step-check').first().waitFor();
    await expect.poll(() => checks.nth(0).isChecked()).toBe(true);
    expect(await checks.nth(1).isChecked()).toBe(false);
    expect(await checks.nth(2).isChecked()).toBe(true);
    await expectText(progress, /^2 of \d+ steps done$/);
    await page.getByRole('button', { name: 'Reset steps' }).click();
    await expect.poll(() => checks.nth(0).isChecked()).toBe(false);
  });

  it('refuses an import file that is not a bookmark export and changes nothing', async () => {
    const { page, server } = app();
    const toggle = page.locator('.rr-runbook-actions .rr-bookmark-toggle');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${server.url}#/bookmarks`);
    await page.locator('.rr-bookmarks-manage .rr-bookmark').first().waitFor();
    const before = await page.locator('.rr-bookmarks-manage .rr-bookmark').count();
    expect(before).toBeGreaterThan(0);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await expectText(page.getByRole('alert'), 'not a Runbook Reader bookmark export');
    expect(await page.locator('.rr-bookmarks-manage .rr-bookmark').count()).toBe(before);
  });
});
