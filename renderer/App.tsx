import { HashRouter, Link, Route, Routes } from 'react-router-dom';
import { AppShell } from './app/AppShell';
import { HomePage } from './app/HomePage';
import { OfflineCopyFileEntry } from './offlineCopy/OfflineCopyFileEntry';
import { useCacheReady } from './app/useCacheReady';
import { BookmarksPage } from './bookmarks/BookmarksPage';
import { AlertRoute } from './incident/AlertRoute';
import { IncidentPage } from './incident/IncidentPage';
import { IncidentRecorder } from './incident/IncidentRecorder';
import { RunbookPage } from './runbook/RunbookPage';
import { SettingsPage } from './settings/SettingsPage';
import { SourcesPage } from './sources/SourcesPage';
import { useSyncScheduler } from './sync/useSyncScheduler';
import { useDesktopBridge } from './platform/useDesktopBridge';
import { HOME_ROUTE } from './routes';

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
