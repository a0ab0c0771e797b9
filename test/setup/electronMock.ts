import { vi } from 'vitest';

// The Electron runtime cannot be downloaded on CI machines, so no test may load the real module.
// Tests that need richer fakes override this with their own `vi.mock('electron', ...)`.
vi.mock('electron', () => ({
  app: {},
  BrowserWindow: class {},
  ipcMain: {},
  shell: {},
  protocol: {},
  safeStorage: {},
  session: {},
  Menu: {},
  contextBridge: {},
  ipcRenderer: {},
}));
