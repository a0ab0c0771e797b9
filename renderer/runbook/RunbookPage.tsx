import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useRunbook } from '../app/cacheQueries';
import { HOME_ROUTE } from '../routes';
import { RunbookView } from './RunbookView';

/** Route `/read/:sourceId/*`: one runbook from the cache, never from the network. */
export function RunbookPage() {
  const params = useParams();
  const [search] = useSearchParams();
  const sourceId = params.sourceId ?? '';
  const path = params['*'] ?? '';
  const runbook = useRunbook(sourceId, path);
  const section = search.get('section') ?? undefined;

  // The live query keeps the previous runbook until the new one is read; never show it under the new address.
  if (runbook === undefined || (runbook && (runbook.meta.path !== path || runbook.meta.sourceId !== sourceId)))
    return <p className="rr-loading">Opening {path}…</p>;
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
  return <RunbookView runbook={runbook} section={section} />;
}
