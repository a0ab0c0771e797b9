import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/policy/ipcSender';

describe('isTrustedSender', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/runbooks/x#y', true],
    ['app://bundle.evil/', false],
    ['https://example.com/', false],
    ['file:///index.html', false],
    ['about:blank', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedSender(url)).toBe(trusted);
  });
});
