/**
 * The one definition of a runbook's review age, used by the runbook header and `runbook-reader check`.
 *
 * - "Today" is the calendar date on the device's own clock and time zone (`localCalendarDate`): the day
 *   the person reading or running `check` is living in, not the UTC date.
 * - Ages are whole calendar days between two `YYYY-MM-DD` dates, counted on the calendar (daylight saving
 *   changes do not shift them).
 * - A runbook is overdue when its last review is more than `REVIEW_OVERDUE_DAYS` (90) days before today:
 *   reviewed 90 days ago is still current, 91 days ago is overdue. `check --max-age-days` can change the
 *   limit for a repository's CI; its default is the reader's.
 * - A review date after today is reported as such, never as current.
 */
export const REVIEW_OVERDUE_DAYS = 90;

export type ReviewAge =
  /** No usable `last_reviewed` date. */
  | { state: 'never-reviewed' }
  | { state: 'in-future'; days: number }
  | { state: 'current'; days: number }
  | { state: 'overdue'; days: number };

/**
 * How old the review of a runbook is on `today` (`YYYY-MM-DD`, see `localCalendarDate`).
 * `lastReviewed` that is missing or not a real calendar date counts as never reviewed.
 */
export function judgeReviewAge(lastReviewed: string | undefined, today: string, overdueAfterDays = REVIEW_OVERDUE_DAYS): ReviewAge {
  if (lastReviewed === undefined || !isCalendarDate(lastReviewed) || !isCalendarDate(today)) return { state: 'never-reviewed' };
  const days = calendarDaysBetween(lastReviewed, today);
  if (days < 0) return { state: 'in-future', days };
  return days > overdueAfterDays ? { state: 'overdue', days } : { state: 'current', days };
}

/** The date of `moment` on this device's calendar (its own time zone), `YYYY-MM-DD`. */
export function localCalendarDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Whole calendar days from `from` to `to`, both `YYYY-MM-DD` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
