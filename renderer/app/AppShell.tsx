import { IncidentTopbarLink } from '../incident/IncidentTopbarLink';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import { WriteFailureNotice } from './WriteFailureNotice';
import { LazyContactsPanel } from '../contacts/LazyContactsPanel';
import { SearchDialog } from '../search/SearchDialog';
import { dispatchAppCommand, useAppCommand } from './appCommands';
import { useServices } from './appServices';
import { useKeyboardShortcut } from './useKeyboardShortcut';
import { LIBRARY_FILTER_ID, LibraryNav } from '../library/LibraryNav';
import { ConnectionStatus } from '../status/ConnectionStatus';
import { HOME_ROUTE } from '../routes';

interface Props {
  /** False until the cache is open; the library waits for it instead of saying it is empty. */
  cacheReady: boolean;
  children: ReactNode;
}

/** Top bar, library sidebar (a drawer on phones) and the main reading area. */
export function AppShell({ cacheReady, children }: Props) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { sync } = useServices();
  const [contactsOpen, setContactsOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const closeSearch = useCallback(() => setSearchOpen(false), []);
  useAppCommand('search', () => setSearchOpen(true));
  useKeyboardShortcut('/', () => setSearchOpen(true));
  useKeyboardShortcut('k', () => setSearchOpen(true), { mod: true, inFields: true });
  const location = useLocation();
  const closeContacts = useCallback(() => setContactsOpen(false), []);
  useAppCommand('contacts', () => setContactsOpen(true));
  useAppCommand('sync', () => void sync.syncAll());
  useKeyboardShortcut('e', () => dispatchAppCommand('contacts'), { mod: true, inFields: true, shift: true });
  // `l` opens the library (the drawer on phones) with the cursor in its filter box; not while a dialog is
  // open, so that letters typed before the search box has the focus stay with the search.
  const [filterFocusRequest, setFilterFocusRequest] = useState(0);
  useKeyboardShortcut('l', () => {
    if (searchOpen || contactsOpen) return;
    setDrawerOpen(true);
    setFilterFocusRequest((n) => n + 1);
  });
  useEffect(() => {
    if (filterFocusRequest > 0) document.getElementById(LIBRARY_FILTER_ID)?.focus();
  }, [filterFocusRequest]);

  // Going to another page closes the drawer (adjusted while rendering rather than in an effect).
  const place = location.pathname + location.search;
  const [drawerPlace, setDrawerPlace] = useState(place);
  if (drawerPlace !== place) {
    setDrawerPlace(place);
    setDrawerOpen(false);
  }

  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setDrawerOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  return (
    <div className="rr-app">
      <a className="rr-skip-link" href="#rr-main" onClick={skipToMain}>
        Skip to content
      </a>
      <header className="rr-topbar">
        <button
          type="button"
          className="rr-icon-button rr-menu-button"
          aria-label={drawerOpen ? 'Close library' : 'Open library'}
          aria-expanded={drawerOpen}
          aria-controls="rr-sidebar"
          onClick={() => setDrawerOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span>
        </button>
        <Link to={HOME_ROUTE} className="rr-brand">
          Runbook Reader
        </Link>
        <button
          type="button"
          className="rr-search-trigger"
          onClick={() => setSearchOpen(true)}
          aria-label="Search runbooks"
          aria-keyshortcuts="/ Control+K Meta+K"
        >
          <span aria-hidden="true">⌕</span>
          <span className="rr-search-trigger-text">Search runbooks</span>
          <kbd className="rr-search-trigger-key" aria-hidden="true">
            /
          </kbd>
        </button>
        <div className="rr-topbar-actions">
          <button
            type="button"
            className="rr-icon-button rr-contacts-button"
            onClick={() => setContactsOpen(true)}
            aria-label="Emergency contacts"
          >
            <span aria-hidden="true">☎</span>
            <span className="rr-topbar-label">Emergency contacts</span>
          </button>
          {cacheReady && <IncidentTopbarLink />}
          <NavLink to="/bookmarks" className="rr-icon-button rr-topbar-link rr-wide-only" aria-label="Bookmarks">
            <span aria-hidden="true">★</span>
            <span className="rr-topbar-label">Bookmarks</span>
          </NavLink>
          <NavLink to="/sources" className="rr-icon-button rr-topbar-link" aria-label="Sources and sync">
            <span aria-hidden="true">⟳</span>
            <span className="rr-topbar-label">Sources</span>
          </NavLink>
          <NavLink to="/settings" className="rr-icon-button rr-topbar-link" aria-label="Settings">
            <span aria-hidden="true">⚙</span>
            <span className="rr-topbar-label">Settings</span>
          </NavLink>
        </div>
      </header>
      <ConnectionStatus />
      <UpdatePrompt />
      <WriteFailureNotice />
      <div className="rr-body">
        <div className={drawerOpen ? 'rr-scrim rr-scrim-open' : 'rr-scrim'} onClick={() => setDrawerOpen(false)} aria-hidden="true" />
        <nav id="rr-sidebar" className={drawerOpen ? 'rr-sidebar rr-sidebar-open' : 'rr-sidebar'} aria-label="Library">
          {cacheReady && <LibraryNav onNavigate={() => setDrawerOpen(false)} />}
        </nav>
        <main id="rr-main" className="rr-main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <nav className="rr-bottombar" aria-label="Quick actions">
        <button type="button" className="rr-bottombar-button" onClick={() => setDrawerOpen(true)} aria-label="Open library">
          <span aria-hidden="true">☰</span>
          <span>Library</span>
        </button>
        <button type="button" className="rr-bottombar-button" onClick={() => setSearchOpen(true)} aria-label="Search runbooks">
          <span aria-hidden="true">⌕</span>
          <span>Search</span>
        </button>
        <button
          type="button"
          className="rr-bottombar-button rr-bottombar-urgent"
          onClick={() => setContactsOpen(true)}
          aria-label="Emergency contacts"
        >
          <span aria-hidden="true">☎</span>
          <span>Contacts</span>
        </button>
        <Link to="/bookmarks" className="rr-bottombar-button" aria-label="Bookmarks">
          <span aria-hidden="true">★</span>
          <span>Bookmarks</span>
        </Link>
      </nav>
      <LazyContactsPanel open={contactsOpen} onClose={closeContacts} />
      <SearchDialog open={searchOpen} onClose={closeSearch} />
    </div>
  );
}

/** With hash routing a plain `#rr-main` link would change the route, so focus the main area directly. */
function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('rr-main')?.focus();
}
