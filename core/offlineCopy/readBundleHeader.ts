import { OfflineCopyError } from './offlineCopyError';
import { offlineCopyKind } from './offlineCopyKind';

/** A ref the bundle carries: `refs/heads/main`, `HEAD`, a tag. */
export interface BundleRef {
  name: string;
  oid: string;
}

/**
 * The text part of a Git bundle (gitformat-bundle(5)): a signature line, for v3 capability lines
 * (`@object-format=sha1`, `@filter=…`), prerequisite lines (`-<oid> [comment]`: commits the receiver must
 * already have), ref lines (`<oid> <refname>`), then an empty line; the pack follows.
 */
export interface BundleHeader {
  version: 2 | 3;
  capabilities: Map<string, string>;
  prerequisites: string[];
  refs: BundleRef[];
  /** Offset of the pack's first byte. */
  packStart: number;
}

/** A header longer than this is not a bundle a person made (git writes one line per ref). */
const MAX_HEADER_BYTES = 4 * 1024 * 1024;
const OID = /^[0-9a-f]{40}$/;

export function readBundleHeader(bytes: Uint8Array): BundleHeader {
  if (offlineCopyKind(bytes) !== 'bundle')
    throw new OfflineCopyError('not-an-offline-copy', 'The file is not a Git bundle. Nothing was changed.');
  const lines: string[] = [];
  let start = 0;
  let packStart: number | undefined;
  const end = Math.min(bytes.length, MAX_HEADER_BYTES);
  for (let i = 0; i < end; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (i === start) {
      packStart = i + 1;
      break;
    }
    lines.push(new TextDecoder().decode(bytes.subarray(start, i)));
    start = i + 1;
  }
  if (packStart === undefined) {
    if (bytes.length < MAX_HEADER_BYTES) {
      throw new OfflineCopyError(
        'truncated',
        'The bundle is cut short: it ends inside its list of branches, before its objects. Nothing was changed; copy the file again.',
      );
    }
    throw new OfflineCopyError('damaged', 'The bundle is damaged: its list of branches never ends. Nothing was changed.');
  }
  const version = lines.shift() === '# v3 git bundle' ? 3 : 2;

  const capabilities = new Map<string, string>();
  const prerequisites: string[] = [];
  const refs: BundleRef[] = [];
  for (const line of lines) {
    if (version === 3 && line.startsWith('@')) {
      const equals = line.indexOf('=');
      capabilities.set(equals < 0 ? line.slice(1) : line.slice(1, equals), equals < 0 ? '' : line.slice(equals + 1));
      continue;
    }
    if (line.startsWith('-')) {
      const oid = line.slice(1, 41);
      if (!OID.test(oid)) throw damagedHeader();
      prerequisites.push(oid);
      continue;
    }
    const space = line.indexOf(' ');
    const oid = line.slice(0, space);
    const name = line.slice(space + 1);
    if (space < 0 || !OID.test(oid) || name === '') throw damagedHeader();
    refs.push({ oid, name });
  }
  checkCapabilities(capabilities);
  return { version, capabilities, prerequisites, refs, packStart };
}

function checkCapabilities(capabilities: Map<string, string>): void {
  const format = capabilities.get('object-format');
  if (format !== undefined && format !== 'sha1') {
    throw new OfflineCopyError(
      'unsupported',
      `The bundle uses ${format} object ids; this reader handles SHA-1 repositories only. Nothing was changed.`,
    );
  }
  if (capabilities.has('filter')) {
    throw new OfflineCopyError(
      'unsupported',
      'The bundle was made with a filter, so it leaves files out. Make it again without --filter (git bundle create runbooks.bundle main). Nothing was changed.',
    );
  }
}

function damagedHeader(): OfflineCopyError {
  return new OfflineCopyError(
    'damaged',
    'The bundle is damaged: a line of its list of branches is not "<commit id> <name>". Nothing was changed.',
  );
}
