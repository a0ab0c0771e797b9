import { afterEach, describe, expect, it } from 'vitest';
import { calendarDaysBetween, judgeReviewAge, localCalendarDate, REVIEW_OVERDUE_DAYS } from '../../../core/runbook/reviewAge';

const TODAY = '2026-05-26';

describe('judgeReviewAge', () => {
  it('flags a review as overdue after 90 days, not on the 90th', () => {
    expect(REVIEW_OVERDUE_DAYS).toBe(90);
    expect(judgeReviewAge('2026-02-26', TODAY)).toEqual({ state: 'current', days: 89 });
    expect(judgeReviewAge('2026-02-25', TODAY)).toEqual({ state: 'current', days: 90 });
    expect(judgeReviewAge('2026-02-24', TODAY)).toEqual({ state: 'overdue', days: 91 });
  });

  it('counts a review today as current and one after today as in the future', () => {
    expect(judgeReviewAge(TODAY, TODAY)).toEqual({ state: 'current', days: 0 });
    expect(judgeReviewAge('2026-05-27', TODAY)).toEqual({ state: 'in-future', days: -1 });
  });

  it('takes another limit when asked (check --max-age-days)', () => {
    expect(judgeReviewAge('2026-02-24', TODAY, 365)).toEqual({ state: 'current', days: 91 });
    expect(judgeReviewAge('2026-05-25', TODAY, 0)).toEqual({ state: 'overdue', days: 1 });
  });

  it.each([undefined, '', '2026-02-30', '26-05-2026', 'soon'])('treats %j as never reviewed', (value) => {
    expect(judgeReviewAge(value, TODAY)).toEqual({ state: 'never-reviewed' });
  });
});

describe('calendarDaysBetween counts calendar days', () => {
  it.each([
    ['2026-03-01', '2026-04-01', 31],
    ['2026-10-01', '2026-11-01', 31],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-12-31', '2026-01-01', 1],
    ['2026-01-01', '2025-12-31', -1],
  ])('%s → %s is %i days, across daylight saving changes and leap days', (from, to, days) => {
    expect(calendarDaysBetween(from, to)).toBe(days);
  });
});

describe("localCalendarDate: today is the device's calendar day, not UTC's", () => {
  const originalTimeZone = process.env.TZ;
  afterEach(() => {
    if (originalTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalTimeZone;
  });

  it.each([
    ['America/Los_Angeles', '2026-05-27T03:00:00Z', '2026-05-26'],
    ['Pacific/Auckland', '2026-05-26T13:00:00Z', '2026-05-27'],
    ['UTC', '2026-05-26T23:59:59Z', '2026-05-26'],
  ])('in %s, %s is %s', (timeZone, instant, date) => {
    process.env.TZ = timeZone;
    expect(localCalendarDate(new Date(instant))).toBe(date);
  });
});
