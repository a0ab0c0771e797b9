import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPerTest } from './support/appPerTest';
import { expectInViewport, expectText } from './support/assertions';

const RUNBOOKS = resolve(import.meta.dirname, '../../runbooks');

describe('reading the bundled runbooks in Chromium', () => {
  const app = appPerTest({ route: '/', context: { permissions: ['clipboard-read', 'clipboard-write'] }, noConsoleErrors: true });
  const BAN_USER = '/read/bundled/moderation-operations.md?section=emergency-ban-user';

  it('opens on the index runbook with the library listing every bundled runbook, the index first', async () => {
    const { page } = app();
    await expectText(page.locator('h1#rr-runbook-title'), 'Clipper Operations Runbooks');
    const titles = await page.locator('.rr-library-entry .rr-library-title').allTextContents();
    expect(titles).toHaveLength(13);
    expect(titles[0]).toContain('Clipper Operations Runbooks');
    await expectText(page.locator('.rr-library-entry', { hasText: 'Legacy Ban Sync v1' }).locator('.rr-badge'), 'deprecated');
    await expectText(page.locator('.rr-library-entry', { hasText: 'Database Failover' }).locator('.rr-badge'), 'draft');
  });

  it('opens a runbook picked in the library and marks it there as the current page, and only it', async () => {
    const { page } = app();
    await page.locator('.rr-library-entry', { hasText: 'Database Failover' }).click();
    await page.waitForURL(/#\/read\/bundled\/database-failover\.md$/);
    await expectText(page.locator('h1#rr-runbook-title'), 'Database Failover');
    expect(await page.locator('.rr-library-entry[aria-current="page"]').allTextContents()).toEqual([
      expect.stringContaining('Database Failover'),
    ]);
    await page.locator('.rr-library-entry', { hasText: 'Background Jobs' }).click();
    await expectText(page.locator('h1#rr-runbook-title'), 'Background Jobs');
    expect(await page.locator('.rr-library-entry[aria-current="page"]').allTextContents()).toEqual([
      expect.stringContaining('Background Jobs'),
    ]);
    await page.goBack();
    await expectText(page.locator('h1#rr-runbook-title'), 'Database Failover');
    await page.goBack();
    await expectText(page.locator('h1#rr-runbook-title'), 'Clipper Operations Runbooks');
  });

  it('follows the index link "Emergency Ban User" to that heading in moderation operations', async () => {
    const { page } = app();
    await page.locator('.rr-markdown a', { hasText: 'Emergency Ban User' }).first().click();
    await page.waitForURL(/#\/read\/bundled\/moderation-operations\.md\?section=emergency-ban-user$/);
    const heading = page.locator('h2#emergency-ban-user');
    await expectInViewport(heading);
    const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
  });

  it('copies exactly the code block text to the clipboard', async () => {
    const { page, server } = app();
    await page.goto(`${server.url}#${BAN_USER}`);
    const section = page.locator('.rr-heading:has(#emergency-ban-user) ~ ol .rr-code').first();
    await section.getByRole('button', { name: /copy/i }).click();
    await expectText(section.getByRole('button'), 'Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const source = readFileSync(resolve(RUNBOOKS, 'moderation-operations.md'), 'utf8');
    const blocks = [...source.matchAll(/```[\w-]*\n([\s\S]*?)\n\s*```/g)].map((m) => m[1]!.replace(/^ {3}/gm, ''));
    expect(copied.length).toBeGreaterThan(10);
    expect(blocks).toContain(copied);
  });

  it('keeps the runbook and the place across a reload, and back returns to the index', async () => {
    const { page } = app();
    await page.locator('.rr-markdown a', { hasText: 'Emergency Ban User' }).first().click();
    await page.waitForURL(/section=emergency-ban-user$/);
    await expectInViewport(page.locator('h2#emergency-ban-user'));
    // The section's slice is formatted first and the ones above it after; as each lands the browser keeps the
    // section in view by moving the scroll position. The place to keep is the one once the page has settled.
    await expect.poll(() => page.locator('.rr-formatting-more').count()).toBe(0);
    await page.evaluate(() => window.scrollBy(0, 400));
    const before = await page.evaluate(() => window.scrollY);
    // The place is saved on the next animation frame after scrolling; wait for it rather than for a time.
    await expect
      .poll(() =>
        page.evaluate(
          (y) => Object.keys(sessionStorage).some((k) => k.startsWith('rr-scroll:') && sessionStorage.getItem(k) === String(Math.round(y))),
          before,
        ),
      )
      .toBe(true);
    await page.reload();
    await expectText(page.locator('h1#rr-runbook-title'), /Moderation Operations/);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
    await page.goBack();
    await expectText(page.locator('h1#rr-runbook-title'), 'Clipper Operations Runbooks');
    await page.goForward();
    await expectText(page.locator('h1#rr-runbook-title'), 'Moderation Operations');
  });

  it('scrolls within the page for #anchor links from the table of contents', async () => {
    const { page, server } = app();
    await page.goto(`${server.url}#/read/bundled/moderation-operations.md`);
    await page.locator('.rr-toc-aside a', { hasText: 'Daily Health Checks' }).click();
    await page.waitForURL(/section=daily-health-checks/);
    await expectInViewport(page.locator('h2#daily-health-checks'));
  });

  it('shows links outside the cache as not available and marks external links', async () => {
    const { page, server } = app();
    await page.goto(`${server.url}#/`);
    const outside = page.locator('.rr-link-unavailable', { hasText: /Operations Index|Operations hub/i }).first();
    await expectText(outside, 'not available offline');
    const external = page.locator('a.rr-link-external').first();
    expect(await external.getAttribute('target')).toBe('_blank');
    expect(await external.getAttribute('rel')).toMatch(/noopener/);
    expect(await external.getAttribute('href')).toMatch(/^https:\/\//);
  });

  it('says a runbook missing from the cache is not available offline', async () => {
    const { page, server } = app();
    await page.goto(`${server.url}#/read/bundled/does-not-exist.md`);
    await expectText(page.getByRole('alert'), 'Not available offline');
  });

  it('has no serious accessibility violations on the home page and a runbook page', async () => {
    const { page, server } = app();
    for (const route of ['/', '/read/bundled/moderation-rollback.md']) {
      await page.goto(`${server.url}#${route}`);
      await page.locator('h1#rr-runbook-title').waitFor();
      const result = await new AxeBuilder({ page }).analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${route}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
    }
  }, 180_000);
});
