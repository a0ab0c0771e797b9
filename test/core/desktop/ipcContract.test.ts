import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, DESKTOP_BRIDGE_KEY, EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../core/desktop/ipcContract';

describe('IPC contract', () => {
  it('names the invoke channels', () => {
    expect(Object.values(INVOKE_CHANNELS).sort()).toEqual(
      [
        'app:info',
        'offline-copy:import',
        'offline-copy:inspect',
        'offline-copy:save',
        'shell:open-external',
        'source:probe-host',
        'source:save',
        'sync:cancel',
        'sync:delete-store',
        'sync:prune-stores',
        'sync:run',
        'token:delete',
        'token:has',
        'token:set',
        'window:print-to-pdf',
      ].sort(),
    );
  });

  it('names the main → renderer events', () => {
    expect(Object.values(EVENT_CHANNELS).sort()).toEqual(['app:command', 'app:deep-link', 'offline-copy:opened', 'sync:progress']);
  });

  it('lists only commands the renderer handles (zoom is Electron’s built-in roles)', () => {
    expect([...APP_COMMANDS].sort()).toEqual(['bookmark', 'contacts', 'print', 'search', 'sync']);
  });

  it('uses namespaced, unique channel names', () => {
    const names = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*:[a-z-]+$/);
  });

  it('exposes the bridge as window.runbookReader', () => {
    expect(DESKTOP_BRIDGE_KEY).toBe('runbookReader');
  });
});
