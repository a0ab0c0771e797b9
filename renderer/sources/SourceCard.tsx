import { hostOf } from '../../core/connectivity/judgeConnectivity';
import type { SourceRecord } from '../../core/model';
import { useServices } from '../app/appServices';
import { db } from '../app/database';
import { SaveOfflineCopyButton } from '../offlineCopy/SaveOfflineCopyButton';
import { ProvenanceLine } from '../runbook/ProvenanceLine';
import { notifySearchIndexChanged } from '../search/searchClient';
import type { SourceSyncState } from '../sync/syncClient';
import { removeGitSource } from './removeGitSource';
import { SkippedFiles } from './SkippedFiles';
import { SourceRegionSetting } from './SourceRegionSetting';
import { SourceSigningSetting } from './SourceSigningSetting';
import { CommitSignatureNote } from '../runbook/CommitSignatureNote';
import { SyncHistory } from './SyncHistory';

interface Props {
  source: SourceRecord;
  state?: SourceSyncState | undefined;
  /** The bundled set may be hidden only once another source has synced, so the library is never empty. */
  canHide: boolean;
  /**
   * Set (browser build) when the connectivity signal found this source's host answering a plain probe
   * although the sync could not read it: the host refuses this page's cross-origin requests.
   */
  crossOriginRefused?: boolean | undefined;
}

const PHASES: Record<string, string> = {
  connecting: 'Connecting',
  fetching: 'Downloading',
  reading: 'Comparing',
  parsing: 'Reading runbooks',
  done: 'Saving',
};

/** One source: where it comes from, how fresh it is, what the last sync changed or why it failed. */
export function SourceCard({ source, state, canHide, crossOriginRefused }: Props) {
  const git = source.kind === 'git';
  // Git sources and those imported from a zip can go; the runbooks shipped with the app can only be hidden.
  const removable = source.kind !== 'bundled';
  // The sync's own error cannot tell a CORS refusal from a dead network; when a probe found the host answering,
  // that is the reason to show instead of "could not reach".
  const corsReason = crossOriginRefused ? (
    <span data-testid="cross-origin-refused">
      {hostOf(source.location ?? '')} answers, but refuses requests from this page (CORS). The server must allow cross-origin requests from
      this site, or set a CORS proxy under Settings.
    </span>
  ) : undefined;
  const { sync, sourceTokens } = useServices();
  const commit = source.version && /^[0-9a-f]{40}$/.test(source.version) ? source.version.slice(0, 7) : undefined;

  async function remove() {
    if (!window.confirm(`Remove "${source.name}" and its cached runbooks? Bookmarks stay.`)) return;
    const store = await removeGitSource(source.id, {
      db,
      forgetToken: (id) => sourceTokens.forget(id),
      deleteObjectStore: (id) => sync.deleteObjectStore(id),
      notifyRemoved: notifySearchIndexChanged,
    });
    // The source is gone either way; leftover downloaded data only takes space, so it is not worth an alert.
    if (!store.deleted)
      console.warn(`Source "${source.name}" was removed, but its downloaded Git data was not: ${store.reason ?? 'unknown reason'}`);
  }

  // A source that never synced has no copy to fall back on; saying "the cached copy" would promise one.
  const whatIsShown = source.lastSyncAt ? 'The cached copy is still shown.' : 'Nothing from it is cached yet.';

  return (
    <li className="rr-source" aria-labelledby={`rr-source-${source.id}`}>
      <div className="rr-source-head">
        <h3 id={`rr-source-${source.id}`}>{source.name}</h3>
        <span className="rr-badge rr-badge-neutral">{source.kind}</span>
        {source.hidden && <span className="rr-badge rr-badge-warn">hidden</span>}
      </div>
      {git && (
        <p className="rr-source-where">
          <code>{source.location}</code>
          {source.branch && (
            <>
              {' '}
              · branch <code>{source.branch}</code>
            </>
          )}
          {source.subdir && (
            <>
              {' '}
              · folder <code>{source.subdir}</code>
            </>
          )}
        </p>
      )}
      <p>
        {source.lastSyncAt ? (
          <>
            Last {git ? 'successful sync' : 'loaded'}:{' '}
            <time dateTime={source.lastSyncAt}>{new Date(source.lastSyncAt).toLocaleString()}</time>
            {commit && (
              <>
                {' '}
                at commit <code title={source.version}>{commit}</code>
                <CommitSignatureNote source={source} />
              </>
            )}
          </>
        ) : (
          <span className="rr-muted">Not synced yet.</span>
        )}
      </p>
      <ProvenanceLine source={source} />
      <SourceRegionSetting source={source} />
      {git && <SourceSigningSetting source={source} />}
      {source.lastChange && git && (
        <p className="rr-muted">
          Last change: {source.lastChange.added} added, {source.lastChange.updated} updated, {source.lastChange.removed} removed.
        </p>
      )}
      <SkippedFiles sourceId={source.id} />
      {git && <SyncHistory sourceId={source.id} />}
      {unrecordedFailure(source, state) && (
        <p className="rr-notice rr-notice-error" role="alert">
          <strong>Last sync failed</strong>: {corsReason ?? unrecordedFailure(source, state)} {whatIsShown}
        </p>
      )}
      {source.lastError && (
        <p className="rr-notice rr-notice-error" role="alert">
          <strong>Last sync failed</strong> ({new Date(source.lastError.at).toLocaleString()}): {corsReason ?? source.lastError.message}{' '}
          {whatIsShown}
        </p>
      )}
      {!state?.running && state?.last?.ok === false && state.last.error.code === 'cancelled' && (
        <p className="rr-muted" role="status">
          Sync cancelled; nothing was changed.
        </p>
      )}
      {!state?.running && state?.last?.ok === false && state.last.error.code === 'already-running' && (
        <p className="rr-muted" role="status">
          {state.last.error.message}
        </p>
      )}
      {state?.running && (
        <p className="rr-sync-progress" role="status">
          {PHASES[state.progress?.phase ?? 'connecting'] ?? 'Syncing'}
          {state.progress?.percent !== undefined && ` ${Math.round(state.progress.percent)} %`}…
          <progress max={100} value={state.progress?.percent ?? undefined} aria-hidden="true" />
        </p>
      )}
      <div className="rr-toolbar">
        {git && (
          <button type="button" className="rr-button rr-button-primary" disabled={state?.running} onClick={() => void sync.sync(source.id)}>
            {state?.running ? 'Syncing…' : 'Sync now'}
          </button>
        )}
        {git && state?.running && (
          <button type="button" className="rr-button" onClick={() => sync.cancel(source.id)}>
            Cancel sync
          </button>
        )}
        {(removable || canHide || source.hidden) && (
          <button
            type="button"
            className="rr-button"
            aria-pressed={!!source.hidden}
            onClick={() => void db.sources.update(source.id, { hidden: !source.hidden })}
          >
            {source.hidden ? 'Show in library' : 'Hide from library'}
          </button>
        )}
        <SaveOfflineCopyButton source={source} />
        {removable && (
          <button type="button" className="rr-button rr-danger" onClick={() => void remove()}>
            Remove
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * A failure of this session's sync that the cache does not hold: when storage is full the record of the
 * failure cannot be written either, and the person must still be told.
 */
function unrecordedFailure(source: SourceRecord, state: SourceSyncState | undefined): string | undefined {
  const last = state?.last;
  if (state?.running || !last || last.ok || last.error.code === 'cancelled' || last.error.code === 'already-running') return undefined;
  return source.lastError?.message === last.error.message ? undefined : last.error.message;
}
