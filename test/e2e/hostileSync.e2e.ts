import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { BAD_FILES, HOSTILE_RUNBOOKS, RunbookRepo } from '../helpers/makeRunbookRepo';
import { appPerTest } from './support/appPerTest';
import { expectText } from './support/assertions';
import { sourceIdNamed } from './support/sourceIdNamed';

const README = '---\ntitle: "Hostile repository"\n---\n# Hostile repository\n\nOrdinary text beside the pathology.\n';

describe('syncing a repository of hostile files in Chromium', () => {
  let root: string;
  let server: SharedGitServer;
  let repo: RunbookRepo;
  const app = appPerTest({ route: '/sources' });

  beforeAll(() => {
    server = useSharedGitServer();
    root = server.root;
    repo = new RunbookRepo('main');
    repo.write('README.md', README);
    for (const file of [...Object.values(HOSTILE_RUNBOOKS), ...Object.values(BAD_FILES)]) repo.write(file.path, file.content);
    repo.commit('hostile files');
    repo.publish(root, 'hostile.git');
  });
  afterAll(async () => {
    await server?.close();
    repo?.dispose();
  });

  it('syncs them all, and every hostile runbook opens readable without a page error', async () => {
    const { page, server: web, errors } = app();
    await page.getByLabel('Repository address (https)').fill(server.url('hostile.git'));
    await page.getByLabel(/Display name/).fill('Hostile');
    await page.getByRole('button', { name: 'Add and sync' }).click();
    const card = page.locator('.rr-source', { hasText: 'Hostile' });
    await expectText(card, /Last successful sync: .* at commit [0-9a-f]{7}/);
    const sourceId = await sourceIdNamed(page, 'Hostile');
    for (const file of Object.values(HOSTILE_RUNBOOKS)) {
      await page.goto(`${web.url}#/read/${encodeURIComponent(sourceId)}/${file.path}`);
      await page.locator('h1#rr-runbook-title').waitFor({ timeout: 30_000 });
      expect(await page.locator('h1#rr-runbook-title').textContent()).not.toBe('');
    }
    // The app is still usable: search answers and the ordinary runbook reads.
    await page.goto(`${web.url}#/read/${encodeURIComponent(sourceId)}/README.md`);
    await expectText(page.locator('.rr-markdown'), 'Ordinary text beside the pathology');
    await page.keyboard.press('/');
    await page.keyboard.type('pathology');
    await expectText(page.getByRole('dialog'), 'Hostile repository');
    expect(errors).toEqual([]);
  }, 240_000);
});
