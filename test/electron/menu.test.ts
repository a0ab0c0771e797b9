import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS, type AppCommand } from '../../core/desktop/ipcContract';
import { buildMenuTemplate, installApplicationMenu } from '../../electron/menu';
import { fakeElectron } from '../setup/electronMock';

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isPackaged = true) {
  const sendCommand = vi.fn<(command: AppCommand) => void>();
  const items = allItems(buildMenuTemplate({ platform, isPackaged, sendCommand }));
  return { items, sendCommand };
}

const EXPECTED: Array<[AppCommand, string]> = [
  ['search', 'CmdOrCtrl+K'],
  ['contacts', 'CmdOrCtrl+Shift+E'],
  ['sync', 'CmdOrCtrl+Shift+S'],
  ['bookmark', 'CmdOrCtrl+D'],
  ['print', 'CmdOrCtrl+P'],
];

describe.each(['darwin', 'win32', 'linux'] as const)('application menu on %s', (platform) => {
  it.each(EXPECTED)('has %s on %s and it sends exactly that command', (command, accelerator) => {
    const { items, sendCommand } = build(platform);
    const matching = items.filter((item) => item.id === `command:${command}`);
    expect(matching).toHaveLength(1);
    const [item] = matching;
    expect(item?.accelerator).toBe(accelerator);
    item?.click?.(undefined as never, undefined, undefined as never);
    expect(sendCommand).toHaveBeenCalledTimes(1);
    expect(sendCommand).toHaveBeenCalledWith(command);
  });

  it('covers every renderer command exactly once', () => {
    const { items } = build(platform);
    const commands = items.filter((item) => item.id?.startsWith('command:')).map((item) => item.id?.slice('command:'.length));
    expect(commands.sort()).toEqual([...APP_COMMANDS].sort());
  });

  it('uses no accelerator twice (the hidden zoom twin aside)', () => {
    const { items } = build(platform, false);
    const accelerators = items.filter((item) => item.accelerator && item.visible !== false).map((item) => item.accelerator);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(accelerators).not.toContain('CmdOrCtrl+R');
  });

  it('uses the built-in zoom roles and the standard Edit menu', () => {
    const roles = build(platform).items.map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'editMenu', 'windowMenu']));
  });

  it('shows developer items only when unpackaged', () => {
    expect(build(platform, true).items.map((item) => item.role)).not.toContain('toggleDevTools');
    expect(build(platform, false).items.map((item) => item.role)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });
});

describe('platform specifics', () => {
  it('has the macOS app menu only on macOS', () => {
    expect(build('darwin').items[0]?.role).toBe('appMenu');
    expect(build('win32').items.map((item) => item.role)).not.toContain('appMenu');
  });

  it('quits from the File menu outside macOS', () => {
    expect(build('linux').items.map((item) => item.role)).toContain('quit');
    expect(build('darwin').items.map((item) => item.role)).toContain('close');
  });
});

describe('installApplicationMenu', () => {
  it('sets the built menu as the application menu', () => {
    installApplicationMenu({ platform: 'linux', isPackaged: true, sendCommand: () => undefined });
    expect(fakeElectron().Menu.applicationMenu?.template.length).toBeGreaterThan(0);
  });
});
