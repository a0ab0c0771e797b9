/** Basic-auth credentials as isomorphic-git's `onAuth` returns them. */
export interface GitCredentials {
  username: string;
  password: string;
}

/**
 * The user name / password pair under which a host accepts an access token over HTTPS:
 *
 * | host | user name | password |
 * | --- | --- | --- |
 * | GitHub (github.com, GitHub Enterprise hosts named `github…`) | `x-access-token` | token |
 * | GitLab (gitlab.com, self-hosted `gitlab…`) | `oauth2` | token |
 * | Bitbucket Cloud (bitbucket.org) | `x-token-auth` | token |
 * | Gitea, Forgejo, Codeberg and any other host | token | `x-oauth-basic` |
 *
 * The last row is what Gitea documents (token as user name; the password is ignored) and GitHub also
 * accepts, so it is the best guess for an unknown host. `username` overrides the convention for hosts
 * that want a real account name with the token as password (Bitbucket app passwords, Azure DevOps …).
 * Pure: never logs, never builds a URL with the token in it.
 */
export function authForHost(url: string, token: string, username?: string): GitCredentials {
  if (username) return { username, password: token };
  const host = hostOf(url);
  if (host === 'github.com' || host.endsWith('.github.com') || /(^|\.)github[.-]/.test(host) || host.startsWith('github.')) {
    return { username: 'x-access-token', password: token };
  }
  if (host === 'gitlab.com' || host.endsWith('.gitlab.com') || /(^|\.)gitlab[.-]/.test(host) || host.startsWith('gitlab.')) {
    return { username: 'oauth2', password: token };
  }
  if (host === 'bitbucket.org' || host.endsWith('.bitbucket.org')) {
    return { username: 'x-token-auth', password: token };
  }
  return { username: token, password: 'x-oauth-basic' };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
