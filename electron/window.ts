/** The main window: locked-down web preferences, remembered placement, theme-matched background. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_ENTRY_URL } from './policy/appOrigin';
import { MIN_WINDOW_SIZE, parseSavedWindowState, placeWindow, serializeWindowState, type Rect, type WindowPlacement } from './windowState';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';

/** Matches the renderer's page background so the window never flashes white at 3 a.m. */
export function windowBackgroundColor(dark: boolean): string {
  return dark ? '#15171a' : '#f7f7f5';
}

function statePath(): string {
  return path.join(app.getPath('userData'), WINDOW_STATE_FILE_NAME);
}

function readSavedState(): string | undefined {
  try {
    return readFileSync(statePath(), 'utf8');
  } catch {
    return undefined;
  }
}

function saveState(window: BrowserWindow): void {
  const text = serializeWindowState({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  const target = statePath();
  const temporary = `${target}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    // Losing the window size is not worth failing the quit over.
    console.warn(`Could not save the window state: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Work areas of the connected displays, primary first. */
function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

function preloadPath(): string {
  return path.join(app.getAppPath(), 'dist-electron', 'preload.cjs');
}

/** Position and size only; no x/y lets the OS centre the window. */
function windowBounds({ maximized: _maximized, ...bounds }: WindowPlacement): Omit<WindowPlacement, 'maximized'> {
  return bounds;
}

export function createMainWindow(): BrowserWindow {
  const placement = placeWindow(parseSavedWindowState(readSavedState()), workAreas());
  const window = new BrowserWindow({
    ...windowBounds(placement),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Runbook Reader',
    show: false,
    backgroundColor: windowBackgroundColor(nativeTheme.shouldUseDarkColors),
    webPreferences: {
      // Our own bundled, sandboxed preload exposing only the typed bridge (Electronegativity's
      // PRELOAD_JS_CHECK review; accepted in test/electron/electronegativity.test.ts).
      preload: preloadPath(),
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
      // Middle-click is routed through the window-open handler anyway; disabling `auxclick` removes
      // one more way for page script to react to clicks the policy did not see.
      disableBlinkFeatures: 'Auxclick',
    },
  });

  const followTheme = (): void => window.setBackgroundColor(windowBackgroundColor(nativeTheme.shouldUseDarkColors));
  nativeTheme.on('updated', followTheme);
  window.on('closed', () => nativeTheme.removeListener('updated', followTheme));

  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => saveState(window));

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`Could not load the app: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}

/** Brings the window to the front, un-minimising it. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
