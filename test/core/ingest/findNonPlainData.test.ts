import { describe, expect, it } from 'vitest';
import { findNonPlainData } from '../../../core/ingest/findNonPlainData';

describe('findNonPlainData', () => {
  it('accepts text, numbers, booleans, null and undefined in nested objects and arrays', () => {
    const record = {
      meta: { title: 'Restart', tags: ['db', 'p1'], size: 3, draft: false, owner: null, extra: { deep: [[{ a: undefined }]] } },
    };
    expect(findNonPlainData(record, 'record')).toBeUndefined();
    expect(findNonPlainData(Object.assign(Object.create(null) as object, { a: 1 }))).toBeUndefined();
    expect(findNonPlainData('text')).toBeUndefined();
  });

  it('names the path of a function, however deep', () => {
    const record = { meta: { extra: { list: ['a', 'b', { valueOf: () => 1 }] } } };
    expect(findNonPlainData(record, 'record')).toBe('record.meta.extra.list.2.valueOf (function)');
    expect(findNonPlainData(() => 1)).toBe('value (function)');
  });

  it('names getters, symbol keys, other types and objects of other kinds', () => {
    const withGetter = { meta: Object.defineProperty({}, 'title', { get: () => 'x', enumerable: true }) };
    expect(findNonPlainData(withGetter, 'record')).toBe('record.meta.title (a getter)');
    expect(findNonPlainData({ tags: { [Symbol('s')]: 1 } }, 'record')).toBe('record.tags (a symbol key)');
    expect(findNonPlainData({ size: 10n }, 'record')).toBe('record.size (bigint)');
    expect(findNonPlainData({ at: { when: new Date(0) } }, 'record')).toBe('record.at.when (an instance of Date)');
  });

  it('checks thousands of nested values without running out of stack', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(findNonPlainData(deep)).toBeUndefined();
  });
});
