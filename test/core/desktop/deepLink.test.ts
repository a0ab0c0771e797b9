import { describe, expect, it } from 'vitest';
import { DEEP_LINK_MAX_LENGTH, findDeepLinkArgument, parseDeepLink } from '../../../core/desktop/deepLink';

describe('parseDeepLink accepts well-formed links', () => {
  it.each([
    ['runbook-reader://open/bundled/db/failover.md', { sourceId: 'bundled', path: 'db/failover.md' }],
    [
      'runbook-reader://open/bundled/db/failover.md#promote-the-replica',
      { sourceId: 'bundled', path: 'db/failover.md', anchor: 'promote-the-replica' },
    ],
    ['runbook-reader://open/ops-git/top.md', { sourceId: 'ops-git', path: 'top.md' }],
    ['RUNBOOK-READER://OPEN/bundled/a.md', { sourceId: 'bundled', path: 'a.md' }],
    ['runbook-reader://open/bundled/UPPER.MD', { sourceId: 'bundled', path: 'UPPER.MD' }],
    // Percent-encoding of ordinary characters is decoded exactly once.
    ['runbook-reader://open/bundled/network/dns%20outage.md', { sourceId: 'bundled', path: 'network/dns outage.md' }],
    ['runbook-reader://open/bundled/db.md#step%203', { sourceId: 'bundled', path: 'db.md', anchor: 'step 3' }],
    ['runbook-reader://open/bundled/100%25%20done.md', { sourceId: 'bundled', path: '100% done.md' }],
    // Unicode, raw or percent-encoded.
    ['runbook-reader://open/bundled/дежурство/сеть.md', { sourceId: 'bundled', path: 'дежурство/сеть.md' }],
    ['runbook-reader://open/bundled/caf%C3%A9.md#r%C3%A9seau', { sourceId: 'bundled', path: 'café.md', anchor: 'réseau' }],
    ['runbook-reader://open/bundled/a.md#x#y', { sourceId: 'bundled', path: 'a.md', anchor: 'x#y' }],
  ])('%s', (input, link) => {
    expect(parseDeepLink(input)).toEqual({ ok: true, link });
  });
});

describe('parseDeepLink refuses hostile or malformed links, with a reason', () => {
  it.each([
    ['empty', '', /empty/],
    ['javascript: scheme', 'javascript:alert(1)//open/bundled/a.md', /Only runbook-reader:\/\//],
    ['file: scheme', 'file:///etc/passwd', /Only runbook-reader:\/\//],
    ['http: scheme', 'http://open/bundled/a.md', /Only runbook-reader:\/\//],
    ['https: scheme', 'https://evil.example/open/bundled/a.md', /Only runbook-reader:\/\//],
    ['look-alike scheme', 'runbook-readers://open/bundled/a.md', /Only runbook-reader:\/\//],
    ['leading space', ' runbook-reader://open/bundled/a.md', /Only runbook-reader:\/\//],
    ['no slashes', 'runbook-reader:open/bundled/a.md', /must start with/],
    ['other action', 'runbook-reader://delete/bundled/a.md', /Only runbook-reader:\/\/open\//],
    ['action with userinfo', 'runbook-reader://user@open/bundled/a.md', /Only runbook-reader:\/\/open\//],
    ['action with port', 'runbook-reader://open:80/bundled/a.md', /Only runbook-reader:\/\/open\//],
    ['no action', 'runbook-reader:///bundled/a.md', /Only runbook-reader:\/\/open\//],
    ['no path', 'runbook-reader://open/bundled', /source and a runbook path/],
    ['nothing after open', 'runbook-reader://open/', /source and a runbook path/],
    ['empty source id', 'runbook-reader://open//a.md', /empty source id/],
    ['empty path segment', 'runbook-reader://open/bundled/db//a.md', /empty path segment/],
    ['trailing slash', 'runbook-reader://open/bundled/a.md/', /empty path segment/],
    ['dot-dot segment', 'runbook-reader://open/bundled/../secrets/a.md', /"\." or "\.\."/],
    ['dot segment', 'runbook-reader://open/bundled/./a.md', /"\." or "\.\."/],
    ['dot-dot source id', 'runbook-reader://open/../a.md', /"\." or "\.\."/],
    ['encoded dot-dot', 'runbook-reader://open/bundled/%2e%2e/a.md', /"\." or "\.\."/],
    ['mixed-case encoded dot-dot', 'runbook-reader://open/bundled/%2E%2e/a.md', /"\." or "\.\."/],
    ['half-encoded dot-dot', 'runbook-reader://open/bundled/.%2e/a.md', /"\." or "\.\."/],
    ['double-encoded dot-dot', 'runbook-reader://open/bundled/%252e%252e/a.md', /percent-encoded twice/],
    ['encoded slash', 'runbook-reader://open/bundled/db%2f..%2fa.md', /encoded slash/],
    ['encoded slash upper case', 'runbook-reader://open/bundled%2Fx/a.md', /encoded slash/],
    ['encoded backslash', 'runbook-reader://open/bundled/..%5ca.md', /encoded slash or backslash/],
    ['raw backslash', 'runbook-reader://open/bundled/..\\a.md', /backslash/],
    ['NUL raw', 'runbook-reader://open/bundled/a\u0000.md', /control character/],
    ['NUL encoded', 'runbook-reader://open/bundled/a%00.md', /control character/],
    ['newline encoded', 'runbook-reader://open/bundled/a%0a.md', /control character/],
    ['newline raw', 'runbook-reader://open/bundled/a.md\n', /control character/],
    ['C1 control encoded', 'runbook-reader://open/bundled/a%C2%85.md', /control character/],
    ['NUL in anchor', 'runbook-reader://open/bundled/a.md#x%00', /anchor contains a control character/],
    ['right-to-left override', 'runbook-reader://open/bundled/gpj.\u202emd', /text-direction/],
    ['encoded right-to-left override', 'runbook-reader://open/bundled/a%E2%80%AE.md', /text-direction/],
    ['not markdown', 'runbook-reader://open/bundled/a.sh', /Markdown/],
    ['markdown in the middle', 'runbook-reader://open/bundled/a.md.exe', /Markdown/],
    ['query string', 'runbook-reader://open/bundled/a.md?x=1', /query string/],
    ['invalid percent-encoding', 'runbook-reader://open/bundled/a%zz.md', /invalid percent-encoding/],
    ['truncated percent-encoding', 'runbook-reader://open/bundled/a%E2%80.md', /invalid percent-encoding/],
    ['invalid anchor encoding', 'runbook-reader://open/bundled/a.md#%', /anchor has invalid percent-encoding/],
    ['empty anchor', 'runbook-reader://open/bundled/a.md#', /empty anchor/],
    ['overlong', `runbook-reader://open/bundled/${'a/'.repeat(DEEP_LINK_MAX_LENGTH)}a.md`, /longer than 2048/],
  ])('%s', (_name, input, reason) => {
    const result = parseDeepLink(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('accepts a link of exactly the maximum length and refuses one character more', () => {
    const prefix = 'runbook-reader://open/bundled/';
    const fits = `${prefix}${'a'.repeat(DEEP_LINK_MAX_LENGTH - prefix.length - 3)}.md`;
    expect(fits).toHaveLength(DEEP_LINK_MAX_LENGTH);
    expect(parseDeepLink(fits).ok).toBe(true);
    expect(parseDeepLink(`${fits}x`).ok).toBe(false);
  });

  it('never throws, whatever it is given', () => {
    const nasty = ['%', '%%', '#', '//', 'runbook-reader://', 'runbook-reader://open', '\uD800', 'runbook-reader://open/a/\uD800.md'];
    for (const input of nasty) expect(() => parseDeepLink(input)).not.toThrow();
    expect(parseDeepLink(undefined as unknown as string).ok).toBe(false);
  });
});

describe('findDeepLinkArgument', () => {
  it.each([
    [['/usr/bin/runbook-reader', 'runbook-reader://open/bundled/a.md'], 'runbook-reader://open/bundled/a.md'],
    [['electron', '.', '--allow-file-access', 'RUNBOOK-READER://open/x/a.md'], 'RUNBOOK-READER://open/x/a.md'],
    [['Runbook Reader.exe', '--original-process-start-time=1'], undefined],
    [['app', 'https://example.com/runbook-reader://open/a/b.md'], undefined],
    [[], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(findDeepLinkArgument(argv)).toBe(expected);
  });
});

describe('parseDeepLink reads alert links', () => {
  it('accepts runbook-reader://alert/<name>, decoding it once', () => {
    expect(parseDeepLink('runbook-reader://alert/HighBanSyncLag')).toEqual({ ok: true, link: { alert: 'HighBanSyncLag' } });
    expect(parseDeepLink('runbook-reader://ALERT/Disk%20almost%20full')).toEqual({ ok: true, link: { alert: 'Disk almost full' } });
  });

  it.each([
    ['runbook-reader://alert/', 'one alert'],
    ['runbook-reader://alert/a/b', 'one alert'],
    ['runbook-reader://alert/A#section', 'anchor'],
    ['runbook-reader://alert/%2e%2e%252f', 'percent-encoded twice'],
    ['runbook-reader://alert/a%2fb', 'encoded slash'],
    [`runbook-reader://alert/${'A'.repeat(300)}`, 'longer than 200'],
  ])('refuses %s', (input, reason) => {
    const parsed = parseDeepLink(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
