import { describe, expect, it } from 'vitest';
import { decideNavigation, decideRedirectOrSubframe, decideWindowOpen } from '../../../electron/policy/navigation';

describe('decideNavigation', () => {
  it.each([
    ['app://bundle/index.html', { action: 'allow' }],
    ['app://bundle/runbooks/bundled/db.md#step-2', { action: 'allow' }],
    ['https://status.example.com/', { action: 'open-externally', url: 'https://status.example.com/' }],
    ['mailto:oncall@example.com', { action: 'open-externally', url: 'mailto:oncall@example.com' }],
    ['tel:+15551234', { action: 'open-externally', url: 'tel:+15551234' }],
    // A chat link the contacts panel offers: the desktop app opened none of these before.
    ['slack://channel?team=T1&id=C1', { action: 'open-externally', url: 'slack://channel?team=T1&id=C1' }],
    ['msteams:/l/chat/0/0', { action: 'open-externally', url: 'msteams:/l/chat/0/0' }],
  ])('%s → %j', (url, decision) => {
    expect(decideNavigation(url)).toEqual(decision);
  });

  it.each([
    'app://bundle.evil.example/',
    'app://evil/index.html',
    'app://bundle@evil/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/',
    'https://user:pw@example.com/',
    'mailto:oncall@example.com?attach=/etc/passwd',
    'not a url',
  ])('blocks %s', (url) => {
    expect(decideNavigation(url).action).toBe('deny');
  });
});

describe('decideRedirectOrSubframe never leaves the app, not even for allowlisted sites', () => {
  it.each([
    ['app://bundle/index.html', 'allow'],
    ['https://example.com/', 'deny'],
    ['mailto:a@example.com', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['app://evil/', 'deny'],
  ])('%s → %s', (url, action) => {
    expect(decideRedirectOrSubframe(url).action).toBe(action);
  });
});

describe('decideWindowOpen never opens a window', () => {
  it.each([
    ['https://example.com/docs', { action: 'deny', openExternally: 'https://example.com/docs' }],
    ['mailto:oncall@example.com', { action: 'deny', openExternally: 'mailto:oncall@example.com' }],
    ['slack://channel?team=T1&id=C1', { action: 'deny', openExternally: 'slack://channel?team=T1&id=C1' }],
    ['mailto:oncall@example.com?Attach=/etc/passwd', { action: 'deny' }],
    ['app://bundle/index.html', { action: 'deny' }],
    ['javascript:alert(1)', { action: 'deny' }],
    ['file:///etc/passwd', { action: 'deny' }],
    ['about:blank', { action: 'deny' }],
    ['', { action: 'deny' }],
  ])('%s → %j', (url, decision) => {
    expect(decideWindowOpen(url)).toEqual(decision);
  });
});
