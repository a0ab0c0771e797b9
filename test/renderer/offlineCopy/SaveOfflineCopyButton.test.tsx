// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SourceRecord } from '../../../core/model';
import type { SaveResult } from '../../../renderer/offlineCopy/saveResult';

const saveOfflineCopy = vi.fn<(source: SourceRecord) => Promise<SaveResult>>();
vi.mock('../../../renderer/offlineCopy/offlineCopyClient', () => ({ saveOfflineCopy: (source: SourceRecord) => saveOfflineCopy(source) }));
const { SaveOfflineCopyButton } = await import('../../../renderer/offlineCopy/SaveOfflineCopyButton');

const SOURCE: SourceRecord = { id: 'ops', kind: 'git', name: 'Ops', location: 'https://git.example.com/ops.git', version: 'a'.repeat(40) };

afterEach(() => saveOfflineCopy.mockReset());

async function saveAndRead(result: SaveResult): Promise<string> {
  saveOfflineCopy.mockResolvedValue(result);
  const user = userEvent.setup();
  render(<SaveOfflineCopyButton source={SOURCE} />);
  await user.click(screen.getByRole('button', { name: 'Save offline copy' }));
  return (await screen.findByRole('status')).textContent ?? '';
}

describe('the note under Save offline copy', () => {
  it('says a copy with the whole history is read by git clone too', async () => {
    expect(await saveAndRead({ ok: true, fileName: 'Ops-aaaaaaa.bundle', partialHistory: false })).toBe(
      'Saved Ops-aaaaaaa.bundle, with the whole history: git clone and Runbook Reader both read it.',
    );
  });

  it('says why the history is missing when it could not be fetched, and that git clone refuses the copy', async () => {
    const note = await saveAndRead({
      ok: true,
      fileName: 'Ops-aaaaaaa.bundle',
      partialHistory: true,
      historyNotFetched: 'this device is offline',
    });
    expect(note).toBe(
      'Saved Ops-aaaaaaa.bundle, but its history could not be fetched (this device is offline): Runbook Reader on any device imports it, git clone refuses it. Save again once the Git host is reachable for a copy git clone accepts.',
    );
  });
});
