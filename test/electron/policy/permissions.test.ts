import { describe, expect, it } from 'vitest';
import { decidePermission } from '../../../electron/policy/permissions';

const APP = 'app://bundle/index.html';

describe('decidePermission', () => {
  it('grants clipboard writes to the app (Copy buttons)', () => {
    expect(decidePermission('clipboard-sanitized-write', APP)).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'app://bundle')).toBe(true);
  });

  it.each([
    'clipboard-read',
    'deprecated-sync-clipboard-read',
    'media',
    'display-capture',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'keyboardLock',
    'fullscreen',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'fileSystem',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'speaker-selection',
    'mediaKeySystem',
    'unknown',
    '',
  ])('denies %s', (permission) => {
    expect(decidePermission(permission, APP)).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///tmp/x.html', 'app://evil/', '', 'null'])('denies even clipboard writes to %s', (origin) => {
    expect(decidePermission('clipboard-sanitized-write', origin)).toBe(false);
  });
});
