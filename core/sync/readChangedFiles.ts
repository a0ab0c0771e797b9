import git from 'isomorphic-git';
import { DEFAULT_MAX_RUNBOOK_BYTES, formatBytes } from '../ingest/decodeRunbookText';
import { ingestRunbook } from '../ingest/ingestRunbook';
import type { IngestResult, SkipReason, SourceAsset } from '../model';
import type { TreeReader } from './compareTrees';
import { nextEventLoopTurn } from './nextEventLoopTurn';
import { asGitFs } from './objectStore';
import { syncCancelled } from './syncError';
import { assetMimeType, syncFileKind } from './syncFileKind';

export interface FileToRead {
  path: string;
  oid: string;
}

export interface SkippedPath {
  path: string;
  reason: SkipReason;
  message: string;
}

export interface PathWarning {
  path: string;
  message: string;
  line?: number;
}

/**
 * Parsing yields to the event loop this often (ms of work): the blob reads resolve without leaving the microtask
 * queue, and a cancel can only arrive between turns.
 */
const TURN_EVERY_MS = 50;

export interface ReadFilesOutcome {
  upserts: IngestResult[];
  assets: SourceAsset[];
  skipped: SkippedPath[];
  warnings: PathWarning[];
  /** Paths that ended up skipped, to keep them out of the added/updated counts. */
  skippedPaths: Set<string>;
  /** Markdown files handed to ingest. */
  parsed: number;
  readMs: number;
  parseMs: number;
}

export interface ReadFilesOptions {
  maxBytes?: number | undefined;
  signal?: AbortSignal | undefined;
  onPercent?: ((percent: number) => void) | undefined;
}

/**
 * Reads the given blobs from the object store, the next one while the current one is parsed (so at most
 * two files' bytes are held), and turns each into what the cache stores: Markdown through `ingestRunbook` (which also decides what
 * is skipped and why), images as assets (or skipped when over the size limit).
 */
export async function readChangedFiles(
  reader: TreeReader,
  sourceId: string,
  files: readonly FileToRead[],
  options: ReadFilesOptions = {},
): Promise<ReadFilesOutcome> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_RUNBOOK_BYTES;
  const outcome: ReadFilesOutcome = {
    upserts: [],
    assets: [],
    skipped: [],
    warnings: [],
    skippedPaths: new Set(),
    parsed: 0,
    readMs: 0,
    parseMs: 0,
  };
  let lastPercent = -1;
  const read = (index: number) => {
    const reading = git.readBlob({ fs: asGitFs(reader.fs), gitdir: reader.gitdir, oid: files[index]!.oid, cache: reader.cache });
    // Awaited in its turn; this only keeps an early exit (cancel, error) from leaving it unhandled.
    reading.catch(() => undefined);
    return reading;
  };
  // The next blob is read (file system waits) while this one is parsed (CPU), so at most two are held.
  let next = files.length > 0 ? read(0) : undefined;
  let turnAt = performance.now() + TURN_EVERY_MS;
  for (let i = 0; i < files.length; i++) {
    if (performance.now() >= turnAt) {
      await nextEventLoopTurn();
      turnAt = performance.now() + TURN_EVERY_MS;
    }
    if (options.signal?.aborted) throw syncCancelled();
    const file = files[i]!;
    const readStart = performance.now();
    const { blob } = await next!;
    next = i + 1 < files.length ? read(i + 1) : undefined;
    const parseStart = performance.now();
    outcome.readMs += parseStart - readStart;

    const kind = syncFileKind(file.path);
    if (kind === 'image' || kind === 'text') {
      if (blob.length > maxBytes) {
        const message = `${kind === 'image' ? 'Image' : 'File'} is ${formatBytes(blob.length)}, over the ${formatBytes(maxBytes)} limit.`;
        outcome.upserts.push({ kind: 'skipped', skipped: { sourceId, path: file.path, oid: file.oid, reason: 'too-large', message } });
        outcome.skipped.push({ path: file.path, reason: 'too-large', message });
        outcome.skippedPaths.add(file.path);
      } else {
        // A copy: the blob may be a view into a larger pooled buffer, and storing a view stores all of it.
        outcome.assets.push({ path: file.path, oid: file.oid, mime: assetMimeType(file.path)!, bytes: new Uint8Array(blob) });
      }
    } else {
      const result = ingestRunbook(sourceId, { path: file.path, bytes: blob, oid: file.oid }, { maxBytes });
      outcome.parsed++;
      outcome.upserts.push(result);
      if (result.kind === 'skipped') {
        const { path, reason, message } = result.skipped;
        outcome.skipped.push({ path, reason, message });
        outcome.skippedPaths.add(path);
      } else {
        for (const w of result.meta.warnings) {
          outcome.warnings.push(
            w.line === undefined ? { path: file.path, message: w.message } : { path: file.path, message: w.message, line: w.line },
          );
        }
      }
    }
    outcome.parseMs += performance.now() - parseStart;

    const percent = Math.floor(((i + 1) / files.length) * 100);
    if (options.onPercent && percent !== lastPercent) {
      lastPercent = percent;
      options.onPercent(percent);
    }
  }
  return outcome;
}
