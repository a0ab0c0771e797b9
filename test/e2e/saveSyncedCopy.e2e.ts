import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../helpers/makeRunbookRepo';
import { addSource } from './support/addSource';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';
import { publishedRepoPerFile } from './support/publishedRepoPerFile';

describe('Save offline copy of a synced source in Chromium (the sync worker fetches the history first)', () => {
  const app = appPerTest({ route: '/sources' });
  const gitServer = publishedRepoPerFile('history.git', (repo) => {
    for (const step of ['first', 'second', 'third']) repo.write(`${step}.md`, `# ${step}\n`).commit(step);
  });

  it('saves a bundle with the whole history, which git bundle verify and git clone accept', async () => {
    const { page } = app();
    const card = await addSource(page, { url: gitServer().url('history.git'), name: 'History' });
    await expectText(card, /Last successful sync: .* at commit [0-9a-f]{7}/);

    // A save asked for while a sync of the source runs (here "Sync now"; in two clean-clone runs the start-up sync)
    // waits for it to finish instead of being refused; the worker then fetches the whole history before the
    // download starts. If no download comes, the failure says what the server was asked and what the card showed.
    await card.getByRole('button', { name: 'Sync now' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }).catch(async (error: unknown) => {
        const requests = (await gitServer().requestLog()).map((r) => `${r.method} ${r.url} → ${r.status ?? 'no answer'}`);
        const shown = (await card.textContent().catch(() => null)) ?? '(card gone)';
        throw new Error(`No download: ${String(error)}\nRequests to the server:\n${requests.join('\n')}\nCard: ${shown}`);
      }),
      card.getByRole('button', { name: 'Save offline copy' }).click(),
    ]);
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
  }, 120_000);
});
