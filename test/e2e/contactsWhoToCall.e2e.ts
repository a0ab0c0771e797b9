import { describe, expect, it } from 'vitest';
import { appPerTest } from './support/appPerTest';

/**
 * The bundled runbooks as a new user sees them in the contacts panel: before, the first phone number sat
 * about 1,200 px down, under paging and chat entries and five on-call groups. Now it must be on the first
 * screen, on a laptop and on a phone, with on-call first and the names nobody can be reached through folded.
 */
describe('emergency contacts answer "who do I call now" on the first screen', () => {
  const app = appPerTest({ route: '/read/bundled/moderation-incidents.md' });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`shows on-call first and a phone number without scrolling at ${viewport.width}×${viewport.height}`, async () => {
      const { page } = app();
      await page.setViewportSize(viewport);
      await page.getByRole('button', { name: 'Emergency contacts' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Emergency contacts' });
      const body = dialog.locator('.rr-modal-body');
      const firstPhone = body.locator('a[href^="tel:"]').first();
      await firstPhone.waitFor();

      const groups = await body.locator(':scope > .rr-contact-group h3').allTextContents();
      expect(groups[0]).toBe('On-call');
      // Every way of writing "the on-call" is that one group.
      expect(groups.filter((g) => /^(notify |page )?on-call( engineer)?$|^secondary on-call$/i.test(g))).toEqual(['On-call']);

      const phoneBox = (await firstPhone.boundingBox())!;
      const bodyBox = (await body.boundingBox())!;
      expect(phoneBox.y + phoneBox.height).toBeLessThanOrEqual(Math.min(viewport.height, bodyBox.y + bodyBox.height));
      expect(await body.evaluate((el) => el.scrollTop)).toBe(0);

      // Names with nothing to dial, mail or open wait, folded, under More.
      const more = body.locator('details.rr-contacts-more');
      expect(await more.getAttribute('open')).toBeNull();
      expect(await body.locator(':scope > .rr-contact-group[aria-label="VP Engineering"]').count()).toBe(0);
    });
  }
});
