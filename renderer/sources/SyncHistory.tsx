import './sourceHistory.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { readSyncHistory, SYNC_HISTORY_LENGTH } from '../../core/cache/syncHistory';
import { db } from '../app/database';

/** A source's last syncs (time, commit, what each changed), newest first. */
export function SyncHistory({ sourceId }: { sourceId: string }) {
  const history = useLiveQuery(() => readSyncHistory(db, sourceId), [sourceId]);
  if (!history || history.length === 0) return null;
  return (
    <details className="rr-source-history">
      <summary>Sync history (last {Math.min(history.length, SYNC_HISTORY_LENGTH)})</summary>
      <div className="rr-table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Commit</th>
              <th scope="col">Added</th>
              <th scope="col">Updated</th>
              <th scope="col">Removed</th>
              <th scope="col">Skipped</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.id ?? entry.at}>
                <td>
                  <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
                </td>
                <td title={entry.version}>
                  <code>{/^[0-9a-f]{40}$/.test(entry.version) ? entry.version.slice(0, 7) : entry.version}</code>
                </td>
                <td>{entry.added}</td>
                <td>{entry.updated}</td>
                <td>{entry.removed}</td>
                <td>{entry.skipped}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
