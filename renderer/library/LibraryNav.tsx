import { Link, useLocation } from 'react-router-dom';
import { BookmarkList } from '../bookmarks/BookmarkList';
import { groupLibrary } from '../../core/runbook/groupLibrary';
import { useRunbookList, useSources } from '../app/cacheQueries';
import { runbookHref, runbookRoute } from '../routes';
import { StatusBadge } from './StatusBadge';

interface Props {
  /** Called after a runbook is picked (closes the drawer on phones). */
  onNavigate?: () => void;
}

/** The library: every cached runbook, grouped by source folder and area. Reads metadata only. */
export function LibraryNav({ onNavigate }: Props) {
  const runbooks = useRunbookList();
  const sources = useSources();
  const { pathname } = useLocation();
  if (!runbooks || !sources) return <p className="rr-muted rr-pad">Loading library…</p>;
  const visible = new Set(sources.filter((s) => !s.hidden).map((s) => s.id));
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const groups = groupLibrary(runbooks.filter((r) => visible.has(r.sourceId) && !r.removedFromSource));
  const showSource = visible.size > 1;
  if (groups.length === 0) return <p className="rr-muted rr-pad">No runbooks cached yet.</p>;

  return (
    <div className="rr-library">
      <section className="rr-library-group" aria-label="Bookmarks">
        <h2 className="rr-library-heading">
          Bookmarks{' '}
          <Link to="/bookmarks" className="rr-library-manage" onClick={onNavigate}>
            Manage
          </Link>
        </h2>
        <BookmarkList variant="compact" onNavigate={onNavigate} />
      </section>
      {groups.map((group) => {
        const first = group.runbooks[0];
        const heading = [
          showSource && first ? names.get(first.sourceId) : undefined,
          group.folder || undefined,
          group.area ? capitalise(group.area) : 'Other',
        ]
          .filter(Boolean)
          .join(' / ');
        return (
          <section key={group.key} className="rr-library-group" aria-label={heading}>
            <h2 className="rr-library-heading">{heading}</h2>
            <ul>
              {group.runbooks.map((r) => {
                const current = isCurrent(runbookRoute(r.sourceId, r.path), pathname);
                return (
                  <li key={r.path}>
                    {/* A plain link (hash routing needs no more): a router link per entry made rendering a
                        1,000-runbook library take a quarter of a second after every sync. */}
                    <a
                      href={runbookHref(r.sourceId, r.path)}
                      className={current ? 'rr-library-entry active' : 'rr-library-entry'}
                      aria-current={current ? 'page' : undefined}
                      onClick={onNavigate}
                    >
                      <span className="rr-library-title">
                        {r.title} <StatusBadge status={r.status} />
                        {r.changeMark && <span className="rr-badge rr-badge-new">{r.changeMark}</span>}
                      </span>
                      {r.summary && <span className="rr-library-summary">{r.summary}</span>}
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** Whether a runbook route is the page shown (the router may hand back the path encoded or not). */
function isCurrent(route: string, pathname: string): boolean {
  return route === pathname || safeDecode(route) === safeDecode(pathname);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
