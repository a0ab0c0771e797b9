import { describe, expect, it } from 'vitest';
import { suggestClosest } from '../../../core/check/suggestClosest';

describe('suggestClosest', () => {
  it('prefers a match that differs only in case', () => {
    expect(suggestClosest('Roll-Back', ['rollback', 'roll-back'])).toBe('roll-back');
  });

  it('suggests a near miss', () => {
    expect(suggestClosest('promote-the-replca', ['failback', 'promote-the-replica'])).toBe('promote-the-replica');
  });

  it('suggests nothing when every candidate is a different word', () => {
    expect(suggestClosest('verify', ['overview', 'rollback'])).toBeUndefined();
  });
});
