import { describe, expect, it } from 'vitest';
import { syncRunRequestSchema } from '../../../core/desktop/ipcSchemas';
import { runOptionsOfSyncRun, syncRunRequestOf } from '../../../core/desktop/syncRunWire';
import { checkMessage } from '../../../core/messages/checkMessage';
import { fileIndexFromMap } from '../../../core/sync/cachedFileIndex';

const OID = 'a'.repeat(40);
const COMMIT = 'b'.repeat(40);

describe('a sync request crossing to the main process', () => {
  it('carries the source id, the cache’s state and the limits, never where to sync from nor the token', async () => {
    const wire = await syncRunRequestOf({
      sourceId: 'ops',
      url: 'https://git.example.com/ops.git',
      branch: 'main',
      subdir: 'docs',
      token: { value: 'ghp_secret', origin: 'https://git.example.com' },
      previousCommit: COMMIT,
      cached: fileIndexFromMap(new Map([['a.md', OID]])),
      rereadAll: true,
      timeoutMs: 5000,
      limits: { deadlineMs: 60_000, minBytesPerSecond: 0 },
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(JSON.stringify(wire)).not.toContain('ghp_secret');
    const checked = checkMessage(syncRunRequestSchema, structuredClone(wire));
    expect(checked).toEqual({
      ok: true,
      value: {
        sourceId: 'ops',
        previousCommit: COMMIT,
        cached: { 'a.md': OID },
        rereadAll: true,
        timeoutMs: 5000,
        deadlineMs: 60_000,
        minBytesPerSecond: 0,
      },
    });
  });

  it('comes back in main as the same run options, with main’s own token, signal and callbacks', async () => {
    const token = { value: 'ghp_main', origin: 'https://git.example.com' };
    const signal = new AbortController().signal;
    const options = runOptionsOfSyncRun(
      { sourceId: 'ops', previousCommit: COMMIT, cached: { 'a.md': OID }, rereadAll: true, deadlineMs: 60_000 },
      { token, signal, isOnline: undefined, onProgress: undefined },
    );
    expect(options).toMatchObject({ token, signal, previousCommit: COMMIT, rereadAll: true, limits: { deadlineMs: 60_000 } });
    expect(await options.cached.all()).toEqual(new Map([['a.md', OID]]));
  });
});
