import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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

function offlineCopiesSent(window: FakeBrowserWindow): unknown[] {
  return window.webContents.sent.filter((message) => message.channel === 'offline-copy:opened').map((message) => message.payload);
}

/** The first bytes of a Git bundle: enough for main to recognise it; the page's import reads the rest. */
const BUNDLE = new TextEncoder().encode('# v2 git bundle\n1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b refs/heads/main\n\nPACK');

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

  it('an alert link (macOS open-url, or a second instance on Windows/Linux) reaches the page as the alert name', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { electron, window } = await startAndLoad();
    electron.app.emit('open-url', { preventDefault() {} }, 'runbook-reader://alert/HighBanSyncLag');
    electron.app.emit('second-instance', {}, ['x', 'runbook-reader://alert/Disk%20almost%20full'], '/', {});
    // An alert link names only the alert: the page decides the section from front matter.
    electron.app.emit('open-url', { preventDefault() {} }, 'runbook-reader://alert/HighBanSyncLag#elsewhere');
    expect(deepLinksSent(window)).toEqual([{ alert: 'HighBanSyncLag' }, { alert: 'Disk almost full' }]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('must not have an anchor'));
    warn.mockRestore();
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

describe('offline copies opened with the app (file association, "Open with", the command line)', () => {
  it('macOS open-file before ready: the file is read and handed to the page once, after it has loaded', async () => {
    const file = path.join(userData, 'runbooks.bundle');
    await writeFile(file, BUNDLE);
    const electron = await startMain();
    expect(electron.app.listenerCount('open-file')).toBe(1);
    const event = { preventDefault: vi.fn() };
    electron.app.emit('open-file', event, file);
    expect(event.preventDefault).toHaveBeenCalled(); // macOS would otherwise say the app cannot open it
    await electron.app.becomeReady();
    const window = electron.BrowserWindow.instances[0]!;
    window.webContents.emit('did-finish-load');
    await vi.waitFor(() => expect(offlineCopiesSent(window)).toEqual([{ fileName: 'runbooks.bundle', bytes: BUNDLE }]));
    window.webContents.emit('did-finish-load'); // a reload does not import it a second time
    expect(offlineCopiesSent(window)).toHaveLength(1);
    expect(electron.BrowserWindow.instances).toHaveLength(1);
  });

  it('a .bundle named on the command line at first start reaches the page (Windows and Linux)', async () => {
    const file = path.join(userData, 'from-argv.bundle');
    await writeFile(file, BUNDLE);
    process.argv = [...originalArgv, '--no-sandbox', file];
    const { window } = await startAndLoad();
    await vi.waitFor(() => expect(offlineCopiesSent(window)).toEqual([{ fileName: 'from-argv.bundle', bytes: BUNDLE }]));
  });

  it('a second instance opening a .bundle by a relative path: read from its working folder, window focused, file to the page', async () => {
    const folder = path.join(userData, 'Downloads');
    await mkdir(folder);
    await writeFile(path.join(folder, 'ops.bundle'), BUNDLE);
    const { electron, window } = await startAndLoad();
    window.minimized = true;
    electron.app.emit('second-instance', {}, ['/opt/Runbook Reader/runbook-reader', 'ops.bundle'], folder, {});
    await vi.waitFor(() => expect(offlineCopiesSent(window)).toEqual([{ fileName: 'ops.bundle', bytes: BUNDLE }]));
    expect(window.minimized).toBe(false);
    expect(window.focusCount).toBe(1);
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    expect(deepLinksSent(window)).toEqual([]);
  });

  it('a file opened while the page reloads waits for the reload', async () => {
    const file = path.join(userData, 'during-reload.bundle');
    await writeFile(file, BUNDLE);
    const { electron, window } = await startAndLoad();
    window.webContents.emit('did-start-loading');
    electron.app.emit('open-file', { preventDefault() {} }, file);
    // Read and kept (not sent into the page being replaced), then handed to the reloaded page.
    await vi.waitFor(() => expect(window.focusCount).toBe(1));
    expect(offlineCopiesSent(window)).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(offlineCopiesSent(window)).toEqual([{ fileName: 'during-reload.bundle', bytes: BUNDLE }]);
  });

  it('a file that is neither a bundle nor a zip is not handed to the page, and main says why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const file = path.join(userData, 'notes.bundle');
    await writeFile(file, 'just some notes\n');
    const { electron, window } = await startAndLoad();
    electron.app.emit('open-file', { preventDefault() {} }, file);
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith('Did not open notes.bundle as an offline copy: It is neither a Git bundle nor a zip.'),
    );
    expect(offlineCopiesSent(window)).toEqual([]);
    warn.mockRestore();
  });
});
