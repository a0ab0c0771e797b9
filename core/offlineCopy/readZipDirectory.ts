import { OfflineCopyError } from './offlineCopyError';

/** One file of a zip as its central directory describes it; nothing of its content has been read. */
export interface ZipEntry {
  /** The path inside the zip, with `/` separators, checked to stay inside the folder it unpacks into. */
  path: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  compressedSize: number;
  /** What the directory says the content inflates to; the inflater enforces it. */
  size: number;
  crc32: number;
  /** Where the entry's local header starts. */
  localHeaderOffset: number;
}

/**
 * Limits that keep a zip bomb from being unpacked: checked against the central directory before any
 * entry is inflated, then again while inflating (a directory can lie about sizes).
 */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
}

/** A runbook repository of 5,000 files with images is far below both. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxTotalBytes: 1024 * 1024 * 1024,
};

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;

/**
 * Reads and checks a zip's central directory: every entry's path, type and sizes, before anything is
 * inflated. Folders (`name/`) are left out. Refused with an `OfflineCopyError` (nothing changed): paths
 * with `..` or that are absolute, symbolic links, encrypted entries, ZIP64, methods other than stored and
 * deflate, more entries or more declared bytes than `limits`, and a directory that does not fit the file.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  const declaredEntries = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (declaredEntries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw zip64();
  if (declaredEntries > limits.maxEntries) throw tooManyEntries(declaredEntries, limits);
  if (directoryOffset + directorySize > end) throw damaged('its list of files points past the end of the file');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let totalBytes = 0;
  let at = directoryOffset;
  for (let index = 0; index < declaredEntries; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw damaged('its list of files is cut short');
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const externalAttributes = view.getUint32(at + 38, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > end) throw damaged('its list of files is cut short');
    const rawName = bytes.subarray(at + 46, nameEnd);
    // Bit 11: the name is UTF-8. Without it the name is CP437, which agrees with UTF-8 for ASCII names.
    const name = new TextDecoder('utf-8', { fatal: false }).decode(rawName);
    at = nameEnd + extraLength + commentLength;

    if (compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff) throw zip64();
    const path = checkedPath(name);
    const isFolder = name.endsWith('/') || name.endsWith('\\');
    const mode = externalAttributes >>> 16;
    if (madeBy === UNIX_HOST && (mode & S_IFMT) === S_IFLNK) {
      throw new OfflineCopyError(
        'unsafe-zip',
        `The zip holds a symbolic link, "${path}"; a link can point anywhere on the device, so the zip is not imported. Nothing was changed.`,
      );
    }
    if (isFolder) continue;
    if (flags & 0x1) {
      throw new OfflineCopyError(
        'unsupported',
        `"${path}" in the zip is encrypted; zip the folder without a password. Nothing was changed.`,
      );
    }
    if (method !== 0 && method !== 8) {
      throw new OfflineCopyError(
        'unsupported',
        `"${path}" in the zip is compressed with a method this reader does not know (${method}); zip it with the usual "deflate". Nothing was changed.`,
      );
    }
    if (seen.has(path)) throw damaged(`it holds "${path}" twice`);
    seen.add(path);
    totalBytes += size;
    if (totalBytes > limits.maxTotalBytes) throw tooLarge(limits);
    if (localHeaderOffset + 30 + compressedSize > bytes.length) throw damaged(`"${path}" runs past the end of the file`);
    entries.push({ path, method, compressedSize, size, crc32, localHeaderOffset });
  }
  return entries;
}

/** Where an entry's compressed bytes start: after its local header, whose name and extra lengths are its own. */
export function entryDataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (view.getUint32(at, true) !== 0x04034b50) throw damaged(`"${entry.path}" is not where its list of files says`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged(`"${entry.path}" runs past the end of the file`);
  return start;
}

export function damaged(why: string): OfflineCopyError {
  return new OfflineCopyError('damaged', `The zip is damaged: ${why}. Nothing was changed.`);
}

export function tooLarge(limits: ZipLimits): OfflineCopyError {
  return new OfflineCopyError(
    'zip-bomb',
    `The zip unpacks to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MiB, more than a runbook folder holds, so it is not unpacked. Nothing was changed.`,
  );
}

function tooManyEntries(count: number, limits: ZipLimits): OfflineCopyError {
  return new OfflineCopyError(
    'zip-bomb',
    `The zip holds ${count} files, over the limit of ${limits.maxEntries} for a runbook folder, so it is not unpacked. Nothing was changed.`,
  );
}

function zip64(): OfflineCopyError {
  return new OfflineCopyError(
    'unsupported',
    'The zip is in the ZIP64 format (for archives over 4 GB or 65,535 files), which is far larger than a runbook folder; zip the folder alone. Nothing was changed.',
  );
}

/** The end record sits in the last 22 bytes, or before a comment of up to 64 KiB. */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - END_RECORD_BYTES;
  const first = Math.max(0, last - MAX_COMMENT_BYTES);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === END_SIGNATURE && at + END_RECORD_BYTES + view.getUint16(at + 20, true) === view.byteLength) return at;
  }
  if (last < 0 || view.getUint32(0, true) === 0x04034b50) throw damaged('it is cut short (its list of files is missing)');
  throw new OfflineCopyError('not-an-offline-copy', 'The file is neither a Git bundle nor a zip. Nothing was changed.');
}

/**
 * The entry's path as the cache will key it, refused when unpacking it would leave the folder: an absolute
 * path, a drive letter, or a `..` part. Backslashes (written by some Windows tools) count as separators.
 */
function checkedPath(name: string): string {
  const shown = name.replace(/\\/g, '/');
  const unsafe = (why: string) =>
    new OfflineCopyError('unsafe-zip', `The zip holds "${shown}", ${why}, so it is not imported. Nothing was changed.`);
  if (shown.startsWith('/') || /^[a-zA-Z]:/.test(shown)) throw unsafe('an absolute path outside the folder');
  const parts = shown.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw unsafe('a path that climbs out of the folder with ".."');
  if (shown.includes('\0')) throw unsafe('a path with a NUL character');
  return parts.join('/');
}
