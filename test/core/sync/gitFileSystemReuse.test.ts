import { mkdtempSync, promises as nodeFs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PromiseFsClient } from 'isomorphic-git';
import { afterEach, describe, expect, it } from 'vitest';
import { ISOMORPHIC_GIT_BUILDS } from '../../helpers/isomorphicGitBuilds';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Node's file system as a sync's object store looks to isomorphic-git, counting the path-less `readFile()` probes. */
function countingFs() {
  const counted = { probes: 0 };
  const call =
    (name: keyof typeof nodeFs) =>
    (...args: unknown[]) =>
      (nodeFs[name] as (...a: unknown[]) => Promise<unknown>)(...args);
  const fs: PromiseFsClient = {
    promises: {
      readFile: (...args: unknown[]) => {
        if (typeof args[0] !== 'string') counted.probes++;
        return call('readFile')(...args);
      },
      writeFile: call('writeFile'),
      unlink: call('unlink'),
      readdir: call('readdir'),
      mkdir: call('mkdir'),
      rmdir: call('rmdir'),
      stat: call('stat'),
      lstat: call('lstat'),
      readlink: call('readlink'),
      symlink: call('symlink'),
    },
  };
  return { fs, counted };
}

describe('isomorphic-git, patched to wrap a file system once', () => {
  it.each(ISOMORPHIC_GIT_BUILDS)('%s: reading 40 objects probes the file system once, not twice per read', async (_name, load) => {
    const git = await load();
    const dir = mkdtempSync(join(tmpdir(), 'rr-git-fs-'));
    dirs.push(dir);
    const { fs, counted } = countingFs();
    await git.init({ fs, dir });
    const oids: string[] = [];
    for (let i = 0; i < 40; i++) oids.push(await git.writeBlob({ fs, dir, blob: new TextEncoder().encode(`runbook ${i}\n`) }));
    const before = counted.probes;
    for (const [i, oid] of oids.entries()) {
      const { blob } = await git.readBlob({ fs, dir, oid });
      expect(new TextDecoder().decode(blob)).toBe(`runbook ${i}\n`);
    }
    expect(before).toBeLessThanOrEqual(2);
    expect(counted.probes).toBe(before);
  });
});
