import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../../core/model';
import { runGitSync } from '../../../core/sync/runGitSync';
import type { SharedGitServer } from '../../helpers/sharedGitServer';
import { cleanUp, dumpCache, http, nodeFs, openCache, startServer, tempDir } from './syncFixture';

// The trickling server sends about 5 bytes a second after the first 100 pack bytes, for ever. The limits
// below are far from both that and from what the loopback server does otherwise, so no result depends on
// how fast this machine is.
let server: SharedGitServer;
beforeAll(() => {
  server = startServer();
});
afterAll(cleanUp);

async function trickleSync(limits: { deadlineMs?: number; minBytesPerSecond?: number; rateWindowMs?: number }) {
  const source: SourceRecord = {
    id: 'slow',
    kind: 'git',
    name: 'Slow',
    location: server.fixtureUrl('generated30', { kind: 'trickle', afterBytes: 100 }),
  };
  const db = await openCache(source);
  const before = await dumpCache(db, { withoutLastError: true });
  const outcome = await runGitSync(db, source, { fs: nodeFs, http, gitdir: tempDir('store-'), limits });
  expect(await dumpCache(db, { withoutLastError: true })).toBe(before);
  return { outcome, lastError: (await db.sources.get('slow'))?.lastError };
}

describe('a server that trickles a byte at a time', () => {
  it('is stopped by the minimum rate, never by waiting for ever', async () => {
    const { outcome, lastError } = await trickleSync({ minBytesPerSecond: 50, rateWindowMs: 2000, deadlineMs: 10 * 60_000 });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'timed-out', message: expect.stringContaining('less than 50 bytes a second') },
    });
    expect(lastError).toMatchObject({ code: 'timed-out' });
  });

  it('is stopped by the overall deadline when the rate check is off', async () => {
    const { outcome } = await trickleSync({ minBytesPerSecond: 0, deadlineMs: 2000 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'timed-out', message: expect.stringContaining('took longer than 2 s') } });
  });

  it('the same limits let a normal sync through', async () => {
    const source: SourceRecord = { id: 'fast', kind: 'git', name: 'Fast', location: server.fixtureUrl('generated30') };
    const db = await openCache(source);
    const outcome = await runGitSync(db, source, {
      fs: nodeFs,
      http,
      gitdir: tempDir('store-'),
      limits: { minBytesPerSecond: 50, rateWindowMs: 2000, deadlineMs: 10 * 60_000 },
    });
    expect(outcome).toMatchObject({ ok: true });
  });
});
