import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examineRunbookFile, type ExaminedFile } from '../../core/check/examineRunbookFile';
import type { SourceFile } from '../../core/model';
import type { ExaminationCache } from './examinationCache';
import { examineInWorkers } from './examineInWorkers';
import { describe, type RunbookTree } from './walkRunbookTree';

/** Below this many files to parse, starting worker threads costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 48;

export interface ExamineTreeOptions {
  cache?: ExaminationCache;
  /** How many worker threads may parse at once; 1 parses on the main thread. */
  parallelism: number;
}

/** Reads and examines every Markdown file of the tree, reusing cached results for unchanged files. */
export async function examineTree(tree: RunbookTree, options: ExamineTreeOptions): Promise<ExaminedFile[]> {
  const examined: ExaminedFile[] = new Array(tree.markdown.length);
  const oids: (string | undefined)[] = new Array(tree.markdown.length);
  const toParse: { index: number; file: SourceFile }[] = [];
  tree.markdown.forEach((path, index) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(tree.root, path));
    } catch (error) {
      examined[index] = { kind: 'skipped', path, reason: 'unreadable', message: `The file could not be read: ${describe(error)}.` };
      return;
    }
    const oid = gitBlobId(bytes);
    oids[index] = oid;
    const cached = options.cache?.get(path, oid);
    if (cached) examined[index] = cached;
    else toParse.push({ index, file: { path, bytes, oid } });
  });

  const files = toParse.map((t) => t.file);
  const parsed =
    options.parallelism > 1 && files.length >= MIN_FILES_FOR_WORKERS
      ? await examineInWorkers(files, options.parallelism)
      : files.map((f) => examineRunbookFile(f));
  toParse.forEach((t, k) => (examined[t.index] = parsed[k]!));

  if (options.cache) {
    const cache = options.cache;
    tree.markdown.forEach((path, index) => {
      const oid = oids[index];
      if (oid !== undefined) cache.set(path, oid, examined[index]!);
    });
    cache.save();
  }
  return examined;
}

/** Git's blob id with Node's native SHA-1: the same id as core/ingest/gitBlobId, much faster on big trees. */
function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
