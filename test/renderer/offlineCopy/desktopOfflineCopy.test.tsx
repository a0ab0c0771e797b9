// @vitest-environment jsdom
import '../support/domTest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../../../core/desktop/ipcContract';

// The browser's sync worker is not on this path: on desktop main writes the bundle and shows the save dialog.
vi.mock('../../../renderer/sync/syncClient', () => ({ syncClient: {} }));
const { SaveOfflineCopyButton } = await import('../../../renderer/offlineCopy/SaveOfflineCopyButton');

afterEach(() => {
  delete window.runbookReader;
});

describe('desktop Save offline copy', () => {
  const SOURCE = {
    id: 'ops',
    kind: 'git' as const,
    name: 'Ops',
    location: 'https://git.example.com/ops.git',
    version: 'a'.repeat(40),
    branch: 'main',
  };

  it('asks main to save the source’s commit (main shows the save dialog) and says what was saved', async () => {
    const saveOfflineCopy = vi.fn<DesktopBridge['saveOfflineCopy']>(async () => ({
      saved: true,
      fileName: 'ops-copy.bundle',
      partialHistory: true,
      historyNotFetched: 'this device is offline',
    }));
    window.runbookReader = { saveOfflineCopy } as Partial<DesktopBridge> as DesktopBridge;
    render(<SaveOfflineCopyButton source={SOURCE} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save offline copy' }));
    expect((await screen.findByRole('status')).textContent).toMatch(
      /^Saved ops-copy\.bundle, but its history could not be fetched \(this device is offline\): .*git clone refuses it/,
    );
    expect(saveOfflineCopy).toHaveBeenCalledWith({ sourceId: 'ops', name: 'Ops', commit: 'a'.repeat(40), branch: 'main' });
  });

  it('says nothing when the person cancels the dialog, and why when main could not save', async () => {
    const saveOfflineCopy = vi
      .fn<DesktopBridge['saveOfflineCopy']>()
      .mockResolvedValueOnce({ saved: false, cancelled: true, reason: 'Cancelled.' })
      .mockResolvedValueOnce({ saved: false, reason: 'Commit aaaaaaa is not on this device.' });
    window.runbookReader = { saveOfflineCopy } as Partial<DesktopBridge> as DesktopBridge;
    render(<SaveOfflineCopyButton source={SOURCE} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Save offline copy' }));
    await vi.waitFor(() => expect(saveOfflineCopy).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('button', { name: 'Save offline copy' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save offline copy' }));
    expect((await screen.findByRole('status')).textContent).toBe('Not saved: Commit aaaaaaa is not on this device.');
  });
});
