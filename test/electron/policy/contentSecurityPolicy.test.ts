import { describe, expect, it } from 'vitest';
import { appResponseSecurityHeaders, contentSecurityPolicy } from '../../../electron/policy/contentSecurityPolicy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name ?? '', values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  const policy = directives(contentSecurityPolicy());

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', 'https:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s is %j', (name, values) => {
    expect(policy.get(name)).toEqual(values);
  });

  it('has no other directive', () => {
    expect([...policy.keys()].sort()).toEqual([
      'base-uri',
      'connect-src',
      'default-src',
      'form-action',
      'frame-ancestors',
      'img-src',
      'object-src',
      'script-src',
      'style-src',
    ]);
  });

  it.each(["'unsafe-eval'", "'wasm-unsafe-eval'", "'strict-dynamic'", '*', 'http:', 'https:'])('never allows %s for scripts', (source) => {
    expect(policy.get('script-src')).not.toContain(source);
    expect(policy.get('default-src')).not.toContain(source);
  });

  it('lets no script run inline', () => {
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is sent with nosniff', () => {
    expect(appResponseSecurityHeaders()).toMatchObject({
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
