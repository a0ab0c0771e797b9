import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The id Git gives a file's content: sha1 of `blob <size>\0<bytes>`. Lets every source compare by content. */
export function gitBlobId(bytes: Uint8Array): string {
  const header = new TextEncoder().encode(`blob ${bytes.length}\0`);
  const all = new Uint8Array(header.length + bytes.length);
  all.set(header, 0);
  all.set(bytes, header.length);
  return bytesToHex(sha1(all));
}
