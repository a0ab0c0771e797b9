import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../core/desktop/ipcContract';
import { fakeElectron, type FakeBrowserWindow } from '../setup/electronMock';

let userData: string;
const originalArgv = process.argv;

beforeEach(async () => {
  vi.resetModules();
  userData = await mkdtemp(path.join(tmpdir(), 'main-'));
  fakeElectron().app.paths.userData = userData;
});

afterEach(async () => {
  process.argv = originalArgv;
  await rm(userData, { recursive: true, force: true });
});

async function startMain(): Promise<ReturnType<typeof fakeElectron>> {
  await import('../../electron/main');
  return fakeElectron();
}

async function startAndLoad(): Promise<{ electron: ReturnType<typeof fakeElectron>; window: FakeBrowserWindow }> {
  const electron = await startMain();
  await electron.app.becomeReady();
  const window = electron.BrowserWindow.instances[0];
  if (!window) throw new Error('no window was created');
  window.webContents.emit('did-finish-load');
  return { electron, window };
}

function deepLinksSent(window: FakeBrowserWindow): unknown[] {
  return window.webContents.sent.filter((message) => message.channel === 'app:deep-link').map((message) => message.payload);
}

describe('main process lifecycle', () => {
  it('quits at once when another instance holds the lock', async () => {
    fakeElectron().app.singleInstanceLock = false;
    const electron = await startMain();
    expect(electron.app.quitCount).toBe(1);
    expect(electron.app.listenerCount('web-contents-created')).toBe(0);
    expect(electron.protocol.privileged).toEqual([]);
  });

  it('before ready: sandbox for all, app:// privileged, deep-link scheme claimed, listeners in place', async () => {
    const electron = await startMain();
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.protocol.privileged.map((scheme) => scheme.scheme)).toEqual(['app']);
    expect(electron.app.defaultProtocolClients.map((client) => client.protocol)).toEqual(['runbook-reader']);
    for (const event of ['open-url', 'second-instance', 'web-contents-created', 'window-all-closed', 'activate']) {
      expect(electron.app.listenerCount(event)).toBe(1);
    }
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });

  it('when ready: serves app://, registers the contract handlers and the menu, opens the window', async () => {
    const { electron, window } = await startAndLoad();
    expect(electron.protocol.handlers.has('app')).toBe(true);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(electron.Menu.applicationMenu).not.toBeNull();
    expect(window.loadedUrls).toEqual(['app://bundle/index.html']);
    expect(electron.session.defaultSession.permissionRequestHandler).toBeTypeOf('function');
  });

  it('hardens every webContents created', async () => {
    const electron = await startMain();
    const other = new electron.BrowserWindow();
    electron.app.emit('web-contents-created', {}, other.webContents);
    expect(other.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(other.webContents.listenerCount('will-navigate')).toBe(1);
    expect(other.webContents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('macOS open-url before ready is kept and delivered once the page has loaded', async () => {
    const electron = await startMain();
    const event = { preventDefault: vi.fn() };
    electron.app.emit('open-url', event, 'runbook-reader://open/bundled/db/failover.md#promote');
    expect(event.preventDefault).toHaveBeenCalled();
    await electron.app.becomeReady();
    const window = electron.BrowserWindow.instances[0]!;
    expect(deepLinksSent(window)).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(deepLinksSent(window)).toEqual([{ sourceId: 'bundled', path: 'db/failover.md', anchor: 'promote' }]);
  });

  it('a launch argument link is delivered after load (Windows/Linux first start)', async () => {
    process.argv = [...originalArgv, 'runbook-reader://open/bundled/a.md'];
    const { window } = await startAndLoad();
    expect(deepLinksSent(window)).toEqual([{ sourceId: 'bundled', path: 'a.md' }]);
  });

  it('a second instance focuses the window and forwards its link', async () => {
    const { electron, window } = await startAndLoad();
    window.minimized = true;
    electron.app.emit('second-instance', {}, ['/opt/Runbook Reader/runbook-reader', 'runbook-reader://open/ops/net/dns.md'], '/', {});
    expect(window.minimized).toBe(false);
    expect(window.focusCount).toBe(1);
    expect(deepLinksSent(window)).toEqual([{ sourceId: 'ops', path: 'net/dns.md' }]);
    expect(electron.BrowserWindow.instances).toHaveLength(1);
  });

  it('a second instance with a hostile link only focuses the window', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { electron, window } = await startAndLoad();
    electron.app.emit('second-instance', {}, ['x', 'runbook-reader://open/bundled/%2e%2e/%2e%2e/etc/passwd.md'], '/', {});
    expect(window.focusCount).toBe(1);
    expect(deepLinksSent(window)).toEqual([]);
    warn.mockRestore();
  });

  it('links arriving while the page reloads wait for the reload', async () => {
    const { electron, window } = await startAndLoad();
    window.webContents.emit('did-start-loading');
    electron.app.emit('open-url', { preventDefault() {} }, 'runbook-reader://open/bundled/b.md');
    expect(deepLinksSent(window)).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(deepLinksSent(window)).toEqual([{ sourceId: 'bundled', path: 'b.md' }]);
  });

  it('menu commands go to the focused window', async () => {
    const { electron, window } = await startAndLoad();
    const template = electron.Menu.applicationMenu?.template as Array<{ submenu?: Array<{ id?: string; click?: () => void }> }>;
    const search = template.flatMap((menu) => menu.submenu ?? []).find((item) => item.id === 'command:search');
    search?.click?.();
    expect(window.webContents.sent).toContainEqual({ channel: 'app:command', payload: 'search' });
  });

  it('quits when the last window closes (except on macOS)', async () => {
    const { electron, window } = await startAndLoad();
    window.simulateClose();
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCount).toBe(process.platform === 'darwin' ? 0 : 1);
  });

  it('re-opens a window on activate when there is none', async () => {
    const { electron, window } = await startAndLoad();
    window.simulateClose();
    electron.app.emit('activate');
    expect(electron.BrowserWindow.instances).toHaveLength(2);
  });
});
