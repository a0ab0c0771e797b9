import { describe, expect, it } from 'vitest';
import { authForHost } from '../../../core/sync/authForHost';

const TOKEN = 'tok_123456';

describe('authForHost', () => {
  it.each([
    ['https://github.com/acme/runbooks.git', { username: 'x-access-token', password: TOKEN }],
    ['https://api.github.com/acme/runbooks.git', { username: 'x-access-token', password: TOKEN }],
    ['https://github.acme-corp.example/ops/runbooks.git', { username: 'x-access-token', password: TOKEN }],
    ['https://gitlab.com/acme/runbooks.git', { username: 'oauth2', password: TOKEN }],
    ['https://gitlab.internal.example/ops/runbooks.git', { username: 'oauth2', password: TOKEN }],
    ['https://bitbucket.org/acme/runbooks.git', { username: 'x-token-auth', password: TOKEN }],
    ['https://codeberg.org/acme/runbooks.git', { username: TOKEN, password: 'x-oauth-basic' }],
    ['https://gitea.example.org/acme/runbooks.git', { username: TOKEN, password: 'x-oauth-basic' }],
    ['http://127.0.0.1:3000/acme/runbooks.git', { username: TOKEN, password: 'x-oauth-basic' }],
  ])('%s → the host’s convention', (url, expected) => {
    expect(authForHost(url, TOKEN)).toEqual(expected);
  });

  it('does not mistake a host that merely contains the word for the service', () => {
    expect(authForHost('https://notgithub.com/x.git', TOKEN)).toEqual({ username: TOKEN, password: 'x-oauth-basic' });
    expect(authForHost('https://mygitlabmirror.net/x.git', TOKEN)).toEqual({ username: TOKEN, password: 'x-oauth-basic' });
  });

  it('uses an explicit user name with the token as password when one is given', () => {
    expect(authForHost('https://bitbucket.org/acme/x.git', TOKEN, 'alice')).toEqual({ username: 'alice', password: TOKEN });
  });

  it('copes with an address that is not a URL', () => {
    expect(authForHost('not a url', TOKEN)).toEqual({ username: TOKEN, password: 'x-oauth-basic' });
  });
});
