import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../core/search/buildSearchIndex';
import { Accumulator, TopSections } from '../../../core/search/searchScratch';
import { runbook } from './searchTestCorpus';

describe('Accumulator', () => {
  it('sums the weighted impacts of each document and ORs the clause bits', () => {
    const acc = new Accumulator(8);
    acc.reset();
    const docs = Uint32Array.from([1, 3, 5, 3, 6]);
    const impacts = Uint8Array.from([10, 20, 30, 40, 50]);
    acc.addPostings(docs, impacts, 0, 3, 0.5, 1);
    acc.addPostings(docs, impacts, 3, 5, 2, 4);
    expect([...acc.touched.subarray(0, acc.count)]).toEqual([1, 3, 5, 6]);
    expect(acc.score[1]).toBe(5);
    expect(acc.score[3]).toBe(10 + 80);
    expect(acc.mask[3]).toBe(1 | 4);
    expect(acc.mask[6]).toBe(4);
    expect(acc.has(0)).toBe(false);
  });

  it('forgets the previous query on reset without clearing its arrays', () => {
    const acc = new Accumulator(4);
    acc.reset();
    acc.addPostings(Uint32Array.from([2]), Uint8Array.from([9]), 0, 1, 1, 2);
    acc.reset();
    expect(acc.has(2)).toBe(false);
    acc.addPostings(Uint32Array.from([2]), Uint8Array.from([3]), 0, 1, 1, 1);
    expect(acc.score[2]).toBe(3);
    expect(acc.mask[2]).toBe(1);
    expect(acc.count).toBe(1);
  });
});

describe('TopSections', () => {
  it('keeps the best sections and says what a newcomer must beat once full', () => {
    const top = new TopSections(3);
    expect(top.floor()).toBe(-Infinity);
    [5, 1, 9, 3, 7].forEach((score, section) => top.offer(section, score));
    expect(top.floor()).toBe(5);
    const index = buildSearchIndex([runbook('s', 'a.md', '# A\n\ntext\n\n## B\n\nb\n\n## C\n\nc\n\n## D\n\nd\n\n## E\n\ne\n')]);
    expect(top.sorted(index)).toEqual([
      { section: 2, score: 9 },
      { section: 4, score: 7 },
      { section: 0, score: 5 },
    ]);
  });

  it('orders equal scores by document order', () => {
    const top = new TopSections(4);
    for (const section of [3, 1, 2, 0]) top.offer(section, 1);
    const index = buildSearchIndex([runbook('s', 'a.md', '# A\n\na\n\n## B\n\nb\n\n## C\n\nc\n\n## D\n\nd\n')]);
    expect(top.sorted(index).map((s) => s.section)).toEqual([0, 1, 2, 3]);
  });
});
