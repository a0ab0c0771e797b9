import { EventEmitter } from 'node:events';
import type { SafeStorage } from 'electron';
import { beforeEach, vi } from 'vitest';

// The Electron runtime cannot be downloaded on CI machines, so no test may load the real module.
// Every test file gets these small fakes instead: they record what the code under test did
// (handlers registered, messages sent, URLs opened) so tests can inspect it. Tests reach them with
// `fakeElectron()` below (the module itself is typed as the real `electron`). A fresh set is made
// before every test. Tests that need something else can still `vi.mock('electron', ...)`.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as in Node's own EventEmitter listener type: the fakes store handlers of many signatures.
type Listener = (...args: any[]) => unknown;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler;
  }
}

class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  session = new FakeSession();
  sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  url = '';
  pdf = Buffer.from('%PDF-1.7 fake');
  /** Loading from `loadURL` (or `did-start-loading`) until `did-finish-load` is emitted. */
  loading = false;
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'did-start-loading') this.loading = true;
    if (event === 'did-finish-load') this.loading = false;
    return super.emit(event, ...args);
  }
  isLoading(): boolean {
    return this.loading;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, payload: args[0] });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
  async printToPDF(_options: unknown): Promise<Buffer> {
    return this.pdf;
  }
}

class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((window) => !window.destroyed);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused;
  }
  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }

  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  loadedUrls: string[] = [];
  backgroundColors: string[] = [];
  bounds: Rect;
  visible = false;
  minimized = false;
  maximized = false;
  focusCount = 0;
  destroyed = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.bounds = {
      x: typeof options.x === 'number' ? options.x : 0,
      y: typeof options.y === 'number' ? options.y : 0,
      width: typeof options.width === 'number' ? options.width : 800,
      height: typeof options.height === 'number' ? options.height : 600,
    };
    FakeBrowserWindow.instances.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.url = url;
    this.webContents.loading = true;
  }
  setBackgroundColor(color: string): void {
    this.backgroundColors.push(color);
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focusCount += 1;
    FakeBrowserWindow.focused = this;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Test helper: what closing the window does (close, then closed). */
  simulateClose(): void {
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

function createFakes() {
  const paths: Record<string, string> = {
    userData: '/tmp/runbook-reader-test/userData',
    documents: '/tmp/runbook-reader-test/documents',
  };
  const app = Object.assign(new EventEmitter(), {
    paths,
    appPath: '/tmp/runbook-reader-test/app',
    version: '0.1.0',
    isPackaged: false,
    ready: false,
    singleInstanceLock: true,
    quitCount: 0,
    sandboxEnabled: false,
    defaultProtocolClients: [] as Array<{ protocol: string; path?: string | undefined; args?: string[] | undefined }>,
    getPath(name: string): string {
      const value = app.paths[name];
      if (value === undefined) throw new Error(`fake app.getPath: unknown path ${name}`);
      return value;
    },
    getAppPath: () => app.appPath,
    getVersion: () => app.version,
    isReady: () => app.ready,
    whenReady: () => new Promise<void>((resolve) => (app.ready ? resolve() : app.once('ready', () => resolve()))),
    /** Test helper: becomes ready and runs the `whenReady` continuations. */
    async becomeReady(): Promise<void> {
      app.ready = true;
      app.emit('ready');
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    requestSingleInstanceLock: () => app.singleInstanceLock,
    quit(): void {
      app.quitCount += 1;
    },
    enableSandbox(): void {
      app.sandboxEnabled = true;
    },
    setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
      app.defaultProtocolClients.push({ protocol, path, args });
      return true;
    },
  });

  const ipcMain = {
    handlers: new Map<string, Listener>(),
    handle(channel: string, handler: Listener): void {
      if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcMain.handlers.set(channel, handler);
    },
    removeHandler(channel: string): void {
      ipcMain.handlers.delete(channel);
    },
    /** Test helper: calls a registered handler like `ipcRenderer.invoke` would, from `frameUrl`. */
    async invoke(channel: string, frameUrl: string | null, ...args: unknown[]): Promise<unknown> {
      const handler = ipcMain.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const sender = new FakeWebContents();
      const event = { sender, senderFrame: frameUrl === null ? null : { url: frameUrl } };
      return handler(event, ...args);
    },
  };

  const ipcRenderer = Object.assign(new EventEmitter(), {
    invocations: [] as Array<{ channel: string; args: unknown[] }>,
    respond: (_channel: string, ..._args: unknown[]): unknown => undefined,
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      ipcRenderer.invocations.push({ channel, args });
      return ipcRenderer.respond(channel, ...args);
    },
  });

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown): void {
      contextBridge.exposed.set(key, api);
    },
  };

  const shell = {
    opened: [] as string[],
    failNext: false,
    async openExternal(url: string): Promise<void> {
      if (shell.failNext) {
        shell.failNext = false;
        throw new Error('No application registered for this URL');
      }
      shell.opened.push(url);
    },
  };

  const protocol = {
    privileged: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
    handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
      protocol.handlers.set(scheme, handler);
    },
  };

  // Reversible but unreadable: the plaintext never appears in the ciphertext, like the real thing.
  const CIPHER_PREFIX = Buffer.from('fake-safeStorage:');
  const safeStorage = {
    available: true,
    backend: 'gnome_libsecret' as ReturnType<SafeStorage['getSelectedStorageBackend']>,
    isEncryptionAvailable: () => safeStorage.available,
    getSelectedStorageBackend: () => safeStorage.backend,
    encryptString(plainText: string): Buffer {
      if (!safeStorage.available) throw new Error('Encryption is not available.');
      const bytes = Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0xa5);
      return Buffer.concat([CIPHER_PREFIX, Buffer.from(bytes).reverse()]);
    },
    decryptString(encrypted: Buffer): string {
      if (!encrypted.subarray(0, CIPHER_PREFIX.length).equals(CIPHER_PREFIX))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const bytes = Buffer.from(encrypted.subarray(CIPHER_PREFIX.length))
        .reverse()
        .map((byte) => byte ^ 0xa5);
      return Buffer.from(bytes).toString('utf8');
    },
  };

  const session = { defaultSession: new FakeSession() };

  const Menu = {
    applicationMenu: null as { template: unknown[] } | null,
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu(menu: { template: unknown[] } | null): void {
      Menu.applicationMenu = menu;
    },
  };

  const dialog = {
    nextSaveResult: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
    saveDialogs: [] as unknown[],
    async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
      dialog.saveDialogs.push(args[args.length - 1]);
      return dialog.nextSaveResult;
    },
  };

  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });

  const screen = {
    displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] as Array<{ id: number; workArea: Rect }>,
    getAllDisplays: () => screen.displays,
    getPrimaryDisplay: () => {
      const primary = screen.displays[0];
      if (!primary) throw new Error('fake screen: no display');
      return primary;
    },
  };

  const net = {
    async fetch(): Promise<Response> {
      throw new Error('fake electron.net: tests have no network');
    },
  };

  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    ipcRenderer,
    contextBridge,
    shell,
    protocol,
    safeStorage,
    session,
    Menu,
    dialog,
    nativeTheme,
    screen,
    net,
  };
}

export type FakeElectron = ReturnType<typeof createFakes>;
export type { FakeBrowserWindow, FakeWebContents, FakeSession };

const fakes = vi.hoisted((): { current: unknown } => ({ current: undefined }));

function resetFakes(): void {
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.focused = null;
  fakes.current = createFakes();
}

resetFakes();

// Getters, not values: code under test reads `electron.app` at call time, so replacing the fake
// set before each test gives every test fresh fakes without re-importing anything.
vi.mock('electron', () => {
  const names = Object.keys(fakes.current as FakeElectron) as Array<keyof FakeElectron>;
  const module: Record<string, unknown> = {};
  for (const name of names) {
    Object.defineProperty(module, name, { enumerable: true, get: () => (fakes.current as FakeElectron)[name] });
  }
  return module;
});

beforeEach(() => {
  resetFakes();
});

/** The fakes behind the mocked `electron` module, with their inspection helpers. */
export function fakeElectron(): FakeElectron {
  return fakes.current as FakeElectron;
}
