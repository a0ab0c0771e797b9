import { useSearchParams } from 'react-router-dom';
import { libraryHomePage } from '../../core/runbook/homePage';
import { orderLibrarySources } from '../../core/runbook/libraryTree';
import { QuickAccess } from '../bookmarks/QuickAccess';
import { RunbookView } from '../runbook/RunbookView';
import { useLibraryEntries } from '../library/useLibraryData';
import { useRunbook, useSources } from './cacheQueries';

/**
 * The home page is a source's home runbook (`index.md` at its root, else `README.md`): a synced source's
 * (the first by name), else the bundled one.
 */
export function HomePage() {
  const runbooks = useLibraryEntries();
  const sources = useSources();
  const [search] = useSearchParams();
  const visible = orderLibrarySources((sources ?? []).filter((s) => !s.hidden)).map((s) => s.id);
  const home = libraryHomePage(runbooks ?? [], visible);
  const runbook = useRunbook(home?.sourceId ?? '', home?.path ?? '');

  if (!runbooks || !sources || (home && runbook === undefined)) return <p className="rr-loading">Opening the library…</p>;
  if (!home || !runbook) {
    return (
      <div className="rr-empty">
        <QuickAccess />
        <h1>Runbooks</h1>
        <p>There is no index page (README.md or index.md) in the cached sources. Pick a runbook from the library.</p>
      </div>
    );
  }
  return (
    <>
      <QuickAccess />
      <RunbookView runbook={runbook} section={search.get('section') ?? undefined} />
    </>
  );
}
