import { describe, expect, it } from 'vitest';
import { INGEST_VERSION } from '../../../core/ingest/ingestRunbook';
import { fileIndexFromMap } from '../../../core/sync/cachedFileIndex';
import { cachedStateOf, gitSyncRequest, syncSettingsOf } from '../../../core/sync/gitSyncRequest';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const cached = fileIndexFromMap(new Map());

describe('a source’s sync settings', () => {
  it('are its address, branch and normalised sub-folder', () => {
    expect(
      syncSettingsOf({ id: 'ops', location: 'https://git.example.com/ops.git', branch: 'release/1', subdir: './docs//runbooks/' }),
    ).toEqual({
      sourceId: 'ops',
      url: 'https://git.example.com/ops.git',
      branch: 'release/1',
      subdir: 'docs/runbooks',
    });
  });

  it('leave out an empty branch (the default branch) and a sub-folder that is the root', () => {
    const settings = syncSettingsOf({ id: 'ops', location: 'https://git.example.com/ops.git', branch: '', subdir: './' });
    expect(settings).toStrictEqual({ sourceId: 'ops', url: 'https://git.example.com/ops.git' });
  });

  it('refuse a sub-folder that leaves the repository', () => {
    expect(() => syncSettingsOf({ id: 'ops', location: 'https://x.example/r.git', subdir: '../etc' })).toThrow(
      expect.objectContaining({ code: 'invalid-source' }),
    );
  });
});

describe('what the cache holds of a source', () => {
  it.each([
    ['a commit, same ingest', { version: COMMIT, ingestVersion: INGEST_VERSION }, { previousCommit: COMMIT, rereadAll: false }],
    ['a commit, older ingest', { version: COMMIT, ingestVersion: INGEST_VERSION - 1 }, { previousCommit: COMMIT, rereadAll: true }],
    [
      'a bundle hash, not a commit',
      { version: 'bundle-1a2b', ingestVersion: INGEST_VERSION },
      { previousCommit: undefined, rereadAll: false },
    ],
    ['nothing yet', {}, { previousCommit: undefined, rereadAll: false }],
  ])('%s', (_what, source, state) => {
    expect(cachedStateOf(source)).toEqual(state);
  });
});

describe('the sync request', () => {
  it('is the settings plus the run’s options', () => {
    const signal = new AbortController().signal;
    const token = { value: 'ghp_x', origin: 'https://git.example.com' };
    expect(
      gitSyncRequest(
        { sourceId: 'ops', url: 'https://git.example.com/ops.git', branch: 'main', subdir: 'docs' },
        { cached, token, previousCommit: COMMIT, rereadAll: true, timeoutMs: 5000, limits: { deadlineMs: 1000 }, signal },
      ),
    ).toEqual({
      sourceId: 'ops',
      url: 'https://git.example.com/ops.git',
      branch: 'main',
      subdir: 'docs',
      cached,
      token,
      previousCommit: COMMIT,
      rereadAll: true,
      timeoutMs: 5000,
      limits: { deadlineMs: 1000 },
      signal,
    });
  });

  it('reads an empty branch or sub-folder as none, whoever built the settings', () => {
    const request = gitSyncRequest({ sourceId: 'cli', url: 'https://git.example.com/ops.git', branch: '', subdir: '' }, { cached });
    expect(request.branch).toBeUndefined();
    expect(request.subdir).toBeUndefined();
  });

  it('takes where to sync from from the settings only', () => {
    const run = { cached, url: 'https://attacker.example/x.git', sourceId: 'other' } as unknown as Parameters<typeof gitSyncRequest>[1];
    expect(gitSyncRequest({ sourceId: 'ops', url: 'https://git.example.com/ops.git' }, run)).toMatchObject({
      sourceId: 'ops',
      url: 'https://git.example.com/ops.git',
    });
  });
});
