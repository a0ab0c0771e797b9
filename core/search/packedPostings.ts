import type { PostingLists } from './searchIndexData';

/**
 * Posting lists as stored: each term's document numbers as gaps from the previous one (the first from 0),
 * each gap a little-endian base-128 varint. Sections of one term lie close together, so most gaps take one
 * byte instead of four; the impacts are kept as they are. Unpacking is one pass over the bytes at load.
 */
export interface PackedPostingLists {
  /** Postings per term as in `PostingLists.start` (postings, not bytes). */
  start: Uint32Array;
  docGaps: Uint8Array;
  impact: Uint8Array;
  scale: number;
}

/** Thrown for packed lists that do not decode to what their `start` promises. */
export class PackedPostingsError extends Error {
  override name = 'PackedPostingsError';
}

export function packPostings(lists: PostingLists): PackedPostingLists {
  const { start, doc } = lists;
  // Five bytes is the most a 32-bit gap takes.
  let bytes = new Uint8Array(Math.max(16, doc.length * 2));
  let at = 0;
  for (let t = 0; t + 1 < start.length; t++) {
    let previous = 0;
    for (let p = start[t]!; p < start[t + 1]!; p++) {
      const d = doc[p]!;
      if (d < previous) throw new PackedPostingsError(`The postings of term ${t} are not in ascending order.`);
      if (at + 5 > bytes.length) {
        const grown = new Uint8Array(bytes.length * 2);
        grown.set(bytes);
        bytes = grown;
      }
      let gap = d - previous;
      while (gap >= 0x80) {
        bytes[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      bytes[at++] = gap;
      previous = d;
    }
  }
  return { start: lists.start, docGaps: bytes.slice(0, at), impact: lists.impact, scale: lists.scale };
}

/**
 * The lists back in their searchable form. Checks as it goes that the gaps decode to exactly as many postings
 * as `start` says and that no document number reaches `docCount`; throws `PackedPostingsError` otherwise.
 */
export function unpackPostings(packed: PackedPostingLists, docCount: number): PostingLists {
  const { start, docGaps } = packed;
  const total = start.length === 0 ? 0 : start[start.length - 1]!;
  const doc = new Uint32Array(total);
  let at = 0;
  let p = 0;
  for (let t = 0; t + 1 < start.length; t++) {
    const end = start[t + 1]!;
    if (end < p) throw new PackedPostingsError('The posting offsets go backwards.');
    let previous = 0;
    for (; p < end; p++) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        if (at >= docGaps.length || shift > 28) throw new PackedPostingsError('The postings end early.');
        byte = docGaps[at++]!;
        gap += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte >= 0x80);
      previous += gap;
      if (previous >= docCount) throw new PackedPostingsError('A posting points past the last document.');
      doc[p] = previous;
    }
  }
  if (at !== docGaps.length || (start.length > 0 && start[0] !== 0))
    throw new PackedPostingsError('The postings do not fit their offsets.');
  return { start, doc, impact: packed.impact, scale: packed.scale };
}
