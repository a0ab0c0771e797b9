import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { RunbookRepo, git } from '../helpers/makeRunbookRepo';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';

describe('Save offline copy of a synced source in Chromium (the sync worker fetches the history first)', () => {
  let server: SharedGitServer;
  let repo: RunbookRepo;
  const app = appPerTest({ route: '/sources' });

  beforeAll(() => {
    server = useSharedGitServer();
    repo = new RunbookRepo('main');
    for (const step of ['first', 'second', 'third']) repo.write(`${step}.md`, `# ${step}\n`).commit(step);
    repo.publish(server.root, 'history.git');
  });
  afterAll(async () => {
    await server?.close();
    repo?.dispose();
  });

  it('saves a bundle with the whole history, which git bundle verify and git clone accept', async () => {
    const { page } = app();
    await page.getByLabel('Repository address (https)').fill(server.url('history.git'));
    await page.getByLabel(/Display name/).fill('History');
    await page.getByRole('button', { name: 'Add and sync' }).click();
    const card = page.locator('.rr-source', { hasText: 'History' });
    await expectText(card, /Last successful sync: .* at commit [0-9a-f]{7}/);

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Save offline copy' }).click()]);
    await expectText(card.locator('.rr-source-save-note'), 'with the whole history: git clone and Runbook Reader both read it');
    const dir = mkdtempSync(join(tmpdir(), 'synced-copy-'));
    try {
      const saved = join(dir, 'saved.bundle');
      await download.saveAs(saved);
      git(dir, ['init', '-q', 'empty']);
      git(join(dir, 'empty'), ['bundle', 'verify', '-q', saved]);
      git(dir, ['clone', '-q', saved, 'clone']);
      expect(git(join(dir, 'clone'), ['log', '--format=%s'])).toBe('third\nsecond\nfirst');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
