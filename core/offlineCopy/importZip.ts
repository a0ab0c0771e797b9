import { bytesToHex } from '@noble/hashes/utils.js';
import { Inflate } from 'fflate';
import { diffSnapshots, type SnapshotEntry } from '../changes/diffSnapshots';
import { DEFAULT_MAX_RUNBOOK_BYTES, formatBytes } from '../ingest/decodeRunbookText';
import { gitBlobId } from '../ingest/gitBlobId';
import { ingestRunbook } from '../ingest/ingestRunbook';
import type { ChangeSet, IngestResult, SourceAsset } from '../model';
import type { CachedFileIndex } from '../sync/cachedFileIndex';
import { normaliseSubdir } from '../sync/checkSourceSettings';
import type { PathWarning, SkippedPath } from '../sync/readChangedFiles';
import { syncCancelled } from '../sync/syncError';
import type { SyncCounts } from '../sync/syncGitSource';
import { assetMimeType, syncFileKind } from '../sync/syncFileKind';
import { sha1Of } from '../sync/verifyFetchedPack';
import { OfflineCopyError } from './offlineCopyError';
import { offlineCopyKind } from './offlineCopyKind';
import { checkOfflineCopySize } from './offlineCopyLimits';
import { damaged, DEFAULT_ZIP_LIMITS, entryDataStart, readZipDirectory, tooLarge, type ZipEntry, type ZipLimits } from './readZipDirectory';
import { zipCrc32 } from './zipCrc32';

export interface ZipImportRequest {
  sourceId: string;
  /** The whole zip (its size checked with `checkOfflineCopySize` before it was read). */
  bytes: Uint8Array;
  /** Folder of the zip that holds the runbooks; also looked for inside the zip's one top folder. */
  subdir?: string | undefined;
  /** Path → blob id of what the cache holds for the source. */
  cached: CachedFileIndex;
  rereadAll?: boolean | undefined;
  maxFileBytes?: number | undefined;
  limits?: ZipLimits | undefined;
  signal?: AbortSignal | undefined;
}

export interface ZipImportStats {
  /** `zip-` and the start of the zip's SHA-1: the source's version (a zip has no commit). */
  version: string;
  /** The folder of the zip the runbooks were read from ('' for its top). */
  folder: string;
  counts: SyncCounts;
  skipped: SkippedPath[];
  warnings: PathWarning[];
  parsed: number;
  timings: { unpackMs: number; parseMs: number; totalMs: number };
}

export interface ZipImportResult {
  /** Hand to `applyChangeSet`, as a sync's. */
  changeSet: ChangeSet;
  stats: ZipImportStats;
}

/** Compressed bytes handed to the inflater at a time: one step can then unpack at most ~1,000 times this. */
const INFLATE_STEP_BYTES = 16 * 1024;

/**
 * Imports a `.zip` of a runbook folder: the same change set a sync would give for a repository holding
 * those files (blob ids computed as Git does, so a later sync of the same repository reads only what
 * differs). The zip's central directory is checked before anything is inflated (paths, symbolic links,
 * entry count, declared sizes), and each entry is held to its declared size while it inflates, so a zip
 * bomb stops after at most one step. When every file sits in one top folder (what zipping a folder
 * gives), paths are read from inside it. Never touches the cache; each failure is an `OfflineCopyError`.
 */
export async function importZip(request: ZipImportRequest): Promise<ZipImportResult> {
  const started = performance.now();
  const limits = request.limits ?? DEFAULT_ZIP_LIMITS;
  const maxBytes = request.maxFileBytes ?? DEFAULT_MAX_RUNBOOK_BYTES;
  checkOfflineCopySize(request.bytes.length);
  if (offlineCopyKind(request.bytes) !== 'zip') {
    throw new OfflineCopyError('not-an-offline-copy', 'The file is not a zip. Nothing was changed.');
  }
  const entries = readZipDirectory(request.bytes, limits);
  const cached = await request.cached.all();
  const folder = chooseFolder(entries, normaliseSubdir(request.subdir), cached);
  const prefix = folder ? `${folder}/` : '';
  const wanted = entries.filter(
    (entry) => entry.path.startsWith(prefix) && isRunbookFile(entry.path.slice(prefix.length)) && syncFileKind(entry.path) !== undefined,
  );

  const listing: SnapshotEntry[] = [];
  const contents = new Map<string, Uint8Array>();
  for (const entry of wanted) {
    if (request.signal?.aborted) throw syncCancelled();
    const bytes = await inflateEntry(request.bytes, entry, limits);
    const path = entry.path.slice(prefix.length);
    const oid = gitBlobId(bytes);
    listing.push({ path, oid });
    // Only what will be read is kept: an unchanged file's bytes are let go at once.
    if (request.rereadAll || cached.get(path) !== oid) contents.set(path, bytes);
  }
  const unpacked = performance.now();

  const diff = diffSnapshots(cached, listing);
  const reread = request.rereadAll ? listing.filter((entry) => cached.get(entry.path) === entry.oid) : [];
  const toRead = [...diff.added, ...diff.changed, ...diff.renamed.map((r) => ({ path: r.to, oid: r.oid })), ...reread];
  const upserts: IngestResult[] = [];
  const assets: SourceAsset[] = [];
  const skipped: SkippedPath[] = [];
  const warnings: PathWarning[] = [];
  const skippedPaths = new Set<string>();
  let parsed = 0;
  for (const { path, oid } of toRead) {
    if (request.signal?.aborted) throw syncCancelled();
    const bytes = contents.get(path)!;
    const kind = syncFileKind(path);
    if (kind === 'image' || kind === 'text') {
      if (bytes.length > maxBytes) {
        const message = `${kind === 'image' ? 'Image' : 'File'} is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit.`;
        upserts.push({ kind: 'skipped', skipped: { sourceId: request.sourceId, path, oid, reason: 'too-large', message } });
        skipped.push({ path, reason: 'too-large', message });
        skippedPaths.add(path);
      } else {
        assets.push({ path, oid, mime: assetMimeType(path)!, bytes });
      }
      continue;
    }
    const result = ingestRunbook(request.sourceId, { path, bytes, oid }, { maxBytes });
    parsed++;
    upserts.push(result);
    if (result.kind === 'skipped') {
      skipped.push({ path, reason: result.skipped.reason, message: result.skipped.message });
      skippedPaths.add(path);
    } else {
      for (const w of result.meta.warnings)
        warnings.push(w.line === undefined ? { path, message: w.message } : { path, message: w.message, line: w.line });
    }
  }
  const version = `zip-${bytesToHex(await sha1Of(request.bytes)).slice(0, 12)}`;
  const done = performance.now();
  return {
    changeSet: {
      sourceId: request.sourceId,
      version,
      upserts,
      removed: diff.removed,
      renamed: diff.renamed.map(({ from, to }) => ({ from, to })),
      assets,
    },
    stats: {
      version,
      folder,
      counts: {
        added: diff.added.filter((f) => !skippedPaths.has(f.path)).length,
        updated: diff.changed.filter((f) => !skippedPaths.has(f.path)).length,
        removed: diff.removed.length,
        renamed: diff.renamed.length,
        unchanged: diff.unchanged,
        skipped: skipped.length,
      },
      skipped,
      warnings,
      parsed,
      timings: {
        unpackMs: Math.round(unpacked - started),
        parseMs: Math.round(done - unpacked),
        totalMs: Math.round(done - started),
      },
    },
  };
}

/**
 * The folder whose files are the runbooks. Without a sub-folder: the zip's one top folder when every file
 * is inside it (what zipping a folder gives), unless the cache's paths show that folder is part of the
 * repository (a repository whose files all sit in `db/`); else the top. With one: that folder, at the top
 * or inside the one top folder.
 */
function chooseFolder(entries: readonly ZipEntry[], subdir: string, cached: ReadonlyMap<string, string>): string {
  const visible = entries.filter((entry) => isRunbookFile(entry.path));
  const tops = new Set(visible.map((entry) => (entry.path.includes('/') ? entry.path.slice(0, entry.path.indexOf('/')) : '')));
  let wrapper = tops.size === 1 && !tops.has('') ? [...tops][0]! : '';
  if (wrapper && !subdir) {
    const known = (path: string) => cached.has(path);
    const asIs = visible.filter((entry) => known(entry.path)).length;
    const inside = visible.filter((entry) => known(entry.path.slice(wrapper.length + 1))).length;
    if (asIs > inside) wrapper = '';
  }
  if (!subdir) return wrapper;
  const holds = (folder: string) => visible.some((entry) => entry.path.startsWith(`${folder}/`));
  if (holds(subdir)) return subdir;
  if (wrapper && holds(`${wrapper}/${subdir}`)) return `${wrapper}/${subdir}`;
  throw new OfflineCopyError('subdir-missing', `The folder "${subdir}" is not in the zip. Check the sub-folder. Nothing was changed.`);
}

/** Leaves out what archivers and tools add next to the files: macOS resource forks, `.git` and `.DS_Store`. */
function isRunbookFile(path: string): boolean {
  const parts = path.split('/');
  return !parts.some((part) => part === '__MACOSX' || part === '.git' || part === '.DS_Store');
}

/** The entry's content, held to its declared size while it inflates, and checked against its CRC-32. */
async function inflateEntry(zip: Uint8Array, entry: ZipEntry, limits: ZipLimits): Promise<Uint8Array> {
  const start = entryDataStart(zip, entry);
  const compressed = zip.subarray(start, start + entry.compressedSize);
  let content: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw damaged(`the stored file "${entry.path}" is not the size its list of files says`);
    content = compressed.slice();
  } else {
    content = new Uint8Array(entry.size);
    let written = 0;
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      if (written + chunk.length > entry.size) {
        throw entry.size >= limits.maxTotalBytes
          ? tooLarge(limits)
          : new OfflineCopyError(
              'zip-bomb',
              `"${entry.path}" in the zip unpacks to more than the ${formatBytes(entry.size)} its list of files says, so it is not unpacked. Nothing was changed.`,
            );
      }
      content.set(chunk, written);
      written += chunk.length;
      if (final) ended = true;
    });
    try {
      for (let at = 0; at < compressed.length; at += INFLATE_STEP_BYTES) {
        const end = Math.min(at + INFLATE_STEP_BYTES, compressed.length);
        inflater.push(compressed.subarray(at, end), end === compressed.length);
        // Lets a cancel or another task in while a large file unpacks.
        if (at % (64 * INFLATE_STEP_BYTES) === 0) await Promise.resolve();
      }
      if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof OfflineCopyError) throw error;
      throw damaged(`"${entry.path}" cannot be unpacked (${(error as Error).message})`);
    }
    if (!ended || written !== entry.size) throw damaged(`"${entry.path}" is shorter than its list of files says`);
  }
  if (zipCrc32(content) !== entry.crc32) throw damaged(`the content of "${entry.path}" does not match its checksum`);
  return content;
}
