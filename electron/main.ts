/**
 * Electron main entry: the app's lifecycle, wiring the modules of `electron/` together.
 * One instance only; a second launch (for example from a runbook-reader:// link) hands its link
 * to the first one and exits.
 */
import path from 'node:path';
import { app, BrowserWindow, net, session } from 'electron';
import { DEEP_LINK_SCHEME, findDeepLinkArgument } from '../core/desktop/deepLink';
import { EVENT_CHANNELS, type OfflineCopyOpened } from '../core/desktop/ipcContract';
import { registerAppSchemeAsPrivileged, serveAppBundle } from './appProtocol';
import { DeepLinkDelivery } from './deepLinkDelivery';
import { createDesktopGitSync } from './gitSync';
import { createHostProbe } from './hostProbe';
import { createIpcHandlers, registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { findOfflineCopyArgument, readOpenedOfflineCopy, saveOfflineCopyWithDialog } from './offlineCopyFiles';
import { openExternalSafely } from './openExternal';
import { printToPdf } from './printToPdf';
import { sendToRenderer } from './rendererEvents';
import { hardenSession, hardenWebContents } from './security';
import { createSourceSettingsStore, sourceSettingsFilePath } from './sourceSettingsStore';
import { appTokenStore, readToken } from './tokenStore';
import { createMainWindow, focusWindow } from './window';

let mainWindow: BrowserWindow | undefined;
const deepLinks = new DeepLinkDelivery();
/** A `.bundle` or `.zip` opened with the app before its page could take it. */
let openedFile: OfflineCopyOpened | undefined;

function openMainWindow(): BrowserWindow {
  const window = createMainWindow();
  const contents = window.webContents;
  contents.on('did-start-loading', () => deepLinks.detach());
  contents.on('did-finish-load', () => {
    deepLinks.attach((link) => sendToRenderer(contents, EVENT_CHANNELS.deepLink, link));
    if (openedFile) sendToRenderer(contents, EVENT_CHANNELS.offlineCopyOpened, openedFile);
    openedFile = undefined;
  });
  window.on('closed', () => {
    deepLinks.detach();
    if (mainWindow === window) mainWindow = undefined;
  });
  mainWindow = window;
  return window;
}

function showMainWindow(): void {
  if (!app.isReady()) return;
  if (mainWindow && !mainWindow.isDestroyed()) focusWindow(mainWindow);
  else openMainWindow();
}

/** A file opened with the app goes to the page's import panel, which asks where to import it. */
function receiveOfflineCopyFile(filePath: string): void {
  void readOpenedOfflineCopy(filePath).then((read) => {
    if (!read.ok) {
      console.warn(`Did not open ${path.basename(filePath)} as an offline copy: ${read.reason}`);
      return;
    }
    const contents = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : undefined;
    if (contents && !contents.isLoading()) sendToRenderer(contents, EVENT_CHANNELS.offlineCopyOpened, read.file);
    else openedFile = read.file;
    showMainWindow();
  });
}

function receiveDeepLink(rawUrl: string): void {
  deepLinks.receive(rawUrl);
  showMainWindow();
}

/**
 * Claims runbook-reader:// links. Anyone can craft one, so every link goes through the strict
 * `parseDeepLink` and can only select a runbook to show (Electronegativity's PROTOCOL_HANDLER_JS_CHECK
 * review; accepted in test/electron/electronegativity.test.ts).
 */
function registerAsDeepLinkHandler(): void {
  // Unpackaged (`electron .`), the OS must start Electron with the app's folder as argument.
  const appFolder = process.argv[1];
  if (process.defaultApp && appFolder !== undefined) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(appFolder)]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
}

function onReady(): void {
  hardenSession(session.defaultSession);
  serveAppBundle();
  const sourceSettings = createSourceSettingsStore(sourceSettingsFilePath(app.getPath('userData')));
  const gitSync = createDesktopGitSync({
    userDataPath: app.getPath('userData'),
    readSettings: (sourceId) => sourceSettings.get(sourceId),
    readToken,
    isOnline: () => net.isOnline(),
  });
  const probeSourceHost = createHostProbe({ readSettings: (sourceId) => sourceSettings.get(sourceId), isOnline: () => net.isOnline() });
  registerIpcHandlers(
    createIpcHandlers({
      appVersion: () => app.getVersion(),
      platform: process.platform,
      openExternalSafely: (url) => openExternalSafely(url),
      printToPdf,
      tokenStore: appTokenStore(),
      sourceSettings,
      probeHost: probeSourceHost,
      syncRun: (request, target) => gitSync.run(request, target),
      syncCancel: (sourceId) => gitSync.cancel(sourceId),
      // A removed source's saved address goes with its downloaded data.
      deleteSyncStore: async (sourceId) => {
        await sourceSettings.delete(sourceId).catch(() => undefined);
        return gitSync.deleteStore(sourceId);
      },
      pruneSyncStores: (keepSourceIds) => gitSync.pruneStores(keepSourceIds),
      importOfflineCopy: (request) => gitSync.importOfflineCopy(request),
      inspectOfflineCopy: (request) => gitSync.inspectOfflineCopy(request),
      saveOfflineCopy: (request, contents) => saveOfflineCopyWithDialog(request, contents, (source) => gitSync.writeOfflineCopy(source)),
    }),
  );
  installApplicationMenu({
    platform: process.platform,
    isPackaged: app.isPackaged,
    sendCommand: (command) => {
      const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
      if (target && !target.isDestroyed()) sendToRenderer(target.webContents, EVENT_CHANNELS.command, command);
    },
  });
  openMainWindow();
}

function start(): void {
  app.enableSandbox();
  registerAppSchemeAsPrivileged();
  registerAsDeepLinkHandler();

  // Every webContents, including any created later, gets the navigation and window-open guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => openExternalSafely(url)));

  // macOS delivers links with this event, possibly before `ready`: register it first thing.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receiveDeepLink(url);
  });
  // macOS: a .bundle or .zip opened with the app (file association), possibly before `ready`.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    receiveOfflineCopyFile(filePath);
  });
  // Windows and Linux start a second process with the link or the opened file in its arguments.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const link = findDeepLinkArgument(argv);
    const file = findOfflineCopyArgument(argv);
    if (link !== undefined) receiveDeepLink(link);
    else if (file !== undefined) receiveOfflineCopyFile(path.resolve(workingDirectory, file));
    else showMainWindow();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const launchLink = findDeepLinkArgument(process.argv);
  if (launchLink !== undefined) deepLinks.receive(launchLink);
  const launchFile = findOfflineCopyArgument(process.argv);
  if (launchFile !== undefined) receiveOfflineCopyFile(path.resolve(launchFile));

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error(`Runbook Reader could not start: ${error instanceof Error ? error.message : String(error)}`);
      app.quit();
    });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
