import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addSource } from './support/addSource';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';
import { publishedRepoPerFile } from './support/publishedRepoPerFile';

const BUNDLED = resolve(__dirname, '../../runbooks');

/**
 * The case in a real browser: a team syncs its whole docs folder, which holds its own copies of the
 * bundled runbooks. Enter on "ban user" must open the team's Emergency Ban User, not the bundled copy and not
 * Ban Sync Troubleshooting.
 */
describe('search after a team repository with copies of the bundled runbooks has synced', () => {
  const app = appPerTest({ route: '/sources' });
  const gitServer = publishedRepoPerFile('team-docs.git', (repo) => {
    for (const name of readdirSync(BUNDLED).filter((n) => n.endsWith('.md'))) {
      let text = readFileSync(join(BUNDLED, name), 'utf8');
      if (name === 'moderation-operations.md')
        text = text.replace('## Emergency Ban User\n', '## Emergency Ban User\n\nTeam note: ban from the admin console first.\n');
      repo.write(`docs/runbooks/${name}`, text);
    }
    repo.commit('our runbooks');
  });

  it('Enter on "ban user" opens the team copy of Emergency Ban User, with the bundled copy folded under it', async () => {
    const { page } = app();
    const card = await addSource(page, { url: gitServer().url('team-docs.git'), name: 'Team docs' });
    await expectText(card, /Last successful sync: .* at commit [0-9a-f]{7}/);

    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.type('ban user');
    await expectText(
      dialog.locator('.rr-search-group').first(),
      /Team docs · docs\/runbooks\/moderation-operations\.md · shown instead of the bundled copy/,
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/read\/([^/]+)\/docs\/runbooks\/moderation-operations\.md\?section=emergency-ban-user$/);
    expect(page.url()).not.toContain('/read/bundled/');
    await expectText(page.locator('.rr-markdown'), 'Team note: ban from the admin console first.');
  });
});
