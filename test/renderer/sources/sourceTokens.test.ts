import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../../../core/desktop/ipcContract';
import { sourceTokensFor } from '../../../renderer/sources/sourceTokens';
import { readWebToken } from '../../../renderer/sync/webTokenStore';

describe('source tokens in the desktop app', () => {
  it('go to the main process (keychain), with the settings saved there first; nothing is kept in the page', async () => {
    const bridge = {
      saveSource: vi.fn(async () => ({ saved: true })),
      setToken: vi.fn(async () => ({ stored: true })),
      deleteToken: vi.fn(async () => undefined),
    };
    const tokens = sourceTokensFor({ kind: 'desktop', desktop: bridge as unknown as DesktopBridge });
    const settings = { sourceId: 'git-1', url: 'https://git.example.com/ops.git' };
    expect(await tokens.saveSettings(settings)).toEqual({ saved: true });
    expect(await tokens.save({ id: 'git-1', location: settings.url }, 'ghp_x')).toEqual({ stored: true });
    await tokens.forget('git-1');
    expect(bridge.saveSource).toHaveBeenCalledWith(settings);
    expect(bridge.setToken).toHaveBeenCalledWith('git-1', 'ghp_x');
    expect(bridge.deleteToken).toHaveBeenCalledWith('git-1');
    expect(await readWebToken('git-1')).toBeUndefined();
    expect(tokens.usesCorsProxy).toBe(false);
    expect(tokens.storageNote).toMatch(/system keychain/);
  });
});

describe('source tokens in a browser', () => {
  it('are kept in this site’s storage, bound to the origin of the address, with the proxy trusted', async () => {
    const tokens = sourceTokensFor({ kind: 'web' });
    expect(await tokens.saveSettings({ sourceId: 'git-2', url: 'https://git.example.com/ops.git' })).toEqual({ saved: true });
    expect(await tokens.save({ id: 'git-2', location: 'https://git.example.com/ops.git' }, 'ghp_y', 'https://proxy.example')).toEqual({
      stored: true,
    });
    expect(await readWebToken('git-2')).toEqual({
      token: { value: 'ghp_y', origin: 'https://git.example.com' },
      trustedProxy: 'https://proxy.example',
    });
    await tokens.forget('git-2');
    expect(await readWebToken('git-2')).toBeUndefined();
    expect(tokens.usesCorsProxy).toBe(true);
  });

  it('are refused for a plain http address on another computer, and nothing is stored', async () => {
    const tokens = sourceTokensFor({ kind: 'web' });
    const saved = await tokens.save({ id: 'git-3', location: 'http://git.example.com/ops.git' }, 'ghp_z');
    expect(saved).toEqual({ stored: false, reason: expect.stringContaining('never sent over plain http://') });
    expect(await readWebToken('git-3')).toBeUndefined();
  });
});
