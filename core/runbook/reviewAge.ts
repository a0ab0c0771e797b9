/** Past this many days since `last_reviewed`, the reader flags a runbook as "review overdue". */
export const REVIEW_OVERDUE_DAYS = 90;

/** Whole days from `lastReviewed` (YYYY-MM-DD) to `today`; undefined when the date cannot be read. */
export function daysSinceReview(lastReviewed: string | undefined, today: Date): number | undefined {
  if (!lastReviewed) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(lastReviewed);
  if (!match) return undefined;
  const reviewed = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.floor((now - reviewed) / 86_400_000);
}

export function isReviewOverdue(lastReviewed: string | undefined, today: Date, limitDays = REVIEW_OVERDUE_DAYS): boolean {
  const days = daysSinceReview(lastReviewed, today);
  return days !== undefined && days > limitDays;
}
