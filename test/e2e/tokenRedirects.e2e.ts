import { describe, expect, it } from 'vitest';
import { addSource } from './support/addSource';
import { expectText } from './support/assertions';
import { appPerTest } from './support/appPerTest';
import { publishedRepoPerFile } from './support/publishedRepoPerFile';

/**
 * The browser build's sync worker follows redirects with the browser's own fetch. A token typed into the
 * form must still reach only the origin it was saved for: a same-origin move keeps working with it, a
 * move to another origin never carries it there.
 */
describe('a token in the browser build and redirects (real Chromium, loopback Git servers)', () => {
  const app = appPerTest({ route: '/sources' });
  const gitServer = publishedRepoPerFile('private.git', (repo) => {
    repo.write('README.md', '# Private runbooks\n\nBehind a token.\n').commit('first');
  });

  async function addWithToken(url: string, name: string) {
    return addSource(app().page, { url, name, token: gitServer().token });
  }

  it('follows a same-origin redirect with the token, as git does', async () => {
    const card = await addWithToken(gitServer().url('private.git', { kind: 'redirect-auth' }), 'Moved on the same host');
    await expectText(card, /Last successful sync: .* at commit [0-9a-f]{7}/);
    const packRequests = (await gitServer().requestLog()).filter((r) => r.method === 'POST' && r.url.startsWith('/auth/'));
    expect(packRequests.length).toBeGreaterThan(0);
    expect(packRequests.every((r) => r.authorization !== undefined && r.status === 200)).toBe(true);
  });

  it('never sends the token to the origin a redirect points at', async () => {
    const before = (await gitServer().elsewhere.requestLog()).length;
    const card = await addWithToken(gitServer().url('private.git', { kind: 'redirect-away' }), 'Moved to another host');
    await expectText(card.getByRole('alert'), 'Last sync failed');
    const elsewhere = (await gitServer().elsewhere.requestLog()).slice(before);
    // The browser did follow the redirect (so the check below is about real requests), without the token.
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.every((r) => r.authorization === undefined)).toBe(true);
    // The redirect itself was answered by the origin the token belongs to, which did receive it.
    expect((await gitServer().requestLog()).some((r) => r.url.startsWith('/redirect-away/') && r.authorization !== undefined)).toBe(true);
  });
});
