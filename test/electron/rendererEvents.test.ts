import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { sendToRenderer } from '../../electron/rendererEvents';
import { fakeElectron } from '../setup/electronMock';

describe('sendToRenderer', () => {
  it('sends contract events and skips destroyed pages', () => {
    const contents = new (fakeElectron().BrowserWindow)().webContents;
    sendToRenderer(contents as unknown as WebContents, 'app:command', 'search');
    sendToRenderer(contents as unknown as WebContents, 'app:deep-link', { sourceId: 'bundled', path: 'a.md' });
    contents.destroyed = true;
    sendToRenderer(contents as unknown as WebContents, 'app:command', 'sync');
    expect(contents.sent).toEqual([
      { channel: 'app:command', payload: 'search' },
      { channel: 'app:deep-link', payload: { sourceId: 'bundled', path: 'a.md' } },
    ]);
  });
});
