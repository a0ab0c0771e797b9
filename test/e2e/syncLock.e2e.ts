import { afterAll, beforeAll, describe, it } from 'vitest';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { RunbookRepo } from '../helpers/makeRunbookRepo';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';

describe('two tabs of the browser build (Web Locks)', () => {
  let root: string;
  let server: SharedGitServer;
  let repo: RunbookRepo;
  const app = appPerTest({ route: '/sources' });

  beforeAll(async () => {
    server = useSharedGitServer();
    root = server.root;
    repo = new RunbookRepo('main');
    repo.write('README.md', `# Locked runbooks\n\n${'Words to make a pack. '.repeat(200)}\n`).commit('first');
    repo.publish(root, 'locked.git');
  });
  afterAll(async () => {
    await server?.close();
    repo?.dispose();
  });

  it('never sync one source at once: the second tab shows "syncing in another window"', async () => {
    const { page, context, server: web } = app();
    // The first tab's sync stalls mid-download, so it is still running when the second tab asks.
    await page.getByLabel('Repository address (https)').fill(server.url('locked.git', { kind: 'stall', afterBytes: 20 }));
    await page.getByLabel(/Display name/).fill('Locked runbooks');
    await page.getByRole('button', { name: 'Add and sync' }).click();
    const first = page.locator('.rr-source', { hasText: 'Locked runbooks' });
    await first.getByRole('button', { name: 'Cancel sync' }).waitFor();

    const second = await context.newPage();
    await second.goto(`${web.url}#/sources`);
    const card = second.locator('.rr-source', { hasText: 'Locked runbooks' });
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expectText(card, /syncing in another window/);

    await first.getByRole('button', { name: 'Cancel sync' }).click();
    await expectText(first, /Sync cancelled; nothing was changed/);
  });
});
