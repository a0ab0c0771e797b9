import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncFileKind } from '../../../core/sync/syncFileKind';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import { fileIndexFromMap } from '../../../core/sync/cachedFileIndex';
import { fetchedObjectsLeft } from '../../../core/sync/fetchedObjects';
import { syncGitSource, type SyncProgress } from '../../../core/sync/syncGitSource';
import { countingNodeFs } from '../../helpers/countingNodeFs';
import type { SharedGitServer } from '../../helpers/sharedGitServer';
import { BAD_FILES, RunbookRepo, TINY_PNG, generateRunbooks, git } from '../../helpers/makeRunbookRepo';
import type { ObjectStoreFs } from '../../../core/sync/objectStoreFs';
import { MapCaller, cleanUp, http, nodeFs, startServer, tempDir, upsertPaths } from './syncFixture';

let server: SharedGitServer;

/** Small runbooks keep the suite quick; the benchmark uses full-size ones. */
const runbooks = (n: number) => generateRunbooks(n, 400, 1500);

beforeAll(async () => {
  server = startServer();
});
afterAll(cleanUp);

function publishNew(files: Iterable<{ path: string; content: string | Uint8Array }>, name: string, branch = 'main'): RunbookRepo {
  const repo = new RunbookRepo(branch);
  repo.writeAll(files);
  repo.commit('initial');
  repo.publish(server.root, name);
  return repo;
}

/** Paths and blob ids of the Markdown files and images in a commit, as git itself lists them. */
function gitListing(repo: RunbookRepo, subdir = ''): Map<string, string> {
  const out = git(repo.workDir, ['ls-tree', '-r', 'HEAD', '--', subdir || '.']);
  const files = new Map<string, string>();
  for (const line of out.split('\n').filter(Boolean)) {
    const [meta, path] = line.split('\t') as [string, string];
    const oid = meta.split(' ')[2]!;
    if (syncFileKind(path) === undefined) continue;
    files.set(subdir ? path.slice(subdir.length + 1) : path, oid);
  }
  return files;
}

describe('syncGitSource: first sync', () => {
  it('fetches the default branch and ingests every Markdown file once, with its blob id', async () => {
    const repo = publishNew(runbooks(40), 'first.git');
    repo.write('assets/diagram.png', TINY_PNG).write('notes.txt', 'not a runbook').write('src/app.ts', 'code').commit();
    const caller = new MapCaller(tempDir('store-'));
    const result = await caller.sync({ url: server.url('first.git') });

    expect(result.stats.commit).toBe(repo.head());
    expect(result.stats.branch).toBe('main');
    expect(result.stats.comparedBy).toBe('cache');
    expect(result.stats.counts).toEqual({ added: 42, updated: 0, removed: 0, renamed: 0, unchanged: 0, skipped: 0 });
    expect(result.stats.parsed).toBe(40);
    expect(result.changeSet.version).toBe(repo.head());
    expect(caller.files).toEqual(gitListing(repo));
    for (const u of result.changeSet.upserts) {
      expect(u.kind).toBe('runbook');
      if (u.kind === 'runbook') expect(u.meta.sourceId).toBe('src');
    }
    expect(result.changeSet.assets).toEqual([
      { path: 'assets/diagram.png', oid: repo.blobId('assets/diagram.png'), mime: 'image/png', bytes: TINY_PNG },
      {
        path: 'notes.txt',
        oid: repo.blobId('notes.txt'),
        mime: 'text/plain; charset=utf-8',
        bytes: new TextEncoder().encode('not a runbook'),
      },
    ]);
  });

  it('produces exactly what ingest produces for the same bytes', async () => {
    const repo = publishNew(runbooks(3), 'same.git');
    const caller = new MapCaller(tempDir('store-'));
    const result = await caller.sync({ url: server.url('same.git'), sourceId: 'team' });
    for (const runbook of runbooks(3)) {
      const expected = ingestRunbook('team', {
        path: runbook.path,
        bytes: new TextEncoder().encode(runbook.content),
        oid: repo.blobId(runbook.path),
      });
      expect(result.changeSet.upserts).toContainEqual(expected);
    }
  });

  it('never reads the pack it fetched back from the store: checking and reading it use what was written', async () => {
    publishNew(runbooks(40), 'readback.git');
    const { fs, counted } = countingNodeFs((path) => typeof path === 'string' && /\.(pack|idx)$/.test(path));
    const result = await syncGitSource(
      { sourceId: 'src', url: server.url('readback.git'), cached: fileIndexFromMap(new Map()) },
      { fs: fs as ObjectStoreFs, http, gitdir: tempDir('store-'), cache: {} },
    );
    expect(upsertPaths(result)).toHaveLength(40);
    expect(counted.reads).toBe(0);
  });

  it('follows a named branch instead of the default one', async () => {
    const repo = publishNew([{ path: 'main.md', content: '# On main\n' }], 'branches.git');
    repo.pushBranch('release');
    repo.write('main.md', '# Changed on main only\n').commit();
    const caller = new MapCaller(tempDir('store-'));
    const result = await caller.sync({ url: server.url('branches.git'), branch: 'release' });
    expect(result.stats.branch).toBe('release');
    const upsert = result.changeSet.upserts[0];
    expect(upsert?.kind === 'runbook' && upsert.meta.title).toBe('On main');
  });

  it('reads the default branch from the remote, whatever it is called', async () => {
    const repo = publishNew([{ path: 'a.md', content: '# A\n' }], 'trunk.git', 'trunk');
    const result = await new MapCaller(tempDir('store-')).sync({ url: server.url('trunk.git') });
    expect(result.stats.branch).toBe('trunk');
    expect(result.stats.commit).toBe(repo.head());
  });

  it('keeps only the sub-folder, with paths relative to it', async () => {
    const repo = publishNew(
      [
        { path: 'README.md', content: '# Repo readme\n' },
        { path: 'docs/operations/runbooks/db/failover.md', content: '# Failover\n\nSee [restart](../restart.md).\n' },
        { path: 'docs/operations/runbooks/restart.md', content: '# Restart\n' },
        { path: 'docs/other.md', content: '# Other\n' },
      ],
      'subdir.git',
    );
    const cache = {};
    const caller = new MapCaller(tempDir('store-'), cache);
    const result = await caller.sync({ url: server.url('subdir.git'), subdir: '/docs/operations/runbooks/' });
    expect(upsertPaths(result)).toEqual(['db/failover.md', 'restart.md']);
    // The files outside the sub-folder were fetched but never read: their contents do not stay in the cache.
    expect(fetchedObjectsLeft(cache)).toBe(0);
    expect(caller.files).toEqual(gitListing(repo, 'docs/operations/runbooks'));
    const failover = result.changeSet.upserts.find((u) => u.kind === 'runbook' && u.meta.path === 'db/failover.md');
    expect(failover?.kind === 'runbook' && failover.meta.links[0]?.target).toEqual({ kind: 'runbook', path: 'restart.md' });
  });
});

describe('syncGitSource: later syncs', () => {
  let repo: RunbookRepo;
  let caller: MapCaller;

  beforeAll(async () => {
    repo = publishNew(runbooks(60), 'later.git');
    repo.write('img/logo.png', TINY_PNG).commit();
    caller = new MapCaller(tempDir('store-'));
    await caller.sync({ url: server.url('later.git') });
  });

  it('reads and parses only what changed: modified, added, deleted and renamed files', async () => {
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => [...runbooks(4)][i]!.path);
    repo.write(a!, '---\ntitle: Rewritten\n---\n# Rewritten\n');
    repo.write('new/added.md', '# Added\n').write('new/also-added.markdown', '# Also added\n');
    repo.remove(b!);
    repo.rename(c!, 'moved/renamed.md');
    repo.rename('img/logo.png', 'img/logo-moved.png');
    repo.remove(d!);
    repo.commit('many changes');

    const before = new Map(caller.files);
    const result = await caller.sync({ url: server.url('later.git') });
    expect(result.stats.comparedBy).toBe('trees');
    expect(result.stats.counts).toEqual({ added: 2, updated: 1, removed: 2, renamed: 2, unchanged: 56, skipped: 0 });
    // Only the changed Markdown went through ingest: 1 modified + 2 added + 1 rename target.
    expect(result.stats.parsed).toBe(4);
    expect(upsertPaths(result)).toEqual([a!, 'moved/renamed.md', 'new/added.md', 'new/also-added.markdown'].sort());
    expect(result.changeSet.removed.sort()).toEqual([b!, d!].sort());
    expect(result.changeSet.renamed).toEqual(
      expect.arrayContaining([
        { from: c!, to: 'moved/renamed.md' },
        { from: 'img/logo.png', to: 'img/logo-moved.png' },
      ]),
    );
    expect(result.changeSet.assets?.map((x) => x.path)).toEqual(['img/logo-moved.png']);
    expect(caller.files).toEqual(gitListing(repo));
    expect(caller.files.get('moved/renamed.md')).toBe(before.get(c!));
  });

  it('downloads only the new objects, not the whole tree again', async () => {
    const fullDownload = (await server.requestLog()).find((r) => r.method === 'POST' && r.url.includes('/later.git/'))!.responseBytes;
    repo.write([...runbooks(10)][9]!.path, '# One small change\n').commit();
    const from = (await server.requestLog()).length;
    const result = await caller.sync({ url: server.url('later.git') });
    const pack = (await server.requestLog()).slice(from).find((r) => r.method === 'POST')!;
    expect(result.stats.parsed).toBe(1);
    expect(pack.responseBytes).toBeLessThan(fullDownload / 5);
  });

  it('changes nothing and parses nothing when the branch has not moved', async () => {
    const result = await caller.sync({ url: server.url('later.git') });
    expect(result.stats.parsed).toBe(0);
    expect(result.changeSet.upserts).toEqual([]);
    expect(result.changeSet.removed).toEqual([]);
    expect(result.stats.counts.unchanged).toBe(caller.files.size);
  });

  it('syncs reverts: files removed and then restored with the same content, again and again', async () => {
    // A restored commit's trees are ones the store already has, sent again as deltas against the trees
    // they replace; reading them must not chase those deltas round in a circle (it once ran out of memory).
    for (const index of [59, 58, 57, 56, 55]) {
      const path = [...runbooks(60)][index]!.path;
      const bytes = execFileSync('git', ['show', `HEAD:${path}`], { cwd: repo.workDir });
      repo.remove(path).commit(`remove ${index}`);
      expect((await caller.sync({ url: server.url('later.git') })).changeSet.removed).toEqual([path]);
      repo.write(path, bytes).commit(`revert ${index}`);
      const restored = await caller.sync({ url: server.url('later.git') });
      expect(upsertPaths(restored)).toEqual([path]);
    }
    expect(caller.files).toEqual(gitListing(repo));
  });

  it('finds a changed file deep in an unchanged-looking folder tree', async () => {
    repo.write('deep/a/b/c/d/runbook.md', '# Deep v1\n').commit();
    await caller.sync({ url: server.url('later.git') });
    repo.write('deep/a/b/c/d/runbook.md', '# Deep v2\n').commit();
    const result = await caller.sync({ url: server.url('later.git') });
    expect(upsertPaths(result)).toEqual(['deep/a/b/c/d/runbook.md']);
    expect(result.stats.counts.updated).toBe(1);
  });
});

describe('syncGitSource: files ingest refuses or warns about', () => {
  it('syncs or skips each awkward file exactly as ingest says, and the sync succeeds', async () => {
    const files = Object.values(BAD_FILES);
    const repo = publishNew([{ path: 'good.md', content: '---\ntitle: Good\n---\n# Good\n' }, ...files], 'bad.git');
    repo.write('img/huge.svg', `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(3 * 1024 * 1024)}</svg>`).commit();
    const caller = new MapCaller(tempDir('store-'));
    const result = await caller.sync({ url: server.url('bad.git') });

    for (const file of files) {
      const bytes = typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
      const expected = ingestRunbook('src', { path: file.path, bytes, oid: repo.blobId(file.path) });
      expect(result.changeSet.upserts).toContainEqual(expected);
    }
    expect(result.stats.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: BAD_FILES.binary.path, reason: 'binary' }),
        expect.objectContaining({ path: BAD_FILES.notUtf8.path, reason: 'not-utf8' }),
        expect.objectContaining({ path: BAD_FILES.oversized.path, reason: 'too-large' }),
        expect.objectContaining({ path: 'img/huge.svg', reason: 'too-large' }),
      ]),
    );
    expect(result.stats.counts.skipped).toBe(4);
    expect(result.stats.counts.added).toBe(3); // good.md, malformed front matter, hostile HTML
    expect(result.stats.warnings).toContainEqual(expect.objectContaining({ path: BAD_FILES.malformedFrontMatter.path }));
    expect(result.changeSet.assets).toEqual([]);
  });

  it('skips a 50 MB image with its size and the limit as the reason, storing none of it', async () => {
    const image = new Uint8Array(50 * 1024 * 1024);
    image.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // a PNG signature, then zeros
    publishNew(
      [
        { path: 'index.md', content: '# Index\n\n![Plan](img/plan.png)\n' },
        { path: 'img/plan.png', content: image },
      ],
      'big-image.git',
    );
    const result = await new MapCaller(tempDir('store-')).sync({ url: server.url('big-image.git') });
    expect(result.stats.skipped).toEqual([
      { path: 'img/plan.png', reason: 'too-large', message: 'Image is 50.0 MiB, over the 2.0 MiB limit.' },
    ]);
    expect(result.changeSet.assets).toEqual([]);
    expect(result.stats.counts.added).toBe(1);
  });

  it('uses the configured size limit', async () => {
    publishNew([{ path: 'medium.md', content: `# Medium\n\n${'x'.repeat(4000)}\n` }], 'limit.git');
    const result = await new MapCaller(tempDir('store-')).sync({ url: server.url('limit.git'), maxFileBytes: 1024 });
    expect(result.stats.skipped).toEqual([expect.objectContaining({ path: 'medium.md', reason: 'too-large' })]);
  });
});

describe('syncGitSource: when the store lost the previous commit', () => {
  it('compares the new tree with the cache by blob id and parses only what differs', async () => {
    const repo = publishNew(runbooks(30), 'wiped.git');
    const first = new MapCaller(tempDir('store-'));
    await first.sync({ url: server.url('wiped.git') });
    const changed = [...runbooks(1)][0]!.path;
    repo.write(changed, '# Changed while the store was gone\n').commit();

    // Same cache (path → blob id and commit), brand-new empty object store.
    const second = new MapCaller(tempDir('store-'));
    second.files = new Map(first.files);
    second.commit = first.commit!;
    const result = await second.sync({ url: server.url('wiped.git') });
    expect(result.stats.comparedBy).toBe('cache');
    expect(result.stats.parsed).toBe(1);
    expect(upsertPaths(result)).toEqual([changed]);
    expect(result.stats.counts).toMatchObject({ updated: 1, unchanged: 29, added: 0, removed: 0 });
  });
});

describe('syncGitSource: progress and cancelling', () => {
  it('reports the phases in order and ends at done', async () => {
    publishNew(runbooks(5), 'progress.git');
    const seen: SyncProgress[] = [];
    await new MapCaller(tempDir('store-')).sync({ url: server.url('progress.git'), onProgress: (p) => seen.push(p) });
    const phases = seen.map((p) => p.phase).filter((p, i, all) => all[i - 1] !== p);
    expect(phases).toEqual(['connecting', 'fetching', 'reading', 'parsing', 'done']);
    expect(seen.at(-1)).toEqual({ phase: 'done', percent: 100 });
    for (const p of seen) if (p.percent !== undefined) expect(p.percent).toBeGreaterThanOrEqual(0);
  });

  it('stops with "cancelled" when the signal aborts, and the next sync works', async () => {
    publishNew(runbooks(5), 'cancel.git');
    const gitdir = tempDir('store-');
    const controller = new AbortController();
    const attempt = syncGitSource(
      {
        sourceId: 'src',
        url: server.url('cancel.git'),
        cached: fileIndexFromMap(new Map()),
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'fetching') controller.abort();
        },
      },
      { fs: nodeFs, http, gitdir },
    );
    await expect(attempt).rejects.toMatchObject({ name: 'SyncError', code: 'cancelled' });
    const result = await new MapCaller(gitdir).sync({ url: server.url('cancel.git') });
    expect(result.stats.parsed).toBe(5);
  });

  it('fails fast as offline when the platform says it is offline', async () => {
    const attempt = new MapCaller(tempDir('store-')).sync({ url: server.url('progress.git'), isOnline: () => false });
    await expect(attempt).rejects.toMatchObject({ code: 'offline' });
  });
});
