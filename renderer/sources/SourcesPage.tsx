import { useServices } from '../app/appServices';
import { useSources } from '../app/cacheQueries';
import { useOnline } from '../app/useOnline';
import { ImportOfflineCopyPanel } from '../offlineCopy/ImportOfflineCopyPanel';
import { useSyncStates } from '../sync/useSyncStates';
import { AddSourceForm } from './AddSourceForm';
import { SourceCard } from './SourceCard';

/** Route `/sources`: where the runbooks come from, how fresh each source is, and adding Git sources. */
export function SourcesPage() {
  const sources = useSources();
  const states = useSyncStates();
  const { sync } = useServices();
  const online = useOnline();
  const anyGitSynced = (sources ?? []).some((s) => s.kind === 'git' && s.version);
  return (
    <div className="rr-page">
      <h1>Sources</h1>
      {!online && <p className="rr-notice rr-notice-error">Offline: syncing waits for the network; everything cached stays readable.</p>}
      <ul className="rr-sources">
        {(sources ?? []).map((source) => (
          <SourceCard key={source.id} source={source} state={states.get(source.id)} canHide={source.kind === 'bundled' && anyGitSynced} />
        ))}
      </ul>
      <ImportOfflineCopyPanel sources={sources ?? []} />
      <AddSourceForm onAdded={(id) => void sync.sync(id)} />
    </div>
  );
}
