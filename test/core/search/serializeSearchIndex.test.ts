import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../core/search/buildSearchIndex';
import { searchRunbooks } from '../../../core/search/searchRunbooks';
import { loadSearchIndex, SearchIndexFormatError, serializeSearchIndex } from '../../../core/search/serializeSearchIndex';
import { testCorpus } from './searchTestCorpus';

const index = buildSearchIndex(testCorpus());
const QUERIES = ['ban', 'MOD_BAN_SYNC', 'rolback', '"ban sync failures"', 'donnees personnelles', '障害対応', 'moderashun'];

describe('serializeSearchIndex / loadSearchIndex', () => {
  it('round-trips through structured clone (what IndexedDB stores) and answers every query the same', () => {
    const loaded = loadSearchIndex(structuredClone(serializeSearchIndex(index)));
    expect(loaded).toEqual(index);
    for (const q of QUERIES) expect(searchRunbooks(loaded, q)).toEqual(searchRunbooks(index, q));
  });

  it('round-trips an empty index', () => {
    const empty = buildSearchIndex([]);
    expect(loadSearchIndex(structuredClone(serializeSearchIndex(empty)))).toEqual(empty);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'index'],
    ['another format', { ...serializeSearchIndex(index), format: 999 }],
    ['a missing column', { ...serializeSearchIndex(index), sectionRunbook: undefined }],
    ['a column of the wrong type', { ...serializeSearchIndex(index), sectionText: 'text' }],
    [
      'truncated postings',
      { ...serializeSearchIndex(index), bodyPostings: { ...index.bodyPostings, doc: index.bodyPostings.doc.slice(1) } },
    ],
    [
      'a posting past the last section',
      { ...serializeSearchIndex(index), bodyPostings: { ...index.bodyPostings, doc: index.bodyPostings.doc.map(() => 1e6) } },
    ],
    ['unparseable runbooks', { ...serializeSearchIndex(index), runbooks: '{oops' }],
    ['a vocabulary of another size', { ...serializeSearchIndex(index), terms: 'a\nb' }],
  ])('rejects %s with SearchIndexFormatError', (_what, data) => {
    expect(() => loadSearchIndex(data)).toThrow(SearchIndexFormatError);
  });
});
