import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeSet } from '../../../core/model';
import { git, type RunbookRepo } from '../../helpers/makeRunbookRepo';

/** `git bundle create` in the repository's work tree with the given revisions; the file's bytes. */
export function makeBundle(repo: RunbookRepo, revisions: string[], options: { version?: 2 | 3; config?: string[] } = {}): Uint8Array {
  const file = join(repo.workDir, '..', `${repo.workDir.split('/').pop()}-${Math.random().toString(36).slice(2)}.bundle`);
  const config = (options.config ?? []).flatMap((c) => ['-c', c]);
  git(repo.workDir, [
    ...config,
    'bundle',
    'create',
    '-q',
    ...(options.version ? [`--version=${options.version}`] : []),
    file,
    ...revisions,
  ]);
  return new Uint8Array(readFileSync(file));
}

/** Offset of the pack in a bundle: after the first empty line. */
export function packStart(bundle: Uint8Array): number {
  for (let i = 1; i < bundle.length; i++) if (bundle[i] === 0x0a && bundle[i - 1] === 0x0a) return i + 1;
  throw new Error('no pack in bundle');
}

/** Every file under `dir` with a hash of its content, to prove a failed import changed nothing. */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  if (!existsSync(dir)) return state;
  const visit = (path: string, rel: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const key = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) visit(full, key);
      else state[key] = createHash('sha1').update(readFileSync(full)).digest('hex');
    }
  };
  visit(dir, '');
  return state;
}

/** A path → blob id map updated by a change set, as the cache would be. */
export function applyToFiles(files: Map<string, string>, changeSet: ChangeSet): void {
  for (const path of changeSet.removed) files.delete(path);
  for (const { from } of changeSet.renamed) files.delete(from);
  for (const u of changeSet.upserts) {
    if (u.kind === 'runbook') files.set(u.meta.path, u.meta.oid);
    else files.set(u.skipped.path, u.skipped.oid);
  }
  for (const a of changeSet.assets ?? []) files.set(a.path, a.oid);
}

/**
 * A bundle made without compression or deltas (so file content is stored verbatim), in which one
 * character of `content` is changed and every checksum after it made right again (zlib's Adler-32 of the
 * object, the pack's SHA-1): a well-formed pack holding an object whose content no longer matches the id
 * its tree names.
 */
export function bundleWithAlteredObject(repo: RunbookRepo, content: string): Uint8Array {
  const bundle = makeBundle(repo, ['main'], {
    config: ['core.compression=0', 'pack.compression=0', 'pack.window=0'],
  });
  const text = Buffer.from(content);
  const at = Buffer.from(bundle).indexOf(text);
  if (at < 0) throw new Error('content not stored verbatim');
  const altered = Buffer.from(bundle);
  altered[at] = altered[at]! ^ 0x01;
  altered.writeUInt32BE(adler32(altered.subarray(at, at + text.length)), at + text.length);
  const start = packStart(altered);
  createHash('sha1')
    .update(altered.subarray(start, altered.length - 20))
    .digest()
    .copy(altered, altered.length - 20);
  return new Uint8Array(altered);
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}
