import { describe, expect, it } from 'vitest';
import { decideTokenUse, insecureTokenAddress, isLoopbackHost } from '../../../core/sync/tokenBinding';

const TOKEN = { value: 'ghp_bound1234', origin: 'https://git.example.com' };

describe('a token goes only to the origin it was saved for', () => {
  it('is used for its own origin', () => {
    expect(decideTokenUse({ url: 'https://git.example.com/team/runbooks.git', token: TOKEN })).toEqual({
      credentials: { username: 'ghp_bound1234', password: 'x-oauth-basic' },
    });
  });

  it.each([
    'https://attacker.example/team/runbooks.git',
    'https://git.example.com.attacker.example/x.git',
    'https://git.example.com:8443/team/runbooks.git',
    'http://git.example.com/team/runbooks.git',
  ])('is withheld from %s, with a reason naming the host it belongs to', (url) => {
    const use = decideTokenUse({ url, token: TOKEN });
    expect(use.credentials).toBeUndefined();
    expect(use.withheld).toMatch(/belongs to git\.example\.com and is never sent to another address; enter the token again/);
  });

  it('goes through a CORS proxy only when the person trusts that proxy', () => {
    const url = 'https://git.example.com/team/runbooks.git';
    const untrusted = decideTokenUse({ url, token: TOKEN, corsProxy: 'https://cors.example.org' });
    expect(untrusted.credentials).toBeUndefined();
    expect(untrusted.withheld).toMatch(/not sent through the CORS proxy cors\.example\.org/);
    expect(decideTokenUse({ url, token: TOKEN, corsProxy: 'https://cors.example.org', corsProxyTrusted: true }).credentials).toBeDefined();
  });

  it('is refused over plain http to another computer, and allowed to this one', () => {
    expect(() => decideTokenUse({ url: 'http://git.example.com/x.git', token: { ...TOKEN, origin: 'http://git.example.com' } })).toThrow(
      /never sent over plain http/,
    );
    for (const origin of ['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:9000', 'http://127.8.9.10']) {
      expect(decideTokenUse({ url: `${origin}/x.git`, token: { ...TOKEN, origin } }).credentials).toBeDefined();
    }
  });

  it('with no token, there is nothing to decide', () => {
    expect(decideTokenUse({ url: 'http://git.example.com/x.git' })).toEqual({});
  });
});

describe('loopback and insecure addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['[::1]', true],
    ['::1', true],
    ['128.0.0.1', false],
    ['127.0.0.1.example.com', false],
    ['localhost.example.com', false],
    ['10.0.0.1', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it.each([
    ['https://git.example.com/x.git', false],
    ['http://git.example.com/x.git', true],
    ['http://127.0.0.1:9/x.git', false],
    ['http://localhost/x.git', false],
  ])('%s refuses a token: %s', (url, refused) => {
    expect(insecureTokenAddress(url) !== undefined).toBe(refused);
  });
});
