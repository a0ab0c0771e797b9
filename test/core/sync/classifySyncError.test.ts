import { describe, expect, it } from 'vitest';
import { classifySyncError, scrub, type FailureContext } from '../../../core/sync/classifySyncError';
import { SyncError } from '../../../core/sync/syncError';

const context = (fields: Partial<FailureContext> = {}): FailureContext => ({
  url: 'https://git.example.com/ops/runbooks.git',
  tokenSent: false,
  packStarted: false,
  secrets: [],
  ...fields,
});

const nodeError = (code: string, message = code) => Object.assign(new Error(message), { code });
const httpError = (statusCode: number) =>
  Object.assign(new Error(`HTTP Error: ${statusCode}`), { code: 'HttpError', data: { statusCode } });

describe('classifySyncError: network failures', () => {
  it.each([
    ['ENOTFOUND', 'host-not-found', /"git\.example\.com" could not be found/],
    ['ECONNREFUSED', 'host-not-found', /Nothing answered at git\.example\.com/],
    ['ENETUNREACH', 'offline', /offline/],
    ['EAI_AGAIN', 'offline', /offline/],
    ['ECONNRESET', 'connection-cut', /cut during the download/],
    ['EPIPE', 'connection-cut', /cut/],
    ['ETIMEDOUT', 'timed-out', /took too long/],
    ['ENOSPC', 'storage-full', /not enough storage space/],
  ])('%s → %s', (code, expected, message) => {
    const error = classifySyncError(nodeError(code), context());
    expect(error).toBeInstanceOf(SyncError);
    expect(error.code).toBe(expected);
    expect(error.message).toMatch(message);
  });

  it('reads the code Node’s fetch puts in `cause`', () => {
    const error = Object.assign(new TypeError('fetch failed'), { cause: nodeError('ENOTFOUND') });
    expect(classifySyncError(error, context()).code).toBe('host-not-found');
  });

  it('a browser fetch TypeError is "offline" when the device is offline, else an unreachable host, never blamed on CORS', () => {
    const error = new TypeError('Failed to fetch');
    expect(classifySyncError(error, context({ online: false })).code).toBe('offline');
    const online = classifySyncError(error, context({ online: true }));
    expect(online.code).toBe('host-not-found');
    expect(online.message).toMatch(/^Could not reach .*network or VPN\.$/);
    // The same TypeError is what a dead VPN gives: only a probe that reached the host may say CORS.
    expect(online.message).not.toMatch(/CORS|cross-origin/);
  });

  it('a browser storage quota error is storage-full', () => {
    const error = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    expect(classifySyncError(error, context()).code).toBe('storage-full');
  });

  it('an unexplained error after the pack started arriving is a cut connection', () => {
    const parse = Object.assign(new Error('Expected "36 bytes of pkt-line data" but received "17 bytes".'), { code: 'ParseError' });
    expect(classifySyncError(parse, context({ packStarted: true })).code).toBe('connection-cut');
    expect(classifySyncError(parse, context({ packStarted: false })).code).toBe('unknown');
  });

  it.each([
    ['Node zlib (desktop, command line)', Object.assign(new Error('zlib error: invalid distance too far back'), { code: 'InternalError' })],
    [
      'pako (browser)',
      Object.assign(new Error('An internal error caused this command to fail. Pako error: invalid stored block lengths'), {
        code: 'InternalError',
      }),
    ],
    [
      'an object of the wrong size',
      Object.assign(new Error('Inflated object size is different from that stated in packfile.'), { code: 'InternalError' }),
    ],
    ['a DecompressionError', Object.assign(new Error('Invalid compressed buffer: incorrect header check'), { code: 'DecompressionError' })],
  ])('a pack whose objects do not decode (%s) arrived damaged', (_from, error) => {
    const damaged = classifySyncError(error, context({ packStarted: true }));
    expect(damaged.code).toBe('connection-cut');
    expect(damaged.message).toMatch(/git\.example\.com arrived damaged\. Nothing was changed.*proxy/);
  });
});

describe('classifySyncError: HTTP answers', () => {
  it('401 says whether a token was sent', () => {
    const without = classifySyncError(httpError(401), context({ tokenSent: false }));
    const withToken = classifySyncError(httpError(401), context({ tokenSent: true }));
    expect([without.code, withToken.code]).toEqual(['auth-failed', 'auth-failed']);
    expect(without.message).toMatch(/no access token is set/);
    expect(withToken.message).toMatch(/refused the access token/);
  });

  it('403 is an authentication failure that names the missing permission', () => {
    const error = classifySyncError(httpError(403), context({ tokenSent: true }));
    expect(error.code).toBe('auth-failed');
    expect(error.message).toMatch(/read access/);
  });

  it('404 is a missing repository, shown without query or credentials', () => {
    const error = classifySyncError(httpError(404), context({ url: 'https://git.example.com/ops/runbooks.git?x=1' }));
    expect(error.code).toBe('repo-not-found');
    expect(error.message).toContain('https://git.example.com/ops/runbooks.git');
    expect(error.message).not.toContain('?x=1');
  });

  it('an HTML page instead of a Git answer is a wrong repository address', () => {
    const error = Object.assign(new Error('Remote did not reply using the "smart" HTTP protocol.'), { code: 'SmartHttpError' });
    expect(classifySyncError(error, context()).code).toBe('repo-not-found');
  });

  it('a server error is reported with its status', () => {
    const error = classifySyncError(httpError(503), context());
    expect(error.code).toBe('unknown');
    expect(error.message).toContain('HTTP 503');
  });
});

describe('classifySyncError: branches and secrets', () => {
  it('a ref the remote does not have is a missing branch, before the pack starts', () => {
    const error = Object.assign(new Error('Could not find release.'), { code: 'NotFoundError', data: { what: 'release' } });
    const classified = classifySyncError(error, context({ branch: 'release' }));
    expect(classified.code).toBe('branch-not-found');
    expect(classified.message).toContain('"release"');
  });

  it('passes a SyncError through unchanged', () => {
    const original = new SyncError('subdir-missing', 'gone');
    expect(classifySyncError(original, context())).toBe(original);
  });

  it('removes every secret from the technical detail', () => {
    const token = 'tok_secret_value_42';
    const error = classifySyncError(new Error(`request with ${token} failed`), context({ secrets: [token] }));
    expect(error.detail).not.toContain(token);
    expect(error.message).not.toContain(token);
    expect(scrub(`a ${token} b ${token}`, [token])).toBe('a [redacted] b [redacted]');
  });
});

describe('classifySyncError: hostile server text and wrapped storage errors', () => {
  it('cuts a huge server answer to a few hundred characters and strips control characters, in message and detail', () => {
    const hostile = `\u001b[2J\u001b]0;pwned\u0007\r${'A'.repeat(43_000)}\u001b[31mred`;
    const failure = classifySyncError(Object.assign(new Error(hostile), { code: 'EWEIRD' }), context());
    const json = JSON.stringify(failure.toJSON());
    expect(failure.message.length).toBeLessThanOrEqual(600);
    expect(failure.detail?.length ?? 0).toBeLessThanOrEqual(300);
    expect(`${failure.message}${failure.detail ?? ''}`).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(json).not.toContain('\\u001b');
  });

  it('a SyncError built anywhere with server text is cut and stripped too', () => {
    const failure = new SyncError('unknown', `Server said: \u001b[1m${'x'.repeat(5000)}\u0007`);
    expect(failure.message.length).toBeLessThanOrEqual(600);
    expect(failure.message).not.toContain('\u001b');
  });

  it('a quota error wrapped by Dexie (AbortError with inner QuotaExceededError) is storage-full', () => {
    const inner = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner });
    expect(classifySyncError(wrapped, context()).code).toBe('storage-full');
    const viaCause = new Error('write failed', { cause: Object.assign(new Error('x'), { name: 'QuotaExceededError' }) });
    expect(classifySyncError(viaCause, context()).code).toBe('storage-full');
  });
});
