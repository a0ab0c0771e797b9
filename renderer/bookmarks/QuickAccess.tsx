import { Link } from 'react-router-dom';
import { BookmarkList } from './BookmarkList';
import { useBookmarks, useRecentlyOpened } from './bookmarkQueries';
import { RecentList } from './RecentList';

/** Home-screen panel: bookmarked and pinned procedures and the last few runbooks opened, one tap away. */
export function QuickAccess() {
  const bookmarks = useBookmarks();
  const recent = useRecentlyOpened();
  if (!bookmarks?.length && !recent?.length) return null;
  return (
    <section className="rr-quick-access" aria-label="Quick access">
      {bookmarks && bookmarks.length > 0 && (
        <div>
          <h2>
            Bookmarks <Link to="/bookmarks">Manage</Link>
          </h2>
          <BookmarkList variant="compact" />
        </div>
      )}
      {recent && recent.length > 0 && (
        <div>
          <h2>Recently opened</h2>
          <RecentList limit={5} />
        </div>
      )}
    </section>
  );
}
