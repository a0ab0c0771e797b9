import { describe, expect, it } from 'vitest';
import { externalLinkHref } from '../../../core/links/externalUrlPolicy';
import { decideOpenExternal } from '../../../electron/policy/externalLinks';

describe('decideOpenExternal uses the shared allowlist', () => {
  it.each([
    'https://status.example.com/incidents/42',
    'http://intranet.example/wiki',
    'mailto:oncall@example.com',
    'tel:+441234567890',
    'HTTPS://EXAMPLE.COM/',
    'slack://channel?team=T1&id=C1',
    'msteams:/l/chat/0/0?users=oncall@example.com',
  ])('opens %s', (url) => {
    expect(decideOpenExternal(url)).toEqual({ allow: true });
  });

  it.each([
    ['javascript:alert(1)', /"javascript:"/],
    ['JavaScript:alert(1)', /"javascript:"/],
    ['file:///etc/passwd', /"file:"/],
    ['data:text/html,<script>alert(1)</script>', /"data:"/],
    ['vbscript:msgbox', /"vbscript:"/],
    ['smb://fileserver/share', /"smb:"/],
    ['ms-msdt:/id PCWDiagnostic', /"ms-msdt:"/],
    ['app://bundle/index.html', /"app:"/],
    ['runbook-reader://open/bundled/a.md', /"runbook-reader:"/],
    ['discord://channels/1', /"discord:"/],
    ['mailto:oncall@example.com?attach=/etc/passwd', /attach/],
    ['mailto:oncall@example.com?subject=x&ATTACHMENT=%2Fetc%2Fpasswd', /attach/],
    ['mailto:oncall@example.com?%61ttach=/etc/passwd', /attach/],
    ['mailto:oncall@example.com?at\ttach=/etc/passwd', /control characters/],
    ['https://user:pass@example.com/', /user name or password/],
    ['https://token@example.com/', /user name or password/],
    ['/relative/path', /not a complete address/],
    ['//example.com/protocol-relative', /not a complete address/],
    ['', /No link/],
    [`https://example.com/${'a'.repeat(9000)}`, /too long/],
  ])('refuses %s', (url, reason) => {
    const decision = decideOpenExternal(url);
    expect(decision.allow).toBe(false);
    if (!decision.allow) expect(decision.reason).toMatch(reason);
  });

  it.each([undefined, null, 42, { url: 'https://example.com' }])('refuses a non-string (%j)', (value) => {
    expect(decideOpenExternal(value).allow).toBe(false);
  });

  it('opens every link the contacts panel offers, chat links included', () => {
    for (const url of ['slack://channel?team=T1&id=C1', 'msteams:/l/chat/0/0', 'tel:+441234567890', 'mailto:oncall@example.com']) {
      const offered = externalLinkHref(url);
      expect(offered).toBe(url);
      expect(decideOpenExternal(offered)).toEqual({ allow: true });
    }
  });
});
