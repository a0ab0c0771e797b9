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

  it('rejects a pack cut short, whatever its last bytes happen to be', async () => {
    const pack = readFileSync(source.pack);
    const gitdir = storeWith(pack.subarray(0, Math.floor(pack.length / 2)), readFileSync(source.idx));
    expect(await verifyFetchedPack(nodeFs, gitdir, 'objects/pack/pack-x.pack')).toMatch(/checksum/);
  });

  it('rejects an index with fewer objects than the pack announced', async () => {
    const idx = Uint8Array.from(readFileSync(source.idx));
    idx[8 + 255 * 4 + 3]! -= 1; // one object fewer in the last fan-out count
    const gitdir = storeWith(readFileSync(source.pack), idx);
    expect(await verifyFetchedPack(nodeFs, gitdir, 'objects/pack/pack-x.pack')).toMatch(/announced/);
  });
});
