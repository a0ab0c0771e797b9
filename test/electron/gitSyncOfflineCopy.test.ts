import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopGitSync } from '../../electron/gitSync';
import { RunbookRepo, git } from '../helpers/makeRunbookRepo';
import { makeBundle } from '../core/offlineCopy/bundleFixture';

let repo: RunbookRepo;
let first: string;
let head: string;
let userData: string;

beforeAll(() => {
  repo = new RunbookRepo();
  repo.write('db/failover.md', '# Failover\n');
  first = repo.commit('first');
  repo.write('net/dns.md', '# DNS\n');
  head = repo.commit('second');
  git(repo.workDir, ['branch', 'yesterday', first]);
  userData = mkdtempSync(join(tmpdir(), 'desktop-offline-copy-'));
});
afterAll(() => {
  repo.dispose();
  rmSync(userData, { recursive: true, force: true });
});

describe('desktop offline copies in main', () => {
  const gitSync = () =>
    createDesktopGitSync({ userDataPath: userData, readSettings: async () => undefined, readToken: async () => undefined });

  it('imports a bundle into the source object store, then saves a bundle of its commit from there', async () => {
    const sync = gitSync();
    const imported = await sync.importOfflineCopy({
      sourceId: 'git-1',
      fileName: 'ops.bundle',
      bytes: new Uint8Array(makeBundle(repo, ['main'])),
      cached: {},
    });
    expect(imported).toMatchObject({ ok: true, provenance: { kind: 'bundle', commit: head, branch: 'main' } });
    expect(imported.ok && imported.changeSet.upserts.length).toBe(2);

    const saved = await sync.writeOfflineCopy({ id: 'git-1', name: 'Ops', version: head, branch: 'main' });
    expect(saved).toMatchObject({ ok: true, fileName: `Ops-${head.slice(0, 7)}.bundle`, prerequisites: [] });
  });

  it('tells which source an older bundle updates from the sources’ object stores, and keeps nothing of the file', async () => {
    const sync = gitSync();
    await sync.importOfflineCopy({
      sourceId: 'git-3',
      fileName: 'ops.bundle',
      bytes: new Uint8Array(makeBundle(repo, ['main'])),
      cached: {},
    });
    const stores = readdirSync(join(userData, 'git')).sort();
    const answer = await sync.inspectOfflineCopy({
      bytes: new Uint8Array(makeBundle(repo, ['yesterday'])),
      sources: [{ id: 'git-3', version: head }, { id: 'git-never-synced' }],
    });
    expect(answer).toEqual({ match: { kind: 'same', sourceId: 'git-3', commit: first } });
    expect(readdirSync(join(userData, 'git')).sort()).toEqual(stores);
  });

  it('answers a refused file with its reason, as plain data', async () => {
    const answer = await gitSync().importOfflineCopy({
      sourceId: 'git-2',
      fileName: 'notes.bundle',
      bytes: new TextEncoder().encode('# v2 git bundle\n'),
      cached: {},
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });
});
