export interface CheckOptions {
  /** `last_reviewed` older than this many days is overdue (default 180). */
  maxAgeDays: number;
  /** The date reviews are measured against, `YYYY-MM-DD`; a fixed value makes runs reproducible. */
  today: string;
  /** Paths of the tree's other files (images, PDFs, Markdown not to be checked), so links to them resolve. */
  assetPaths?: readonly string[];
}

export const DEFAULT_MAX_AGE_DAYS = 180;

export const KNOWN_STATUSES: readonly string[] = ['active', 'draft', 'deprecated', 'archived'];

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
