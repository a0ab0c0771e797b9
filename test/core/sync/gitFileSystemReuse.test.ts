import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ISOMORPHIC_GIT_BUILDS } from '../../helpers/isomorphicGitBuilds';
import { countingNodeFs } from '../../helpers/countingNodeFs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('isomorphic-git, patched to wrap a file system once', () => {
  it.each(ISOMORPHIC_GIT_BUILDS)('%s: reading 40 objects probes the file system once, not twice per read', async (_name, load) => {
    const git = await load();
    const dir = mkdtempSync(join(tmpdir(), 'rr-git-fs-'));
    dirs.push(dir);
    // Counts the path-less `readFile()` probes.
    const { fs, counted } = countingNodeFs((path) => typeof path !== 'string');
    await git.init({ fs, dir });
    const oids: string[] = [];
    for (let i = 0; i < 40; i++) oids.push(await git.writeBlob({ fs, dir, blob: new TextEncoder().encode(`runbook ${i}\n`) }));
    const before = counted.reads;
    for (const [i, oid] of oids.entries()) {
      const { blob } = await git.readBlob({ fs, dir, oid });
      expect(new TextDecoder().decode(blob)).toBe(`runbook ${i}\n`);
    }
    expect(before).toBeLessThanOrEqual(2);
    expect(counted.reads).toBe(before);
  });
});
