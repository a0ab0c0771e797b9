import { useEffect, useState } from 'react';
import { formatBytes } from '../../core/ingest/decodeRunbookText';

interface StorageInfo {
  usage?: number;
  quota?: number;
  persisted?: boolean;
  supported: boolean;
}

async function readStorage(): Promise<StorageInfo> {
  if (!navigator.storage?.estimate) return { supported: false };
  const [estimate, persisted] = await Promise.all([
    navigator.storage.estimate(),
    navigator.storage.persisted?.() ?? Promise.resolve(false),
  ]);
  const info: StorageInfo = { supported: true, persisted };
  if (estimate.usage !== undefined) info.usage = estimate.usage;
  if (estimate.quota !== undefined) info.quota = estimate.quota;
  return info;
}

/** How much space the offline copy uses, what is left, and whether the browser may evict it. */
export function StorageStatus() {
  const [info, setInfo] = useState<StorageInfo>();
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    void readStorage().then(setInfo);
  }, []);

  async function askPersist() {
    const granted = (await navigator.storage?.persist?.()) ?? false;
    setMessage(
      granted
        ? 'The browser will keep the offline copy.'
        : 'The browser declined; installing the app (Add to Home screen) usually allows it.',
    );
    setInfo(await readStorage());
  }

  if (!info) return null;
  if (!info.supported) return <p className="rr-muted">This browser does not report storage use.</p>;
  return (
    <div className="rr-storage">
      <p>
        Offline copy: <strong>{formatBytes(info.usage ?? 0)}</strong> used
        {info.quota !== undefined && <> of {formatBytes(info.quota)} available to this app</>}.
      </p>
      {info.persisted ? (
        <p className="rr-notice rr-notice-ok">Storage is persistent: the browser will not clear it to free space.</p>
      ) : (
        <div className="rr-notice rr-notice-error" role="note">
          <p>The browser may clear the offline copy when the device runs low on space.</p>
          <button type="button" className="rr-button" onClick={() => void askPersist()}>
            Keep the offline copy
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
