import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunbookRepo } from '../helpers/makeRunbookRepo';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { appPerTest } from './support/appPerTest';
import { expectText } from './support/assertions';
import { sourceIdNamed } from './support/sourceIdNamed';

/** A pasted blob: 4,000 long lines of shell with stray `{{` and `<`, then the one real placeholder. */
const FILLER = Array.from({ length: 4_000 }, (_, i) => `echo "${i} ${'A'.repeat(220)} {{ not a placeholder <x"\n`).join('');
const BIG_BLOCK = `${FILLER}kubectl --context {{cluster}} get pods\n`;
const RUNBOOK = `---\ntitle: "Pasted blob"\n---\n# Pasted blob\n\n## Replay\n\n\`\`\`bash\n${BIG_BLOCK}\`\`\`\n\n## After\n\nCheck the pods.\n`;

describe('incident values in a 1 MB code block, in Chromium', () => {
  let git: SharedGitServer;
  let repo: RunbookRepo;
  const app = appPerTest({ route: '/sources', context: { permissions: ['clipboard-read', 'clipboard-write'] } });

  beforeAll(() => {
    expect(BIG_BLOCK.length).toBeGreaterThan(1_000_000);
    git = useSharedGitServer();
    repo = new RunbookRepo('main');
    repo.write('blob.md', RUNBOOK).commit('a runbook with a 1 MB block');
    repo.publish(git.root, 'large-block.git');
  });
  afterAll(async () => {
    await git?.close();
    repo?.dispose();
  });

  it('fills and marks the placeholder at its end, copies all of the filled block, and the page stays usable', async () => {
    const { page, server, errors } = app();
    await page.getByLabel('Repository address (https)').fill(git.url('large-block.git'));
    await page.getByLabel(/Display name/).fill('Blob');
    await page.getByRole('button', { name: 'Add and sync' }).click();
    await expectText(page.locator('.rr-source', { hasText: 'Blob' }), /Last successful sync: .* at commit [0-9a-f]{7}/);
    const sourceId = await sourceIdNamed(page, 'Blob');

    await page.goto(`${server.url}#/incident`);
    await page.getByLabel('Name').fill('Pods crash-looping');
    await page.getByRole('button', { name: 'Start incident' }).click();
    await expectText(page.locator('.rr-incident-banner'), 'Open: Pods crash-looping');

    await page.goto(`${server.url}#/read/${encodeURIComponent(sourceId)}/blob.md`);
    // Found in the runbook's text although no front matter declares it.
    const field = page.getByLabel('Value of cluster');
    await field.fill('prod-eu; $(reboot)', { timeout: 30_000 });
    await field.press('Enter');
    const block = page.locator('.rr-code', { hasText: 'kubectl --context' });
    await expectText(block.locator('mark.rr-placeholder-filled'), 'prod-eu; $(reboot)');
    expect(await block.locator('mark.rr-placeholder').count()).toBe(1);

    await block.getByRole('button', { name: /copy/i }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${FILLER}kubectl --context prod-eu; $(reboot) get pods`);

    // Still usable: the section after the block reads, and search answers.
    await expectText(page.locator('.rr-markdown'), 'Check the pods.');
    await page.keyboard.press('/');
    await page.keyboard.type('Pasted blob');
    await expectText(page.getByRole('dialog'), 'Pasted blob');
    expect(errors).toEqual([]);
  }, 180_000);
});
