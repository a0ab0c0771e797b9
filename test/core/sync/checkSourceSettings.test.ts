import { describe, expect, it } from 'vitest';
import { checkRepositoryUrl, normaliseSubdir } from '../../../core/sync/checkSourceSettings';

describe('checkRepositoryUrl', () => {
  it('accepts http and https addresses', () => {
    expect(checkRepositoryUrl('https://github.com/acme/runbooks.git').hostname).toBe('github.com');
    expect(checkRepositoryUrl('http://127.0.0.1:8080/r.git').port).toBe('8080');
  });

  it('refuses a token or user name in the address, without repeating it', () => {
    const attempt = () => checkRepositoryUrl('https://x-access-token:tok_leaky_123@github.com/acme/runbooks.git');
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalid-source' }));
    try {
      attempt();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('tok_leaky_123');
    }
  });

  it.each(['git@github.com:acme/runbooks.git', 'ssh://git@github.com/acme/runbooks.git', 'file:///srv/git/runbooks', 'runbooks'])(
    'refuses %s with a reason',
    (url) => {
      expect(() => checkRepositoryUrl(url)).toThrow(expect.objectContaining({ code: 'invalid-source' }));
    },
  );
});

describe('normaliseSubdir', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['/', ''],
    ['docs/operations/runbooks', 'docs/operations/runbooks'],
    ['/docs/operations/runbooks/', 'docs/operations/runbooks'],
    ['./docs//runbooks', 'docs/runbooks'],
    ['docs\\runbooks', 'docs/runbooks'],
  ])('%s → "%s"', (input, expected) => {
    expect(normaliseSubdir(input)).toBe(expected);
  });

  it('refuses a folder outside the repository', () => {
    expect(() => normaliseSubdir('../elsewhere')).toThrow(expect.objectContaining({ code: 'invalid-source' }));
  });
});
