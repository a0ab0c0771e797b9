import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareTrees, listTree, treeAt } from '../../../core/sync/compareTrees';
import type { ObjectStoreFs } from '../../../core/sync/objectStoreFs';
import { RunbookRepo, git } from '../../helpers/makeRunbookRepo';
import { cleanUp, nodeFs } from './syncFixture';

const repos: RunbookRepo[] = [];
afterAll(async () => {
  for (const repo of repos) repo.dispose();
  await cleanUp();
});

/** A work repository whose `.git` (loose objects) serves as the object store. */
function newRepo(): RunbookRepo {
  const repo = new RunbookRepo();
  repos.push(repo);
  return repo;
}

/** Node's fs, recording which loose objects are read (each tree or blob read is one). */
function recordingFs(): { fs: ObjectStoreFs; objectsRead: string[] } {
  const objectsRead: string[] = [];
  const promises = {
    ...nodeFs.promises,
    readFile: (path: string, ...rest: unknown[]) => {
      const match = /objects\/([0-9a-f]{2})\/([0-9a-f]{38})$/.exec(path);
      if (match) objectsRead.push(match[1]! + match[2]!);
      return (nodeFs.promises.readFile as (...a: unknown[]) => Promise<Uint8Array>)(path, ...rest);
    },
  };
  return { fs: { promises }, objectsRead };
}

/** The object id git itself gives `rev:path` (a tree, or a blob for a file path). */
const treeOf = (repo: RunbookRepo, rev: string, path = '') => git(repo.workDir, ['rev-parse', `${rev}:${path}`]);

describe('compareTrees', () => {
  it('opens only the trees on the changed path, never an unchanged sibling folder', async () => {
    const repo = newRepo();
    for (let folder = 0; folder < 30; folder++) {
      for (let file = 0; file < 5; file++) repo.write(`folder-${folder}/runbook-${file}.md`, `# ${folder}.${file}\n`);
    }
    const before = repo.commit();
    repo.write('folder-7/runbook-3.md', '# changed\n');
    const after = repo.commit();
    const { fs, objectsRead } = recordingFs();
    const reader = { fs, gitdir: join(repo.workDir, '.git'), cache: {} };
    const touched = await compareTrees(reader, (await treeAt(reader, before, ''))!, (await treeAt(reader, after, ''))!);
    expect(touched).toEqual([
      {
        path: 'folder-7/runbook-3.md',
        before: treeOf(repo, before, 'folder-7/runbook-3.md'),
        after: treeOf(repo, after, 'folder-7/runbook-3.md'),
      },
    ]);
    const siblings = Array.from({ length: 30 }, (_, i) => i)
      .filter((i) => i !== 7)
      .map((i) => treeOf(repo, 'HEAD', `folder-${i}`));
    for (const sibling of siblings) expect(objectsRead).not.toContain(sibling);
    expect(objectsRead).toEqual(
      expect.arrayContaining([
        treeOf(repo, before),
        treeOf(repo, after),
        treeOf(repo, before, 'folder-7'),
        treeOf(repo, after, 'folder-7'),
      ]),
    );
    // 2 commits and 2 root trees (read by treeAt, then again by the comparison: loose objects are not cached), 2 folder trees
    expect(objectsRead.length).toBeLessThanOrEqual(8);
  });

  it('sees a file that became a folder, and a folder that became a file', async () => {
    const repo = newRepo();
    repo.write('ops.md', '# ops file\n').write('db/failover.md', '# failover\n');
    const before = repo.commit();
    repo.remove('ops.md').write('ops.md/inside.md', '# inside\n');
    repo.remove('db/failover.md').write('db', '# now a file, not Markdown by name\n');
    const after = repo.commit();
    const reader = { fs: nodeFs, gitdir: join(repo.workDir, '.git'), cache: {} };
    const touched = await compareTrees(reader, (await treeAt(reader, before, ''))!, (await treeAt(reader, after, ''))!);
    expect(touched.map((t) => [t.path, t.before !== undefined, t.after !== undefined]).sort()).toEqual([
      ['db/failover.md', true, false],
      ['ops.md', true, false],
      ['ops.md/inside.md', false, true],
    ]);
  });

  it('lists Markdown files, images and plain-text files, not symlinks or other files', async () => {
    const repo = newRepo();
    repo.write('a.md', '# A\n').write('img/b.PNG', 'png').write('c.ts', 'code').write('d.markdown', '# D\n').write('e.txt', 'text');
    symlinkSync('a.md', join(repo.workDir, 'link.md'));
    const commit = repo.commit();
    const reader = { fs: nodeFs, gitdir: join(repo.workDir, '.git'), cache: {} };
    const files = await listTree(reader, (await treeAt(reader, commit, ''))!);
    expect(files.map((f) => f.path).sort()).toEqual(['a.md', 'd.markdown', 'e.txt', 'img/b.PNG']);
    expect(files.find((f) => f.path === 'a.md')?.oid).toBe(repo.blobId('a.md'));
  });

  it('finds a sub-folder, and says when there is none', async () => {
    const repo = newRepo();
    repo.write('docs/runbooks/a.md', '# A\n').write('docs/file.md', '# F\n');
    const commit = repo.commit();
    const reader = { fs: nodeFs, gitdir: join(repo.workDir, '.git'), cache: {} };
    expect(await treeAt(reader, commit, 'docs/runbooks')).toBe(treeOf(repo, 'HEAD', 'docs/runbooks'));
    expect(await treeAt(reader, commit, 'docs/missing')).toBeUndefined();
    expect(await treeAt(reader, commit, 'docs/file.md')).toBeUndefined();
  });
});
