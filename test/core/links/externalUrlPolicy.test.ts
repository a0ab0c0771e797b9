import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTERNAL_SCHEMES, isAllowedExternalUrl, schemeOf } from '../../../core/links/externalUrlPolicy';

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
  it('allows exactly https, http, mailto and tel by default', () => {
    expect([...DEFAULT_EXTERNAL_SCHEMES].sort()).toEqual(['http:', 'https:', 'mailto:', 'tel:']);
  });

  it.each(['https://example.com/a?b#c', 'HTTP://EXAMPLE.COM', 'mailto:oncall@example.com', 'tel:+15550100'])('allows %j', (url) => {
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
    `https://example.com/${'a'.repeat(9000)}`,
  ])('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('allows configured chat schemes, whatever their case, and only those', () => {
    expect(isAllowedExternalUrl('slack://open?team=T1')).toBe(false);
    expect(isAllowedExternalUrl('slack://open?team=T1', ['Slack:'])).toBe(true);
    expect(isAllowedExternalUrl('msteams:/l/chat/0/0', ['slack:'])).toBe(false);
  });
});
