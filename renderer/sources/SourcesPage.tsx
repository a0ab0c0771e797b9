import { useServices } from '../app/appServices';
import { useSources } from '../app/cacheQueries';
import { useOnline } from '../app/useOnline';
import { ImportOfflineCopyPanel } from '../offlineCopy/ImportOfflineCopyPanel';
import { useSyncStates } from '../sync/useSyncStates';
import { hostOf } from '../../core/connectivity/judgeConnectivity';
import { useConnectivity } from '../status/useConnectivity';
import { AddSourceForm } from './AddSourceForm';
import { SourceCard } from './SourceCard';

/** Route `/sources`: where the runbooks come from, how fresh each source is, and adding Git sources. */
export function SourcesPage() {
  const sources = useSources();
  const states = useSyncStates();
  const { sync } = useServices();
  const online = useOnline();
  const anyGitSynced = (sources ?? []).some((s) => s.kind === 'git' && s.version);
  // Only the connectivity signal can tell a CORS refusal from an unreachable host (a probe reached it).
  const connectivity = useConnectivity();
  const refusedHost = connectivity.state === 'cross-origin-refused' ? connectivity.host : undefined;
  return (
    <div className="rr-page">
      <h1>Sources</h1>
      {!online && <p className="rr-notice rr-notice-error">Offline: syncing waits for the network; everything cached stays readable.</p>}
      <ul className="rr-sources">
        {(sources ?? []).map((source) => (
          <SourceCard
            key={source.id}
            source={source}
            state={states.get(source.id)}
            canHide={source.kind === 'bundled' && anyGitSynced}
            crossOriginRefused={refusedHost !== undefined && source.location !== undefined && hostOf(source.location) === refusedHost}
          />
        ))}
      </ul>
      <ImportOfflineCopyPanel sources={sources ?? []} />
      <AddSourceForm onAdded={(id) => void sync.sync(id)} />
    </div>
  );
}
