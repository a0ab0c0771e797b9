import { describe, it } from 'vitest';
import { expectInViewport, expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';

describe('search in Chromium', () => {
  const app = appPerTest({ route: '/read/bundled/hpa-scaling.md', noConsoleErrors: true });

  it('opens with "/", searches as you type and opens the matching section with Enter', async () => {
    const { page } = app();
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.type('emergency ban');
    await expectText(dialog.locator('mark').first(), /emergency|ban/i);
    await page.keyboard.press('Enter');
    await page.waitForURL(/moderation-operations\.md\?section=emergency-ban-user$/);
    await dialog.waitFor({ state: 'detached' });
    await expectInViewport(page.locator('h2#emergency-ban-user'));
  });

  it('forgives typos and finds identifiers, and Ctrl+K opens it from anywhere', async () => {
    const { page } = app();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    const input = dialog.getByRole('combobox').or(dialog.getByRole('searchbox')).first();
    await input.fill('rolback');
    await expectText(dialog, 'Moderation Rollback');
    await input.fill('MOD_BAN_SYNC');
    await expectText(dialog, /MOD_BAN_SYNC/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('answers absurd queries without an error', async () => {
    const { page } = app();
    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog');
    const input = dialog.getByRole('combobox').or(dialog.getByRole('searchbox')).first();
    await input.fill(`${'(.*+?[ '.repeat(1500)} 🔥🔥`);
    await expectText(dialog, /No runbook matches|No results|shortened|first/i);
    await page.keyboard.press('Escape');
  });
});
