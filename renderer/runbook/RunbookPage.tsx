import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useRunbook } from '../app/cacheQueries';
import { HOME_ROUTE } from '../routes';
import { NewVersionNotice } from './NewVersionNotice';
import { RunbookView } from './RunbookView';
import { usePinnedRunbook } from './usePinnedRunbook';

/** Route `/read/:sourceId/*`: one runbook from the cache, never from the network. */
export function RunbookPage() {
  const params = useParams();
  const [search] = useSearchParams();
  const sourceId = params.sourceId ?? '';
  const path = params['*'] ?? '';
  const live = useRunbook(sourceId, path);
  const section = search.get('section') ?? undefined;
  // A sync never changes the page being read: the version on screen stays until the reader asks for the newer one.
  const { shown: runbook, newer, gone, showNewer } = usePinnedRunbook(sourceId, path, live);

  if (runbook === undefined) return <p className="rr-loading">Opening {path}…</p>;
  if (runbook === null) {
    return (
      <div className="rr-empty" role="alert">
        <h1>Not available offline</h1>
        <p>
          <code>{path}</code> is not in the offline cache{sourceId ? ` of source "${sourceId}"` : ''}. It may live outside the synced
          folder, or it has not been synced yet.
        </p>
        <p>
          <Link to={HOME_ROUTE}>Back to the runbook index</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <NewVersionNotice newer={newer} gone={gone} onShowNewer={showNewer} />
      <RunbookView runbook={runbook} section={section} />
    </>
  );
}
