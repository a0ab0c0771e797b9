import { describe, expect, it } from 'vitest';
import {
  CHAT_LINK_SCHEMES,
  EXTERNAL_LINK_SCHEMES,
  externalLinkHref,
  isAllowedExternalUrl,
  judgeExternalUrl,
  schemeOf,
} from '../../../core/links/externalUrlPolicy';

describe('schemeOf', () => {
  it.each([
    ['https://example.com', 'https:'],
    ['JaVaScRiPt:alert(1)', 'javascript:'],
    ['  mailto:a@example.com', 'mailto:'],
    ['web+custom:x', 'web+custom:'],
    ['relative/path.md', undefined],
    ['//host/x', undefined],
    ['#anchor', undefined],
    ['1http://x', undefined],
  ])('reads the scheme of %j as %j', (url, scheme) => {
    expect(schemeOf(url)).toBe(scheme);
  });
});

describe('isAllowedExternalUrl', () => {
  it('allows exactly https, http, mailto, tel and the chat schemes', () => {
    expect([...CHAT_LINK_SCHEMES].sort()).toEqual(['msteams:', 'slack:']);
    expect([...EXTERNAL_LINK_SCHEMES].sort()).toEqual(['http:', 'https:', 'mailto:', 'msteams:', 'slack:', 'tel:']);
  });

  it.each([
    'https://example.com/a?b#c',
    'HTTP://EXAMPLE.COM',
    'mailto:oncall@example.com',
    'mailto:oncall@example.com?subject=SEV1&body=Paged%20you',
    'tel:+15550100',
    'slack://channel?team=T1&id=C1',
    'SLACK://open',
    'msteams:/l/chat/0/0?users=oncall@example.com',
  ])('allows %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/uuid',
    'about:blank',
    'https://user:pass@example.com',
    'https://user@example.com',
    'https://',
    'not a url',
    'relative.md',
    'discord://channels/1',
    `https://example.com/${'a'.repeat(9000)}`,
  ])('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('mailto links that would attach a file are refused', () => {
  it.each([
    'mailto:oncall@example.com?attach=/etc/passwd',
    'mailto:oncall@example.com?subject=x&attach=C:%5CUsers%5Cme%5C.ssh%5Cid_rsa',
    'mailto:oncall@example.com?ATTACH=~/.ssh/id_rsa',
    'mailto:oncall@example.com?Attachment=%2Fetc%2Fshadow',
    'mailto:oncall@example.com?%61ttach=/etc/passwd',
    'mailto:oncall@example.com?%41TTACH=/etc/passwd',
    'mailto:oncall@example.com?%2561ttach=/etc/passwd',
    'mailto:oncall@example.com?subject=x%26attach%3D%2Fetc%2Fpasswd',
    'mailto:oncall@example.com?subject=x&%20attach=/etc/passwd',
    'MAILTO:oncall@example.com?attach=/etc/passwd',
  ])('refuses %j with a reason that says why', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
    const verdict = judgeExternalUrl(url);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toMatch(/attach/i);
  });

  it('still allows mailto links whose words merely contain "attach"', () => {
    expect(isAllowedExternalUrl('mailto:oncall@example.com?subject=Please%20attach%20the%20logs')).toBe(true);
    expect(isAllowedExternalUrl('mailto:attach@example.com')).toBe(true);
  });
});

describe('judgeExternalUrl gives one reason a person can act on', () => {
  it.each([
    ['javascript:alert(1)', /"javascript:"/],
    ['https://user:pass@example.com/', /user name or password/],
    ['/relative/path', /not a complete address/],
    [`https://example.com/${'a'.repeat(9000)}`, /too long/],
  ])('%s', (url, reason) => {
    const verdict = judgeExternalUrl(url);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toMatch(reason);
  });

  it('names the scheme of an allowed link', () => {
    expect(judgeExternalUrl('Slack://open')).toEqual({ allowed: true, scheme: 'slack:' });
  });
});

describe('externalLinkHref: what the contacts panel offers as a link', () => {
  it.each([
    ['slack://channel?team=T1&id=C1', 'slack://channel?team=T1&id=C1'],
    ['msteams:/l/chat/0/0', 'msteams:/l/chat/0/0'],
    ['tel:+441234567890', 'tel:+441234567890'],
    ['https://acme.slack.com/app_redirect?channel=ops', 'https://acme.slack.com/app_redirect?channel=ops'],
    ['mailto:oncall@example.com?attach=/etc/passwd', undefined],
    ['javascript:alert(1)', undefined],
    [undefined, undefined],
    ['', undefined],
  ])('%j → %j', (url, href) => {
    expect(externalLinkHref(url)).toBe(href);
  });
});
