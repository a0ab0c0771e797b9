import type { CachedRunbook } from '../../core/cache/runbookDatabase';

const TITLES: Record<NonNullable<CachedRunbook['changeMark']>, string> = {
  added: 'Added by a sync; not opened yet',
  updated: 'Changed by a sync since you last read it: open it for "What changed"',
};

/**
 * The library's mark on a runbook a sync added or changed and the reader has not read since. It stays
 * through later syncs until the runbook is opened (the mark lives on the cached row: `changeMark`).
 */
export function ChangedMark({ mark }: { mark: CachedRunbook['changeMark'] }) {
  if (!mark) return null;
  return (
    <span className="rr-badge rr-badge-new" title={TITLES[mark]}>
      {mark}
    </span>
  );
}
