import { describe, expect, it } from 'vitest';
import { layoutOfSlices, nextSliceToFormat, sliceIndexOfLine } from '../../../renderer/runbook/sliceOrder';

/** Every slice index in the order a page formats them, starting from `focus`. */
function orderFrom(count: number, focus: number): number[] {
  const formatted = Array.from({ length: count }, () => false);
  const order: number[] = [];
  for (let next = nextSliceToFormat(formatted, focus); next !== undefined; next = nextSliceToFormat(formatted, focus)) {
    formatted[next] = true;
    order.push(next);
  }
  return order;
}

describe('slice order', () => {
  it('finds the slice holding a body line', () => {
    const firstLines = [1, 40, 90, 200];
    expect(sliceIndexOfLine(firstLines, 1)).toBe(0);
    expect(sliceIndexOfLine(firstLines, 39)).toBe(0);
    expect(sliceIndexOfLine(firstLines, 40)).toBe(1);
    expect(sliceIndexOfLine(firstLines, 199)).toBe(2);
    expect(sliceIndexOfLine(firstLines, 5_000)).toBe(3);
  });

  it('formats the linked slice first, then what follows it, then what precedes it, nearest first', () => {
    expect(orderFrom(6, 3)).toEqual([3, 4, 5, 2, 1, 0]);
    expect(orderFrom(4, 0)).toEqual([0, 1, 2, 3]);
    expect(orderFrom(4, 3)).toEqual([3, 2, 1, 0]);
  });

  it('turns to a newly linked slice next, keeping what is already formatted', () => {
    const formatted = [false, false, true, true, false, false, false, false];
    expect(nextSliceToFormat(formatted, 6)).toBe(6);
    expect(nextSliceToFormat([true, true, true], 1)).toBeUndefined();
  });

  it('lays the page out in body order, each run still waiting as one place', () => {
    expect(layoutOfSlices([false, false, true, true, false])).toEqual([{ from: 0, to: 2 }, 2, 3, { from: 4, to: 5 }]);
  });
});
