import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSharedGitServer, type SharedGitServer } from '../helpers/sharedGitServer';
import { RunbookRepo, git } from '../helpers/makeRunbookRepo';
import { tempFolders } from '../helpers/tempFolders';
import { runCli as cli } from './support/runCli';

const { make: tempDir, removeAll: removeTempDirs } = tempFolders('cli-import-');

let server: SharedGitServer;
let repo: RunbookRepo;
let first: string;
let second: string;
let files: string;

/** `git bundle create` of `revisions` into a file; its path. */
function bundle(name: string, revisions: string[]): string {
  const path = join(files, name);
  git(repo.workDir, ['bundle', 'create', '-q', path, ...revisions]);
  return path;
}

beforeAll(async () => {
  files = tempDir();
  server = useSharedGitServer();
  repo = new RunbookRepo();
  repo.write('db/failover.md', '# Failover\n\nPromote the replica.\n').write('db/restore.md', '# Restore\n');
  first = repo.commit('first');
  repo.write('net/dns.md', '# DNS\n');
  second = repo.commit('second');
  git(repo.workDir, ['branch', 'old', first]);
  repo.publish(server.root, 'runbooks.git');
});

afterAll(async () => {
  await server.close();
  repo.dispose();
  removeTempDirs();
});

describe('runbook-reader import', () => {
  it('imports a bundle into the state folder, and a later sync continues from it', async () => {
    const state = tempDir();
    const url = server.url('runbooks.git');
    const imported = await cli(['import', bundle('main.bundle', ['main']), '--state', state, '--url', url, '--json']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      from: 'bundle',
      commit: second,
      branch: 'main',
      added: 3,
      updated: 0,
      removed: 0,
      unchanged: 0,
      skipped: [],
    });

    const synced = await cli(['sync', url, '--state', state, '--json']);
    expect(synced.code).toBe(0);
    // The same object as sync prints, plus where it came from.
    const syncFields = Object.keys(JSON.parse(synced.stdout) as object);
    expect(Object.keys(JSON.parse(imported.stdout) as object).sort()).toEqual([...new Set([...syncFields, 'from', 'commit'])].sort());
    expect(JSON.parse(synced.stdout)).toMatchObject({
      commit: second,
      added: 0,
      updated: 0,
      removed: 0,
      unchanged: 3,
    });
  });

  it('refuses an older commit than the state holds, naming both commits and dates, unless --allow-older', async () => {
    const state = tempDir();
    expect((await cli(['import', bundle('new.bundle', ['main']), '--state', state])).code).toBe(0);
    const snapshot = readFileSync(join(state, 'snapshot.json'), 'utf8');
    const older = bundle('old.bundle', ['old']);
    const refused = await cli(['import', older, '--state', state, '--branch', 'old']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `runbook-reader import: old.bundle: its commit ${first.slice(0, 7)} (committed 2026-01-01 00:00 UTC) is older than, or unrelated to, the state's commit ${second.slice(0, 7)} (committed 2026-01-01 00:00 UTC). Nothing was changed; add --allow-older to apply it anyway. [older-commit]\n`,
    );
    expect(readFileSync(join(state, 'snapshot.json'), 'utf8')).toBe(snapshot);

    const applied = await cli(['import', older, '--state', state, '--branch', 'old', '--allow-older', '--json']);
    expect(applied.code).toBe(0);
    // Another branch than the state's is another source: its files replace the state's.
    expect(JSON.parse(applied.stdout)).toMatchObject({
      commit: first,
      branch: 'old',
      added: 2,
    });
  });

  it('lists the branches of a bundle that holds several when none was chosen', async () => {
    const run = await cli(['import', bundle('both.bundle', ['main', 'old']), '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'choose-branch',
        message: expect.stringContaining('"main", "old"'),
      },
    });
  });

  it('refuses a 2 GiB file by its size, without reading it', async () => {
    const huge = join(tempDir(), 'huge.bundle');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 2 * 1024 ** 3);
    closeSync(fd);
    const run = await cli(['import', huge]);
    expect(run).toMatchObject({
      code: 1,
      stderr:
        'runbook-reader import: huge.bundle: The file is 2 GiB, over the 512 MiB limit for an offline copy. Nothing was changed. [too-large]\n',
    });
  });

  it('refuses a file that is neither a bundle nor a zip', async () => {
    const text = join(files, 'notes.txt');
    writeFileSync(text, 'hello\n\nworld\n');
    expect(await cli(['import', text])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('neither a Git bundle nor a zip'),
    });
  });

  it('imports a zip of a runbook folder ("from": "zip", "commit": null) with --subdir', async () => {
    const state = tempDir();
    const zip = join(files, 'folder.zip');
    writeFileSync(
      zip,
      zipSync({
        runbooks: { docs: { 'failover.md': strToU8('# Failover\n'), 'dns.md': strToU8('# DNS\n') }, 'notes.md': strToU8('# Notes\n') },
      }),
    );
    const run = await cli(['import', zip, '--state', state, '--subdir', 'docs', '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ from: 'zip', commit: null, added: 2, removed: 0 });
    const snapshot = JSON.parse(readFileSync(join(state, 'snapshot.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(snapshot.files)).toEqual(['dns.md', 'failover.md']);
  });

  it('refuses an unsafe zip and leaves the state folder byte-for-byte as it was', async () => {
    const state = tempDir();
    expect((await cli(['import', bundle('state.bundle', ['main']), '--state', state])).code).toBe(0);
    const before = readFileSync(join(state, 'snapshot.json'));
    const evil = join(files, 'evil.zip');
    writeFileSync(evil, zipSync({ 'db/failover.md': strToU8('# Replaced\n'), '../outside.md': strToU8('# Out\n') }));
    const refused = await cli(['import', evil, '--state', state]);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('[unsafe-zip]') });
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1); // a one-line reason
    expect(readFileSync(join(state, 'snapshot.json')).equals(before)).toBe(true);
  });

  it('exits 2 on a usage error', async () => {
    expect((await cli(['import'])).code).toBe(2);
    expect((await cli(['export', '--state', tempDir()])).code).toBe(2);
  });
});

describe('runbook-reader export', () => {
  it('writes a bundle of the state commit that git bundle verify and git clone accept', async () => {
    const state = tempDir();
    expect((await cli(['import', bundle('full.bundle', ['main']), '--state', state])).code).toBe(0);
    const out = join(tempDir(), 'copy.bundle');
    const run = await cli(['export', '--state', state, '--out', out, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      commit: second,
      branch: 'main',
      commits: 2,
      prerequisites: [],
    });
    const dir = tempDir();
    git(dir, ['init', '-q', 'empty']);
    expect(spawnSync('git', ['bundle', 'verify', out], { cwd: join(dir, 'empty') }).status).toBe(0);
    git(dir, ['clone', '-q', out, 'clone']);
    expect(git(join(dir, 'clone'), ['rev-parse', 'HEAD'])).toBe(second);
  });

  it('says so when the state folder holds nothing', async () => {
    const run = await cli(['export', '--state', tempDir(), '--out', join(tempDir(), 'x.bundle')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[no-state]');
  });
});
