import { toggleBookmark } from '../../core/userdata/bookmarks';
import { saveUserData } from '../app/userDataWrites';
import { db } from '../app/database';
import { useIsBookmarked } from './bookmarkQueries';

interface Props {
  sourceId: string;
  path: string;
  anchor?: string | undefined;
  /** Label the bookmark gets: the runbook title, or "Runbook › Section". */
  label: string;
  /** Compact icon-only variant used beside section headings. */
  compact?: boolean;
}

/** One click, tap or the `b` key bookmarks a runbook or a section; the state is visible on the control. */
export function BookmarkToggle(props: Props) {
  const on = useIsBookmarked(props.sourceId, props.path, props.anchor);
  return <BookmarkButton {...props} on={on} />;
}

/** The same control when the page already knows whether it is on (section headings share one query). */
export function BookmarkButton({ sourceId, path, anchor, label, compact = false, on }: Props & { on: boolean }) {
  const what = anchor ? 'section' : 'runbook';
  const name = on ? `Remove bookmark for ${what} "${label}"` : `Bookmark ${what} "${label}"`;
  return (
    <button
      type="button"
      className={`${compact ? 'rr-bookmark-toggle rr-bookmark-compact' : 'rr-button rr-bookmark-toggle'}${on ? ' rr-on' : ''}`}
      aria-pressed={on}
      aria-label={name}
      title={name}
      onClick={() => saveUserData('the bookmark', toggleBookmark(db, { sourceId, path, anchor, label }))}
    >
      <span aria-hidden="true">{on ? '★' : '☆'}</span>
      {!compact && <span>{on ? 'Bookmarked' : 'Bookmark'}</span>}
    </button>
  );
}
