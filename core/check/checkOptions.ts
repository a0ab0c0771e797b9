import { REVIEW_OVERDUE_DAYS } from '../runbook/reviewAge';

export interface CheckOptions {
  /** `last_reviewed` more than this many days before `today` is overdue (default: the reader's 90). */
  maxAgeDays: number;
  /** The date reviews are measured against, `YYYY-MM-DD`; a fixed value makes runs reproducible. */
  today: string;
  /** Paths of the tree's other files (images, PDFs, Markdown not to be checked), so links to them resolve. */
  assetPaths?: readonly string[] | undefined;
  /**
   * Where the checked folder sits in its Git repository (`docs`), so a `/docs/x.md` link means the tree's
   * `x.md`, as on GitHub and in the reader of a source that syncs that folder.
   */
  repoFolder?: string | undefined;
}

/** The reader's own "review overdue" limit, so a clean `check` means no runbook shows that flag. */
export const DEFAULT_MAX_AGE_DAYS = REVIEW_OVERDUE_DAYS;
