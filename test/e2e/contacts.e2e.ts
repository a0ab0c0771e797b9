import { describe, expect, it } from 'vitest';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';

describe('emergency contacts in Chromium', () => {
  const app = appPerTest({
    route: '/read/bundled/moderation-incidents.md',
    context: { permissions: ['clipboard-read', 'clipboard-write'] },
    noConsoleErrors: true,
  });

  it('opens the contacts panel from a runbook and offers the on-call phone as a tel: link', async () => {
    const { page } = app();
    await page.getByRole('button', { name: 'Emergency contacts' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Emergency contacts' });
    await dialog.waitFor();
    const dbOnCall = dialog.getByRole('region', { name: 'Database On-Call' });
    const tel = dbOnCall.locator('a[href^="tel:"]').first();
    expect(await tel.getAttribute('href')).toBe('tel:+15550104477;ext=12');
    expect(await dialog.locator('a[href="tel:+15551234567"]').count()).toBe(1);
    expect(await dialog.locator('a[href="mailto:security@clpr.tv"]').count()).toBe(1);
  });

  it('filters contacts and copies a number exactly as written', async () => {
    const { page } = app();
    await page.getByRole('button', { name: 'Emergency contacts' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Emergency contacts' });
    await dialog.getByRole('searchbox', { name: 'Filter contacts' }).fill('security');
    const group = dialog.getByRole('region', { name: 'Security Team' });
    await group.waitFor();
    const phone = group.locator('.rr-contact-phone').first();
    const written = (await phone.locator('.rr-contact-value').textContent()) ?? '';
    await phone.getByRole('button', { name: /^Copy phone/ }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(written);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('makes contact lines inside the runbook tappable in place', async () => {
    const { page } = app();
    const section = page.locator('.rr-heading:has(#emergency-contacts) ~ ul').first();
    await expectText(section, 'Engineering Manager');
    expect(await section.locator('a[href="tel:+15551234567"]').count()).toBeGreaterThan(0);
    expect(await section.locator('a[href^="mailto:"]').count()).toBeGreaterThan(0);
  });
});
