import { useParams, useSearchParams } from 'react-router-dom';
import { useRunbook } from '../app/cacheQueries';
import { CachedFilePage } from './CachedFilePage';
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
  // Not a runbook: a file synced with the source (a script, an image), or nothing cached under that path.
  if (runbook === null) return <CachedFilePage sourceId={sourceId} path={path} />;
  return (
    <>
      <NewVersionNotice newer={newer} gone={gone} onShowNewer={showNewer} />
      <RunbookView runbook={runbook} section={section} />
    </>
  );
}
