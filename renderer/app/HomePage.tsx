import { useSearchParams } from 'react-router-dom';
import { BUNDLED_SOURCE_ID } from '../../core/model';
import { isIndexPage } from '../../core/runbook/groupLibrary';
import { QuickAccess } from '../bookmarks/QuickAccess';
import { RunbookView } from '../runbook/RunbookView';
import { useRunbook, useRunbookList, useSources } from './cacheQueries';

/** The home page is the library's index runbook: a synced source's root README/index, else the bundled one. */
export function HomePage() {
  const runbooks = useRunbookList();
  const sources = useSources();
  const [search] = useSearchParams();
  const visible = new Set((sources ?? []).filter((s) => !s.hidden).map((s) => s.id));
  const indexes = (runbooks ?? []).filter((r) => visible.has(r.sourceId) && !r.path.includes('/') && isIndexPage(r.path));
  const home = indexes.find((r) => r.sourceId !== BUNDLED_SOURCE_ID) ?? indexes[0];
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
