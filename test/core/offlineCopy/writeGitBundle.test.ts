import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileIndexFromMap } from '../../../core/sync/cachedFileIndex';
import { importGitBundle } from '../../../core/offlineCopy/importGitBundle';
import { writeGitBundle } from '../../../core/offlineCopy/writeGitBundle';
import { syncGitSource } from '../../../core/sync/syncGitSource';
import { RunbookRepo, TINY_PNG, git } from '../../helpers/makeRunbookRepo';
import { cleanUp, http, nodeFs, startServer, tempDir } from '../sync/syncFixture';
import { makeBundle } from './bundleFixture';

let repo: RunbookRepo;
let head: string;

beforeAll(() => {
  repo = new RunbookRepo();
  repo.write('db/failover.md', '# Failover\n').write('img/diagram.png', TINY_PNG).commit('first');
  repo.write('db/failover.md', '# Failover\n\nPromote the replica.\n').write('net/dns.md', '# DNS\n');
  head = repo.commit('second');
});

afterAll(async () => {
  repo.dispose();
  await cleanUp();
});

/** Runs git; returns stdout+stderr and the exit status instead of throwing. */
function tryGit(cwd: string, args: string[]): { status: number; output: string } {
  const run = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

describe('writeGitBundle', () => {
  it('saves an imported commit with its history as a bundle git verifies and clones, and this reader imports again', async () => {
    const gitdir = `${tempDir('export-')}/objects.git`;
    await importGitBundle(
      {
        sourceId: 'src',
        bytes: makeBundle(repo, ['main']),
        cached: fileIndexFromMap(new Map()),
      },
      { fs: nodeFs, gitdir },
    );
    const saved = await writeGitBundle({ fs: nodeFs, gitdir }, { commit: head, branch: 'main' });
    expect(saved).toMatchObject({ commits: 2, prerequisites: [] });

    const dir = tempDir('exported-');
    const file = join(dir, 'runbooks.bundle');
    writeFileSync(file, saved.bytes);
    const empty = join(dir, 'empty');
    git(dir, ['init', '-q', empty]);
    const verified = tryGit(empty, ['bundle', 'verify', file]);
    expect(verified.output).toContain('is okay');
    expect(verified.output).toContain('The bundle records a complete history.');
    expect(verified.status).toBe(0);
    const cloned = tryGit(dir, ['clone', '-q', file, 'clone']);
    expect(cloned).toEqual({ status: 0, output: '' });
    expect(git(join(dir, 'clone'), ['rev-parse', 'HEAD'])).toBe(head);
    expect(readFileSync(join(dir, 'clone', 'net/dns.md'), 'utf8')).toBe('# DNS\n');
    expect(git(join(dir, 'clone'), ['fsck', '--full', '--strict'])).toBe('');

    const again = await importGitBundle(
      {
        sourceId: 'src',
        bytes: saved.bytes,
        cached: fileIndexFromMap(new Map()),
      },
      { fs: nodeFs, gitdir: `${tempDir('reimport-')}/objects.git` },
    );
    expect(again.stats).toMatchObject({
      commit: head,
      branch: 'main',
      counts: { added: 3 },
    });
  });

  it('saves a synced commit (no history on this device) with its parent as a prerequisite, which a clone holding it accepts', async () => {
    const server = startServer();
    repo.publish(server.root, 'export.git');
    const gitdir = `${tempDir('export-sync-')}/objects.git`;
    await syncGitSource(
      {
        sourceId: 'src',
        url: server.url('export.git'),
        cached: fileIndexFromMap(new Map()),
      },
      { fs: nodeFs, http, gitdir },
    );
    const saved = await writeGitBundle({ fs: nodeFs, gitdir }, { commit: head, branch: 'main' });
    const parent = git(repo.workDir, ['rev-parse', 'HEAD~1']);
    expect(saved).toMatchObject({ commits: 1, prerequisites: [parent] });

    const file = join(tempDir('exported-'), 'runbooks.bundle');
    writeFileSync(file, saved.bytes);
    expect(tryGit(repo.workDir, ['bundle', 'verify', file])).toMatchObject({
      status: 0,
      output: expect.stringContaining('The bundle requires this ref'),
    });
    const imported = await importGitBundle(
      {
        sourceId: 'src',
        bytes: saved.bytes,
        cached: fileIndexFromMap(new Map()),
      },
      { fs: nodeFs, gitdir: `${tempDir('reimport-')}/objects.git` },
    );
    expect(imported.stats.commit).toBe(head);
  });
});
