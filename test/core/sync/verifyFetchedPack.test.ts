import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyFetchedPack } from '../../../core/sync/verifyFetchedPack';
import { RunbookRepo, generateRunbooks } from '../../helpers/makeRunbookRepo';
import { cleanUp, nodeFs, tempDir } from './syncFixture';

let source: { pack: string; idx: string };

beforeAll(() => {
  // A real pack and index, written by git itself.
  const repo = new RunbookRepo();
  repo.writeAll(generateRunbooks(10, 400, 800)).commit();
  execFileSync('git', ['repack', '-a', '-d', '-q'], { cwd: repo.workDir });
  const dir = join(repo.workDir, '.git/objects/pack');
  const pack = readdirSync(dir).find((f) => f.endsWith('.pack'))!;
  source = { pack: join(dir, pack), idx: join(dir, pack.replace(/\.pack$/, '.idx')) };
});
afterAll(cleanUp);

function storeWith(pack: Uint8Array, idx: Uint8Array): string {
  const gitdir = tempDir('store-');
  mkdirSync(join(gitdir, 'objects/pack'), { recursive: true });
  writeFileSync(join(gitdir, 'objects/pack/pack-x.pack'), pack);
  writeFileSync(join(gitdir, 'objects/pack/pack-x.idx'), idx);
  return gitdir;
}

describe('verifyFetchedPack', () => {
  it('accepts a complete pack', async () => {
    const gitdir = tempDir('store-');
    mkdirSync(join(gitdir, 'objects/pack'), { recursive: true });
    copyFileSync(source.pack, join(gitdir, 'objects/pack/pack-x.pack'));
    copyFileSync(source.idx, join(gitdir, 'objects/pack/pack-x.idx'));
    expect(await verifyFetchedPack(nodeFs, gitdir, 'objects/pack/pack-x.pack')).toBeUndefined();
  });

  it('calls a whole pack whose bytes were altered damaged, wherever the change is', async () => {
    const pack = readFileSync(source.pack);
    for (const at of [12, Math.floor(pack.length / 2), pack.length - 21]) {
      const altered = Uint8Array.from(pack);
      altered[at]! ^= 0xff;
      const gitdir = storeWith(altered, readFileSync(source.idx));
      expect(await verifyFetchedPack(nodeFs, gitdir, 'objects/pack/pack-x.pack')).toEqual({
        kind: 'damaged',
        reason: expect.stringMatching(/checksum/),
      });
    }
  });

  it('calls a pack whose index has fewer objects than the pack announced incomplete', async () => {
    const idx = Uint8Array.from(readFileSync(source.idx));
    idx[8 + 255 * 4 + 3]! -= 1; // one object fewer in the last fan-out count
    const gitdir = storeWith(readFileSync(source.pack), idx);
    expect(await verifyFetchedPack(nodeFs, gitdir, 'objects/pack/pack-x.pack')).toEqual({
      kind: 'incomplete',
      reason: expect.stringMatching(/announced/),
    });
  });

  it('calls a pack without its header incomplete', async () => {
    const gitdir = storeWith(new Uint8Array(10), readFileSync(source.idx));
    expect(await verifyFetchedPack(nodeFs, gitdir, 'objects/pack/pack-x.pack')).toMatchObject({ kind: 'incomplete' });
  });
});
