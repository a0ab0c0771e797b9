import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from '../../electron/security';
import { fakeElectron } from '../setup/electronMock';

function setup() {
  const window = new (fakeElectron().BrowserWindow)();
  const contents = window.webContents;
  const openExternal = vi.fn(async () => ({ opened: true }));
  hardenWebContents(contents as unknown as WebContents, openExternal);
  return { contents, openExternal };
}

function navigationEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

describe('hardenWebContents', () => {
  it.each([
    ['app://bundle/search', false, false],
    ['https://example.com/', true, true],
    ['mailto:oncall@example.com', true, true],
    ['slack://channel?team=T1&id=C1', true, true],
    ['mailto:oncall@example.com?attach=/etc/passwd', true, false],
    ['file:///etc/passwd', true, false],
    ['javascript:alert(1)', true, false],
    ['app://evil/', true, false],
  ])('will-navigate to %s: prevented=%s, opened outside=%s', (url, prevented, opened) => {
    const { contents, openExternal } = setup();
    const event = navigationEvent(url);
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0);
    expect(openExternal).toHaveBeenCalledTimes(opened ? 1 : 0);
  });

  it.each([
    ['app://bundle/index.html', false],
    ['https://example.com/', true],
    ['file:///etc/passwd', true],
  ])('will-redirect to %s: prevented=%s, never opened outside', (url, prevented) => {
    const { contents, openExternal } = setup();
    const event = navigationEvent(url);
    contents.emit('will-redirect', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks sub-frames from navigating away from the app', () => {
    const { contents } = setup();
    const away = navigationEvent('https://example.com/', false);
    const inside = navigationEvent('app://bundle/frame.html', false);
    const mainFrame = navigationEvent('https://example.com/', true);
    contents.emit('will-frame-navigate', away);
    contents.emit('will-frame-navigate', inside);
    contents.emit('will-frame-navigate', mainFrame);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(inside.preventDefault).not.toHaveBeenCalled();
    // The main frame is will-navigate's job (which may open it outside the app).
    expect(mainFrame.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach any webview', () => {
    const { contents } = setup();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, { preload: '/evil.js', nodeIntegration: true }, { src: 'https://evil.example' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each([
    ['https://example.com/docs', true],
    ['tel:+15551234', true],
    ['app://bundle/index.html', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['about:blank', false],
  ])('window.open(%s) is denied; opened outside the app: %s', (url, opened) => {
    const { contents, openExternal } = setup();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    if (opened) expect(openExternal).toHaveBeenCalledWith(url);
    else expect(openExternal).not.toHaveBeenCalled();
  });

  it('installs the permission handlers on the contents session', () => {
    const { contents } = setup();
    expect(contents.session.permissionRequestHandler).toBeTypeOf('function');
    expect(contents.session.permissionCheckHandler).toBeTypeOf('function');
  });
});

describe('hardenSession', () => {
  function hardened() {
    const session = fakeElectron().session.defaultSession;
    hardenSession(session as unknown as Session);
    return session;
  }

  it.each([
    ['clipboard-sanitized-write', 'app://bundle/index.html', true],
    ['clipboard-read', 'app://bundle/index.html', false],
    ['media', 'app://bundle/index.html', false],
    ['geolocation', 'app://bundle/index.html', false],
    ['notifications', 'app://bundle/index.html', false],
    ['openExternal', 'app://bundle/index.html', false],
    ['clipboard-sanitized-write', 'https://evil.example/', false],
  ])('request for %s from %s → %s', (permission, requestingUrl, granted) => {
    const session = hardened();
    const callback = vi.fn();
    session.permissionRequestHandler?.(null, permission, callback, { requestingUrl, isMainFrame: true });
    expect(callback).toHaveBeenCalledWith(granted);
  });

  it.each([
    ['clipboard-sanitized-write', 'app://bundle', true],
    ['clipboard-read', 'app://bundle', false],
    ['hid', 'app://bundle', false],
    ['serial', 'app://bundle', false],
    ['clipboard-sanitized-write', 'https://evil.example', false],
  ])('check for %s from %s → %s', (permission, origin, granted) => {
    const session = hardened();
    expect(session.permissionCheckHandler?.(null, permission, origin, {})).toBe(granted);
  });
});
