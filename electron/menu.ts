/**
 * The application menu. Its keyboard shortcuts work even when focus is in a text field, and they
 * are what a person scans for under stress, so the labels say plainly what each item does.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../core/desktop/ipcContract';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer items (reload, DevTools) only when running unpackaged. */
  isPackaged: boolean;
  /** Sends an `app:command` to the focused window. */
  sendCommand(command: AppCommand): void;
}

/** Menu items that the renderer handles, with their shortcuts. */
export const COMMAND_ITEMS: ReadonlyArray<{ command: AppCommand; label: string; accelerator: string }> = [
  { command: 'search', label: 'Search Runbooks…', accelerator: 'CmdOrCtrl+K' },
  { command: 'contacts', label: 'Emergency Contacts', accelerator: 'CmdOrCtrl+Shift+E' },
  { command: 'bookmark', label: 'Bookmark This Runbook', accelerator: 'CmdOrCtrl+D' },
  // CmdOrCtrl+R is reload and CmdOrCtrl+S suggests "save"; Shift+S reads as "sync".
  { command: 'sync', label: 'Sync Now', accelerator: 'CmdOrCtrl+Shift+S' },
  { command: 'print', label: 'Print / Save as PDF…', accelerator: 'CmdOrCtrl+P' },
];

function commandItem(command: AppCommand, options: MenuOptions): MenuItemConstructorOptions {
  const item = COMMAND_ITEMS.find((candidate) => candidate.command === command);
  if (!item) throw new Error(`No menu item for command ${command}`);
  return {
    id: `command:${command}`,
    label: item.label,
    accelerator: item.accelerator,
    click: () => options.sendCommand(command),
  };
}

/** The menu template; pure so that it can be tested without Electron. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });

  template.push({
    label: 'File',
    submenu: [commandItem('print', options), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
  });
  template.push({ role: 'editMenu' });
  template.push({
    label: 'Go',
    submenu: [
      commandItem('search', options),
      commandItem('contacts', options),
      commandItem('bookmark', options),
      { type: 'separator' },
      commandItem('sync', options),
    ],
  });

  const developerItems: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  template.push({
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      // "CmdOrCtrl+Plus" needs Shift on most layouts; this hidden twin makes CmdOrCtrl+= work too.
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=', visible: false },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...developerItems,
    ],
  });
  template.push({ role: 'windowMenu' });
  return template;
}

export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
