import { describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../../renderer/app/localDateTime';

describe('formatLocalDateTime', () => {
  it("writes a moment as the locale's medium date and short time, as the header always showed it", () => {
    for (const iso of ['2026-12-07T04:21:00Z', '2025-02-28T23:59:59.999Z', '1999-12-31T00:00:00+05:30']) {
      expect(formatLocalDateTime(iso)).toBe(new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
    }
    expect(formatLocalDateTime('2026-12-07T04:21:00Z')).toMatch(/2026/);
  });

  it('shows what is not a date as it was given', () => {
    expect(formatLocalDateTime('yesterday')).toBe('yesterday');
    expect(formatLocalDateTime('')).toBe('');
  });
});
