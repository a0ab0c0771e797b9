import { describe, expect, it } from 'vitest';
import { findTerm, fuzzyTerms, prefixRange } from '../../../core/search/termLookup';

const vocabulary = [
  'ban',
  'bans',
  'banned',
  'moderation',
  'moderator',
  'moderators',
  'rollback',
  'rolling',
  'roll',
  'sync',
  'synced',
  'ーバ',
  '障害',
].sort();

/** Edit distance with adjacent swaps (optimal string alignment), the reference for `fuzzyTerms`. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('termLookup', () => {
  it('finds exact terms', () => {
    expect(vocabulary[findTerm(vocabulary, 'rollback')]).toBe('rollback');
    expect(findTerm(vocabulary, 'rollbac')).toBe(-1);
    expect(findTerm([], 'x')).toBe(-1);
  });

  it('finds the range of terms starting with a prefix', () => {
    const [from, to] = prefixRange(vocabulary, 'mod');
    expect(vocabulary.slice(from, to)).toEqual(['moderation', 'moderator', 'moderators']);
    const [f2, t2] = prefixRange(vocabulary, 'zzz');
    expect(t2 - f2).toBe(0);
  });

  it('corrects typos within the allowed distance', () => {
    const found = (q: string, d: number) => fuzzyTerms(vocabulary, q, d).map((m) => [vocabulary[m.index], m.distance]);
    expect(found('moderaton', 1)).toEqual([
      ['moderation', 1],
      ['moderator', 1],
    ]);
    expect(found('rolback', 1)).toEqual([['rollback', 1]]);
    expect(found('snyc', 1)).toEqual([['sync', 1]]);
    expect(found('rolbak', 2)).toEqual([['rollback', 2]]);
    expect(found('rollback', 2)).toEqual([]);
    expect(fuzzyTerms(vocabulary, 'bolback', 1, 1)).toEqual([]);
    expect(fuzzyTerms(vocabulary, 'rolback', 1, 1).map((m) => vocabulary[m.index])).toEqual(['rollback']);
  });

  it('agrees with a brute-force edit distance on a random vocabulary', () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const word = () => Array.from({ length: 2 + Math.floor(random() * 7) }, () => 'abcde'[Math.floor(random() * 5)]).join('');
    const terms = [...new Set(Array.from({ length: 500 }, word))].sort();
    for (let q = 0; q < 30; q++) {
      const query = word();
      for (const max of [1, 2]) {
        for (const fixed of [0, 1, 2]) {
          const prefix = query.slice(0, fixed);
          const expected = terms.filter((t) => t !== query && t.startsWith(prefix) && osa(query, t) <= max).sort();
          const found = fuzzyTerms(terms, query, max, fixed);
          expect(found.map((m) => terms[m.index]!).sort(), `${query} within ${max}, first ${fixed} fixed`).toEqual(expected);
          for (const m of found) expect(m.distance).toBe(osa(query, terms[m.index]!));
        }
      }
    }
  });
});
