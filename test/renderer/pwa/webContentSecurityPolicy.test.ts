import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/policy/contentSecurityPolicy';
import { webContentSecurityPolicy } from '../../../renderer/pwa/webContentSecurityPolicy';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('the web build Content-Security-Policy', () => {
  const web = directives(webContentSecurityPolicy());

  it("runs only the app's own scripts and workers: no inline script, eval or plug-ins", () => {
    expect(web.get('script-src')).toEqual(["'self'"]);
    expect(web.get('worker-src')).toEqual(["'self'"]);
    expect(web.get('object-src')).toEqual(["'none'"]);
    expect(web.get('base-uri')).toEqual(["'none'"]);
    expect(webContentSecurityPolicy()).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
  });

  it('matches the desktop policy except where the web build differs (sync from the browser, meta tag)', () => {
    const desktop = directives(contentSecurityPolicy());
    for (const name of ['default-src', 'script-src', 'style-src', 'img-src', 'object-src', 'base-uri', 'form-action']) {
      expect(web.get(name), name).toEqual(desktop.get(name));
    }
    expect(web.get('connect-src')).toEqual(["'self'", 'https:', 'http:']);
    // Browsers ignore frame-ancestors in a meta tag; it would only be noise there.
    expect(web.has('frame-ancestors')).toBe(false);
  });
});
