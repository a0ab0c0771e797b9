import { sha1Of } from '../sync/verifyFetchedPack';
import { OfflineCopyError } from './offlineCopyError';

/** 'PACK', version, object count, and the 20-byte SHA-1 trailer: the least a pack can be. */
const MIN_PACK_BYTES = 12 + 20;

/**
 * Checks a bundle's pack before anything is written: the 'PACK' signature and version, and the SHA-1
 * trailer against the bytes it covers (a byte flipped anywhere, a wrong trailer or a file cut inside its
 * pack all fail here). Returns the object count the pack announces and its checksum (hex), which names it.
 */
export async function checkPackBytes(pack: Uint8Array): Promise<{ objects: number; checksum: string }> {
  if (pack.length < MIN_PACK_BYTES) {
    throw new OfflineCopyError(
      'truncated',
      'The bundle is cut short: it ends before its objects do. Nothing was changed; copy the file again.',
    );
  }
  const signature = String.fromCharCode(pack[0]!, pack[1]!, pack[2]!, pack[3]!);
  const version = readUint32(pack, 4);
  if (signature !== 'PACK' || (version !== 2 && version !== 3)) {
    throw new OfflineCopyError(
      'damaged',
      'The bundle is damaged: what follows its list of branches is not a Git pack. Nothing was changed.',
    );
  }
  const trailer = pack.subarray(pack.length - 20);
  const digest = await sha1Of(pack.subarray(0, pack.length - 20));
  if (!digest.every((byte, i) => byte === trailer[i])) {
    throw new OfflineCopyError(
      'damaged',
      'The bundle is damaged or incomplete: its checksum does not match its content (the file was cut short or altered on the way). Nothing was changed; copy it again.',
    );
  }
  return { objects: readUint32(pack, 8), checksum: toHex(trailer) };
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
