/** What a file holds, judged by its first bytes (never by its name: files get renamed on the way). */
export type OfflineCopyKind = 'bundle' | 'zip';

const BUNDLE_SIGNATURES = ['# v2 git bundle\n', '# v3 git bundle\n'];
/** A zip starts with a local file header, or with the end record when it is empty. */
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

export function offlineCopyKind(bytes: Uint8Array): OfflineCopyKind | undefined {
  if (BUNDLE_SIGNATURES.some((signature) => startsWith(bytes, signature))) return 'bundle';
  if (ZIP_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte))) return 'zip';
  return undefined;
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}
