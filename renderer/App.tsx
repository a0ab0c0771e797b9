import { lazy, Suspense } from 'react';
import { HashRouter, Link, Route, Routes } from 'react-router-dom';
import { AppShell } from './app/AppShell';
import { HomePage } from './app/HomePage';
import { OfflineCopyFileEntry } from './offlineCopy/OfflineCopyFileEntry';
import { useCacheReady } from './app/useCacheReady';
import { IncidentRecorder } from './incident/IncidentRecorder';
import { RunbookPage } from './runbook/RunbookPage';
import { useSyncScheduler } from './sync/useSyncScheduler';
import { useDesktopBridge } from './platform/useDesktopBridge';
import { HOME_ROUTE } from './routes';

// Pages a cold start on the library or a runbook does not show load with their first visit, so the code
// the phone parses before the first runbook is drawn is smaller.
const AlertRoute = lazy(() => import('./incident/AlertRoute').then((m) => ({ default: m.AlertRoute })));
const BookmarksPage = lazy(() => import('./bookmarks/BookmarksPage').then((m) => ({ default: m.BookmarksPage })));
const IncidentPage = lazy(() => import('./incident/IncidentPage').then((m) => ({ default: m.IncidentPage })));
const SettingsPage = lazy(() => import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const SourcesPage = lazy(() => import('./sources/SourcesPage').then((m) => ({ default: m.SourcesPage })));

export function App() {
  const cache = useCacheReady();
  useSyncScheduler(cache.phase === 'ready');
  return (
    <HashRouter>
      <DesktopBridge />
      {cache.phase === 'ready' && <IncidentRecorder />}
      <OfflineCopyFileEntry />
      <AppShell cacheReady={cache.phase === 'ready'}>
        {cache.phase === 'opening' && <p className="rr-loading">Opening the offline cache…</p>}
        {cache.phase === 'failed' && (
          <div className="rr-empty" role="alert">
            <h1>Cache unavailable</h1>
            <p>{cache.message}</p>
          </div>
        )}
        {cache.phase === 'ready' && (
          <Suspense fallback={<p className="rr-loading">Loading…</p>}>
            <Routes>
              <Route path={HOME_ROUTE} element={<HomePage />} />
              <Route path="/read/:sourceId/*" element={<RunbookPage />} />
              <Route path="/alert/:name" element={<AlertRoute />} />
              <Route path="/incident" element={<IncidentPage />} />
              <Route path="/bookmarks" element={<BookmarksPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="/sources" element={<SourcesPage />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        )}
      </AppShell>
    </HashRouter>
  );
}

function DesktopBridge() {
  useDesktopBridge();
  return null;
}

function NotFound() {
  return (
    <div className="rr-empty" role="alert">
      <h1>Page not found</h1>
      <p>
        <Link to={HOME_ROUTE}>Back to the runbook index</Link>
      </p>
    </div>
  );
}
