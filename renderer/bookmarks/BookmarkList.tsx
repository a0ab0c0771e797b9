import { useState } from 'react';
import { saveUserData } from '../app/userDataWrites';
import { Link } from 'react-router-dom';
import { recordBookmarkUsed } from '../../core/incident/recordBookmarkUsed';
import { moveBookmark, removeBookmark, renameBookmark, setBookmarkPinned, type Bookmark } from '../../core/userdata/bookmarks';
import { db } from '../app/database';
import { runbookRoute } from '../routes';
import { useBookmarks, useRemovedFromSource } from './bookmarkQueries';

interface Props {
  /** `manage` shows pin, reorder, rename and remove controls; `compact` only the links. */
  variant: 'manage' | 'compact';
  onNavigate?: (() => void) | undefined;
}

/** The user's bookmarks, pinned first. */
export function BookmarkList({ variant, onNavigate }: Props) {
  const bookmarks = useBookmarks();
  const removed = useRemovedFromSource();
  if (!bookmarks) return null;
  if (bookmarks.length === 0) {
    return (
      <p className="rr-muted rr-bookmarks-empty">No bookmarks yet. Use ☆ on a runbook or a section (or press b) to keep it one tap away.</p>
    );
  }
  return (
    <ul className={`rr-bookmarks rr-bookmarks-${variant}`}>
      {bookmarks.map((b, i) => (
        <BookmarkRow
          key={b.id}
          bookmark={b}
          variant={variant}
          removedFromSource={removed.has(`${b.sourceId}|${b.path}`)}
          first={i === 0 || bookmarks[i - 1]?.pinned !== b.pinned}
          last={i === bookmarks.length - 1 || bookmarks[i + 1]?.pinned !== b.pinned}
          onNavigate={onNavigate}
        />
      ))}
    </ul>
  );
}

interface RowProps {
  bookmark: Bookmark;
  variant: 'manage' | 'compact';
  removedFromSource: boolean;
  first: boolean;
  last: boolean;
  onNavigate?: (() => void) | undefined;
}

function BookmarkRow({ bookmark: b, variant, removedFromSource, first, last, onNavigate }: RowProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(b.label);
  const [error, setError] = useState<string>();

  async function saveLabel() {
    const result = await renameBookmark(db, b.id, draft);
    if (result.ok) {
      setEditing(false);
      setError(undefined);
    } else setError(result.message);
  }

  return (
    <li className={b.pinned ? 'rr-bookmark rr-pinned' : 'rr-bookmark'}>
      {editing ? (
        <form
          className="rr-bookmark-edit"
          onSubmit={(e) => {
            e.preventDefault();
            saveUserData('the new name', saveLabel());
          }}
        >
          <input aria-label="Bookmark name" value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus maxLength={200} />
          <button type="submit" className="rr-button">
            Save
          </button>
          <button type="button" className="rr-button" onClick={() => (setEditing(false), setDraft(b.label), setError(undefined))}>
            Cancel
          </button>
          {error && (
            <p className="rr-form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <Link
          className="rr-bookmark-link"
          to={runbookRoute(b.sourceId, b.path, b.anchor)}
          onClick={() => {
            void recordBookmarkUsed(db, b).catch(() => undefined);
            onNavigate?.();
          }}
        >
          {b.pinned && <span aria-label="Pinned">📌 </span>}
          <span className="rr-bookmark-label">{b.label}</span>
          {removedFromSource && <span className="rr-badge rr-badge-danger">removed from source</span>}
          <span className="rr-bookmark-path">
            {b.path}
            {b.anchor ? ` › ${b.anchor}` : ''}
          </span>
        </Link>
      )}
      {variant === 'manage' && !editing && (
        <div className="rr-bookmark-actions">
          <button
            type="button"
            className="rr-icon-button"
            aria-pressed={b.pinned}
            aria-label={b.pinned ? `Unpin ${b.label}` : `Pin ${b.label} to the top`}
            onClick={() => saveUserData('the pin', setBookmarkPinned(db, b.id, !b.pinned))}
          >
            {b.pinned ? 'Unpin' : 'Pin'}
          </button>
          <button
            type="button"
            className="rr-icon-button"
            aria-label={`Move ${b.label} up`}
            disabled={first}
            onClick={() => saveUserData('the new order', moveBookmark(db, b.id, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="rr-icon-button"
            aria-label={`Move ${b.label} down`}
            disabled={last}
            onClick={() => saveUserData('the new order', moveBookmark(db, b.id, 1))}
          >
            ↓
          </button>
          <button type="button" className="rr-icon-button" aria-label={`Rename ${b.label}`} onClick={() => setEditing(true)}>
            Rename
          </button>
          <button
            type="button"
            className="rr-icon-button rr-danger"
            aria-label={`Remove bookmark ${b.label}`}
            onClick={() => saveUserData('the removal of the bookmark', removeBookmark(db, b.id))}
          >
            Remove
          </button>
        </div>
      )}
    </li>
  );
}
