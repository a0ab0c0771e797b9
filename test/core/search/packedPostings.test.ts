import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../core/search/buildSearchIndex';
import { packPostings, PackedPostingsError, unpackPostings } from '../../../core/search/packedPostings';
import type { PostingLists } from '../../../core/search/searchIndexData';
import { testCorpus } from './searchTestCorpus';

const lists = (start: number[], doc: number[]): PostingLists => ({
  start: Uint32Array.from(start),
  doc: Uint32Array.from(doc),
  impact: new Uint8Array(doc.length).fill(7),
  scale: 0.5,
});

describe('packPostings / unpackPostings', () => {
  it('gives back every posting list of an index as it was, in fewer bytes', () => {
    const index = buildSearchIndex(testCorpus());
    for (const [original, docs] of [
      [index.runbookPostings, index.runbooks.length],
      [index.headingPostings, index.sections.anchor.length],
      [index.bodyPostings, index.sections.anchor.length],
    ] as const) {
      const packed = packPostings(original);
      expect(unpackPostings(structuredClone(packed), docs)).toEqual(original);
      expect(packed.docGaps.byteLength).toBeLessThan(original.doc.byteLength);
    }
  });

  it('keeps gaps of every size, up to the largest document number', () => {
    const doc = [0, 1, 127, 128, 16_383, 16_384, 2_097_152, 0xfffffffe];
    const original = lists([0, 3, 3, doc.length], doc);
    expect(unpackPostings(packPostings(original), 0xffffffff)).toEqual(original);
  });

  it('refuses to pack postings out of order', () => {
    expect(() => packPostings(lists([0, 2], [5, 3]))).toThrow(PackedPostingsError);
  });

  it.each([
    ['a posting past the last document', lists([0, 2], [1, 9]), 5],
    ['gaps that end early', { ...packPostings(lists([0, 2], [1, 300])), start: Uint32Array.from([0, 3]) }, 1000],
    ['bytes left over', { ...packPostings(lists([0, 2], [1, 2])), start: Uint32Array.from([0, 1]) }, 1000],
  ])('rejects %s', (_what, packedOrLists, docs) => {
    const packed = 'docGaps' in packedOrLists ? packedOrLists : packPostings(packedOrLists);
    expect(() => unpackPostings(packed, docs)).toThrow(PackedPostingsError);
  });
});
