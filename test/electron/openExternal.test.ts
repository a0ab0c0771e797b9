import { describe, expect, it } from 'vitest';
import { openExternalSafely } from '../../electron/openExternal';
import { fakeElectron } from '../setup/electronMock';

describe('openExternalSafely', () => {
  it.each([
    ['https://status.example.com/', true],
    ['mailto:oncall@example.com', true],
    ['tel:+15551234', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['smb://server/share', false],
    ['https://user:pw@example.com/', false],
    ['app://bundle/index.html', false],
  ])('%s → opened=%s, and the OS sees only allowed URLs', async (url, opened) => {
    const result = await openExternalSafely(url);
    expect(result.opened).toBe(opened);
    expect(fakeElectron().shell.opened).toEqual(opened ? [url] : []);
    if (!opened) expect(result.reason).toBeTruthy();
  });

  it('reports an OS failure instead of throwing', async () => {
    fakeElectron().shell.failNext = true;
    const result = await openExternalSafely('https://example.com/');
    expect(result).toMatchObject({ opened: false });
    expect(result.reason).toMatch(/could not open/);
  });

  it('opens the chat links the contacts panel offers, and no mail link that attaches a file', async () => {
    expect((await openExternalSafely('slack://channel?id=C1')).opened).toBe(true);
    expect((await openExternalSafely('msteams:/l/chat/0/0')).opened).toBe(true);
    expect((await openExternalSafely('mailto:oncall@example.com?ATTACH=%2Fetc%2Fpasswd')).opened).toBe(false);
    expect(fakeElectron().shell.opened).toEqual(['slack://channel?id=C1', 'msteams:/l/chat/0/0']);
  });
});
