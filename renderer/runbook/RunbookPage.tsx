import { Suspense } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useRunbook } from '../app/cacheQueries';
import { CachedFilePage } from './CachedFilePage';
import { NewVersionNotice } from './NewVersionNotice';
import { RunbookViewWhenLoaded } from './RunbookViewWhenLoaded';
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

  const opening = <p className="rr-loading">Opening {path}…</p>;
  if (runbook === undefined) return opening;
  // Not a runbook: a file synced with the source (a script, an image), or nothing cached under that path.
  if (runbook === null) return <CachedFilePage sourceId={sourceId} path={path} />;
  return (
    <>
      <NewVersionNotice newer={newer} gone={gone} onShowNewer={showNewer} />
      <Suspense fallback={opening}>
        <RunbookViewWhenLoaded runbook={runbook} section={section} />
      </Suspense>
    </>
  );
}
