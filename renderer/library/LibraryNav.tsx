import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, matchPath, useLocation, useNavigate } from 'react-router-dom';
import { libraryRows } from '../../core/runbook/libraryRows';
import { libraryHomePage } from '../../core/runbook/homePage';
import {
  buildLibraryTree,
  filterLibraryTree,
  libraryFolderId,
  orderLibrarySources,
  type LibraryFolder,
} from '../../core/runbook/libraryTree';
import { writeLibraryFolderStates } from '../../core/userdata/libraryFolderStates';
import { BookmarkList } from '../bookmarks/BookmarkList';
import { useSources } from '../app/cacheQueries';
import { db } from '../app/database';
import { saveUserData } from '../app/userDataWrites';
import { HOME_ROUTE, runbookRoute } from '../routes';
import { LibraryTree, type LibraryTreeHandle } from './LibraryTree';
import { useLibraryEntries, useLibraryFolderStates } from './useLibraryData';

/** Id of the filter box, which the `l` shortcut focuses. */
export const LIBRARY_FILTER_ID = 'rr-library-filter';

interface Props {
  /** Called after a runbook is picked (closes the drawer on phones). */
  onNavigate?: () => void;
}

/**
 * The library: bookmarks, then one folder tree per source with a filter box. Folders remember whether
 * they are open; the folders above the page on screen open by themselves. Reads metadata only.
 */
export function LibraryNav({ onNavigate }: Props) {
  const entries = useLibraryEntries();
  const sources = useSources();
  const storedStates = useLibraryFolderStates();
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const [filter, setFilter] = useState('');
  // While filtering every folder with a match is open; the ones closed by hand are kept until the filter changes.
  const [filterClosed, setFilterClosed] = useState<{ filter: string; ids: ReadonlySet<string> }>({ filter: '', ids: new Set() });
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const treeHandle = useRef<LibraryTreeHandle>(null);
  const filterBox = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const routed = useCurrentRunbook();

  const visibleSources = useMemo(() => orderLibrarySources((sources ?? []).filter((s) => !s.hidden)), [sources]);
  const tree = useMemo(
    () =>
      buildLibraryTree(
        (entries ?? []).filter((e) => !e.removedFromSource),
        visibleSources.map((s) => ({ id: s.id, name: s.name })),
      ),
    [entries, visibleSources],
  );
  // On the home route the page shown is the library's home page: mark that one.
  const { pathname } = useLocation();
  const home = useMemo(
    () =>
      pathname === HOME_ROUTE && entries
        ? libraryHomePage(
            entries,
            visibleSources.map((s) => s.id),
          )
        : undefined,
    [pathname, entries, visibleSources],
  );
  const current = routed ?? home;
  const filtering = filter.trim() !== '';
  const shown = useMemo(() => filterLibraryTree(tree, filter), [tree, filter]);
  const matchCount = shown.reduce((sum, root) => sum + root.count, 0);
  const states = useMemo(() => ({ ...storedStates, ...toggled }), [storedStates, toggled]);
  const closedWhileFiltering = filterClosed.filter === filter ? filterClosed.ids : undefined;
  const rows = useMemo(
    () =>
      libraryRows(shown, {
        isOpen: (folder) => (filtering ? !closedWhileFiltering?.has(folder.id) : (states[folder.id] ?? folder.path === '')),
        showSourceRoots: shown.length > 1,
      }),
    [shown, filtering, closedWhileFiltering, states],
  );

  const toggle = (folder: LibraryFolder, open: boolean) => {
    if (filtering) {
      const ids = new Set(closedWhileFiltering);
      if (open) ids.delete(folder.id);
      else ids.add(folder.id);
      setFilterClosed({ filter, ids });
      return;
    }
    setToggled((before) => ({ ...before, [folder.id]: open }));
    saveUserData('which library folders are open', writeLibraryFolderStates(db, { [folder.id]: open }));
  };

  // Opening a runbook (from search, a link, a bookmark) opens the folders above it, once per page (adjusted
  // while rendering, not in an effect; not remembered, since the user did not open them).
  const currentKey = current ? `${current.sourceId}\u0000${current.path}` : undefined;
  const [revealedFor, setRevealedFor] = useState<string | undefined>(undefined);
  if (current && revealedFor !== currentKey) {
    setRevealedFor(currentKey);
    const closed = ancestorFolderIds(current.sourceId, current.path).filter((id, i) => !(states[id] ?? i === 0));
    if (closed.length > 0) setToggled((before) => ({ ...before, ...Object.fromEntries(closed.map((id) => [id, true])) }));
  }

  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && rows.length > 0) {
      event.preventDefault();
      treeHandle.current?.focusFirst();
    } else if (event.key === 'Enter') {
      const first = rows.find((row) => row.kind === 'runbook');
      if (!filtering || !first || first.kind !== 'runbook') return;
      event.preventDefault();
      void navigate(runbookRoute(first.runbook.sourceId, first.runbook.path));
      onNavigate?.();
    } else if (event.key === 'Escape' && filter !== '') {
      event.preventDefault();
      event.stopPropagation();
      setFilter('');
    }
  };

  // Not waiting for the remembered folders: on a busy start that read can come last, and the tree is
  // useful without it (remembered folders open when it arrives; the page's own folders open at once).
  if (!entries || !sources) return <p className="rr-muted rr-pad">Loading library…</p>;
  const total = tree.reduce((sum, root) => sum + root.count, 0);

  return (
    <div className="rr-library">
      <div className="rr-library-filter">
        <input
          ref={filterBox}
          id={LIBRARY_FILTER_ID}
          type="search"
          className="rr-library-filter-input"
          placeholder="Filter by title or path"
          aria-label="Filter the library by title or path"
          aria-keyshortcuts="L"
          aria-describedby="rr-library-filter-status"
          autoComplete="off"
          spellCheck={false}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={onFilterKey}
        />
        <p id="rr-library-filter-status" className="rr-library-filter-status" aria-live="polite">
          {filtering ? filterStatus(matchCount, filter) : ''}
        </p>
      </div>
      <div className="rr-library-scroll" ref={setScroller}>
        <section className="rr-library-group" aria-label="Bookmarks">
          <h2 className="rr-library-heading">
            Bookmarks{' '}
            <Link to="/bookmarks" className="rr-library-manage" onClick={onNavigate}>
              Manage
            </Link>
          </h2>
          <BookmarkList variant="compact" onNavigate={onNavigate} />
        </section>
        <h2 className="rr-library-heading">Runbooks</h2>
        {total === 0 && <p className="rr-muted rr-pad">No runbooks cached yet.</p>}
        <LibraryTree
          rows={rows}
          currentKey={currentKey}
          filter={filter.trim()}
          scrollElement={scroller}
          onToggle={toggle}
          onNavigate={onNavigate}
          onLeaveTop={() => filterBox.current?.focus()}
          handle={treeHandle}
        />
      </div>
    </div>
  );
}

function filterStatus(count: number, filter: string): string {
  if (count === 0) return `No runbook title or path contains “${filter.trim()}”.`;
  return count === 1 ? '1 runbook matches.' : `${count} runbooks match.`;
}

/** The source root (first) and every folder above `path`. */
function ancestorFolderIds(sourceId: string, path: string): string[] {
  const segments = path.split('/').slice(0, -1);
  return [libraryFolderId(sourceId, ''), ...segments.map((_, i) => libraryFolderId(sourceId, segments.slice(0, i + 1).join('/')))];
}

/** The runbook the route shows, if any. */
function useCurrentRunbook(): { sourceId: string; path: string } | undefined {
  const { pathname } = useLocation();
  const match = matchPath('/read/:sourceId/*', pathname);
  const sourceId = match?.params.sourceId;
  const path = match?.params['*'];
  // Decoded segment by segment, as the router decodes the params the runbook page reads.
  return sourceId && path ? { sourceId: safeDecode(sourceId), path: path.split('/').map(safeDecode).join('/') } : undefined;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
