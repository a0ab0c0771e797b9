import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMainWindow, focusWindow, WINDOW_STATE_FILE_NAME, windowBackgroundColor } from '../../electron/window';
import { fakeElectron, type FakeBrowserWindow } from '../setup/electronMock';

let userData: string;

beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'window-'));
  const electron = fakeElectron();
  electron.app.paths.userData = userData;
  electron.app.appPath = '/opt/runbook-reader/resources/app.asar';
});

afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

function create(): FakeBrowserWindow {
  return createMainWindow() as unknown as FakeBrowserWindow;
}

describe('main window', () => {
  it('locks down the web preferences', () => {
    const window = create();
    expect(window.options.webPreferences).toEqual({
      preload: path.join('/opt/runbook-reader/resources/app.asar', 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('loads the app bundle and stays hidden until ready-to-show', () => {
    const window = create();
    expect(window.loadedUrls).toEqual(['app://bundle/index.html']);
    expect(window.options.show).toBe(false);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('follows the system theme for its background', () => {
    const electron = fakeElectron();
    electron.nativeTheme.shouldUseDarkColors = true;
    const window = create();
    expect(window.options.backgroundColor).toBe(windowBackgroundColor(true));
    electron.nativeTheme.shouldUseDarkColors = false;
    electron.nativeTheme.emit('updated');
    expect(window.backgroundColors).toEqual([windowBackgroundColor(false)]);
    window.simulateClose();
    expect(electron.nativeTheme.listenerCount('updated')).toBe(0);
  });

  it('starts at the default size, centred, without a state file', () => {
    const window = create();
    expect(window.options).toMatchObject({ width: 1200, height: 800 });
    // No position at all lets the OS centre the window.
    expect(window.options).not.toHaveProperty('x');
    expect(window.options).not.toHaveProperty('y');
  });

  it('saves its placement on close and restores it next time', async () => {
    const first = create();
    first.bounds = { x: 50, y: 60, width: 1000, height: 700 };
    first.maximized = true;
    first.simulateClose();
    const saved = JSON.parse(await readFile(path.join(userData, WINDOW_STATE_FILE_NAME), 'utf8')) as unknown;
    expect(saved).toEqual({ x: 50, y: 60, width: 1000, height: 700, maximized: true });

    const second = create();
    expect(second.options).toMatchObject({ x: 50, y: 60, width: 1000, height: 700 });
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
  });

  it.each([
    ['not JSON', '{oops'],
    ['negative size', '{"x":0,"y":0,"width":-5,"height":-5}'],
    ['off-screen', '{"x":9000,"y":9000,"width":800,"height":600}'],
  ])('ignores a bad state file (%s)', async (_name, text) => {
    await writeFile(path.join(userData, WINDOW_STATE_FILE_NAME), text);
    const window = create();
    expect(window.options.x).toBeUndefined();
    expect(window.options.y).toBeUndefined();
  });

  it('brings a minimised window back to the front', () => {
    const window = create();
    window.minimized = true;
    focusWindow(window as never);
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focusCount).toBe(1);
  });
});
