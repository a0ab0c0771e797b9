import { Link } from 'react-router-dom';
import { runbookRoute } from '../routes';
import { useRecentlyOpened } from './bookmarkQueries';

/** The last runbooks opened (at most 20), newest first. */
export function RecentList({ limit, onNavigate }: { limit?: number; onNavigate?: () => void }) {
  const recent = useRecentlyOpened();
  if (!recent) return null;
  if (recent.length === 0) return <p className="rr-muted">Nothing opened yet.</p>;
  return (
    <ul className="rr-recent">
      {recent.slice(0, limit).map((r) => (
        <li key={`${r.sourceId}|${r.path}`}>
          <Link to={runbookRoute(r.sourceId, r.path)} onClick={onNavigate}>
            {r.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}
