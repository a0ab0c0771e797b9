import { useSearchParams } from 'react-router-dom';
import { BUNDLED_SOURCE_ID } from '../../core/model';
import { folderHomePage } from '../../core/runbook/homePage';
import { QuickAccess } from '../bookmarks/QuickAccess';
import { RunbookView } from '../runbook/RunbookView';
import { useLibraryEntries } from '../library/useLibraryData';
import { useRunbook, useSources } from './cacheQueries';

/**
 * The home page is a source's home runbook (`index.md` at its root, else `README.md`): a synced source's,
 * else the bundled one.
 */
export function HomePage() {
  const runbooks = useLibraryEntries();
  const sources = useSources();
  const [search] = useSearchParams();
  const visible = (sources ?? []).filter((s) => !s.hidden).map((s) => s.id);
  const order = [...visible.filter((id) => id !== BUNDLED_SOURCE_ID), ...visible.filter((id) => id === BUNDLED_SOURCE_ID)];
  const home = order
    .map((sourceId) => ({ sourceId, path: folderHomePage((runbooks ?? []).filter((r) => r.sourceId === sourceId).map((r) => r.path)) }))
    .find((candidate) => candidate.path !== undefined);
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
