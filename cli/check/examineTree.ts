import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExaminedFile } from '../../core/check/examineRunbookFile';
import type { SourceFile } from '../../core/model';
import type { ExaminationCache } from './examinationCache';
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
  const examined = new Array<ExaminedFile>(tree.markdown.length);
  const oids = new Array<string | undefined>(tree.markdown.length);
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

  const parsed = await parse(toParse.map((t) => t.file), options.parallelism);
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

/** The parser is loaded only when there is something to parse: a fully cached run never pays for it. */
async function parse(files: SourceFile[], parallelism: number): Promise<ExaminedFile[]> {
  if (files.length === 0) return [];
  if (parallelism > 1 && files.length >= MIN_FILES_FOR_WORKERS) {
    const { examineInWorkers } = await import('./examineInWorkers');
    return examineInWorkers(files, parallelism);
  }
  const { examineRunbookFile } = await import('../../core/check/examineRunbookFile');
  return files.map((f) => examineRunbookFile(f));
}

/** Git's blob id with Node's native SHA-1: the same id as core/ingest/gitBlobId, much faster on big trees. */
function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
