import { describe, expect, it } from 'vitest';
import { classifySyncError } from '../../core/sync/classifySyncError';
import { SyncError } from '../../core/sync/syncError';
import { chromiumNetError, classifiableNetError } from '../../electron/netErrors';

const URL = 'https://git.corp.example:8443/ops/runbooks.git/info/refs?service=git-upload-pack';

/** What the person finally reads: the network error as `net.fetch` raised it, through the sync's classifier. */
function seenAs(netError: string, context: { packStarted?: boolean; online?: boolean } = {}) {
  const error = classifiableNetError(new Error(`net::${netError}`), URL);
  return classifySyncError(error, {
    url: URL,
    tokenSent: false,
    packStarted: context.packStarted ?? false,
    secrets: [],
    online: context.online,
  });
}

describe('Chromium network errors in the desktop sync', () => {
  it.each([
    ['ERR_INTERNET_DISCONNECTED', 'offline', /offline/],
    ['ERR_NAME_NOT_RESOLVED', 'host-not-found', /"git\.corp\.example" could not be found/],
    ['ERR_CONNECTION_REFUSED', 'host-not-found', /Nothing answered at git\.corp\.example:8443/],
    ['ERR_ADDRESS_UNREACHABLE', 'host-not-found', /Nothing answered/],
    ['ERR_CONNECTION_TIMED_OUT', 'timed-out', /took too long/],
    ['ERR_TIMED_OUT', 'timed-out', /took too long/],
    ['ERR_CONNECTION_RESET', 'connection-cut', /was cut/],
    ['ERR_NETWORK_CHANGED', 'connection-cut', /was cut/],
    ['ERR_INCOMPLETE_CHUNKED_ENCODING', 'connection-cut', /was cut/],
    ['ERR_CERT_AUTHORITY_INVALID', 'unknown', /certificate was not accepted \(ERR_CERT_AUTHORITY_INVALID\)/],
    ['ERR_SSL_PROTOCOL_ERROR', 'unknown', /certificate was not accepted/],
  ])('net::%s is %s', (netError, code, message) => {
    expect(seenAs(netError)).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('a name that does not resolve on a machine known to be offline says offline', () => {
    expect(seenAs('ERR_NAME_NOT_RESOLVED', { online: false }).code).toBe('offline');
  });

  it.each([
    ['ERR_PROXY_CONNECTION_FAILED', 'host-not-found', /proxy server .* could not be reached/],
    ['ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', 'host-not-found', /proxy server .* could not be reached/],
    ['ERR_TUNNEL_CONNECTION_FAILED', 'host-not-found', /proxy server .* refused to connect to git\.corp\.example:8443/],
    ['ERR_PROXY_AUTH_UNSUPPORTED', 'auth-failed', /proxy server .* asks for a sign-in/],
  ])('net::%s names the proxy (%s), not the Git host', (netError, code, message) => {
    expect(seenAs(netError)).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('a net error the app does not know is still a cut connection once the pack was coming', () => {
    expect(seenAs('ERR_SOMETHING_NEW', { packStarted: true }).code).toBe('connection-cut');
    expect(seenAs('ERR_SOMETHING_NEW').code).toBe('unknown');
  });

  it('leaves every other error as it was (an abort carries the sync’s own error)', () => {
    const cancelled = new SyncError('cancelled', 'The sync was cancelled. Nothing was changed.');
    const plain = new TypeError('fetch failed');
    expect(classifiableNetError(cancelled, URL)).toBe(cancelled);
    expect(classifiableNetError(plain, URL)).toBe(plain);
    expect(chromiumNetError(plain)).toBeUndefined();
    expect(chromiumNetError(new Error('net::ERR_ABORTED'))).toBe('ERR_ABORTED');
  });
});
