import { OfflineCopyError } from './offlineCopyError';

/**
 * Largest offline copy read into memory. A bundle of 5,000 runbooks with some history is ~70 MB; the
 * limit leaves room for large repositories while keeping a mistaken pick (a disk image, a video) from
 * being read whole on a phone.
 */
export const MAX_OFFLINE_COPY_BYTES = 512 * 1024 * 1024;

/** Refuses a file by its size alone, before a byte of it is read. */
export function checkOfflineCopySize(bytes: number, limit = MAX_OFFLINE_COPY_BYTES): void {
  if (bytes > limit) {
    throw new OfflineCopyError(
      'too-large',
      `The file is ${formatSize(bytes)}, over the ${formatSize(limit)} limit for an offline copy. Nothing was changed.`,
    );
  }
  if (bytes === 0)
    throw new OfflineCopyError('not-an-offline-copy', 'The file is empty: it is neither a Git bundle nor a zip. Nothing was changed.');
}

function formatSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
