import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExaminedFile } from '../../core/check/examineRunbookFile';
import { DEFAULT_MAX_RUNBOOK_BYTES, formatBytes } from '../../core/ingest/decodeRunbookText';
import type { SourceFile } from '../../core/model';
import type { ExaminationCache } from './examinationCache';
import { describe, type RunbookTree } from './walkRunbookTree';

/** Below this many files to parse, starting worker threads costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 48;

export interface ExamineTreeOptions {
  cache?: ExaminationCache | undefined;
  /** How many worker threads may parse at once; 1 parses on the main thread. */
  parallelism: number;
}

/**
 * How many bytes of file contents are held at once: files are parsed in batches of about this size and
 * their contents let go, so a large tree is never all in memory.
 */
const BATCH_BYTES = 64 * 1024 * 1024;

/**
 * Reads and examines every Markdown file of the tree, reusing cached results for unchanged files. A file's
 * size is looked at before it is read: one over the runbook limit is reported as too large unread.
 */
export async function examineTree(tree: RunbookTree, options: ExamineTreeOptions): Promise<ExaminedFile[]> {
  const examined = new Array<ExaminedFile>(tree.markdown.length);
  const oids = new Array<string | undefined>(tree.markdown.length);
  let batch: { index: number; file: SourceFile }[] = [];
  let batchBytes = 0;
  const parseBatch = async () => {
    const parsed = await parse(
      batch.map((t) => t.file),
      options.parallelism,
    );
    batch.forEach((t, k) => (examined[t.index] = parsed[k]!));
    batch = [];
    batchBytes = 0;
  };
  for (const [index, path] of tree.markdown.entries()) {
    const full = join(tree.root, path);
    let bytes: Uint8Array;
    try {
      const size = statSync(full).size;
      if (size > DEFAULT_MAX_RUNBOOK_BYTES) {
        examined[index] = { kind: 'skipped', path, reason: 'too-large', message: tooLargeMessage(size) };
        continue;
      }
      bytes = readFileSync(full);
    } catch (error) {
      examined[index] = { kind: 'skipped', path, reason: 'unreadable', message: `The file could not be read: ${describe(error)}.` };
      continue;
    }
    const oid = gitBlobId(bytes);
    oids[index] = oid;
    const cached = options.cache?.get(path, oid);
    if (cached) {
      examined[index] = cached;
      continue;
    }
    batch.push({ index, file: { path, bytes, oid } });
    batchBytes += bytes.length;
    if (batchBytes >= BATCH_BYTES) await parseBatch();
  }
  await parseBatch();

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

/** The same words ingest uses for a file over the limit (which it would say if it read the file). */
function tooLargeMessage(size: number): string {
  let shown = formatBytes(size);
  let limit = formatBytes(DEFAULT_MAX_RUNBOOK_BYTES);
  if (shown === limit) [shown, limit] = [`${size} B`, `${DEFAULT_MAX_RUNBOOK_BYTES} B`];
  return `File is ${shown}, over the ${limit} limit for a runbook.`;
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
