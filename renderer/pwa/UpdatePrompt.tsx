import { useState, useSyncExternalStore } from 'react';
import { installUpdate, isUpdateReady, onUpdateReady } from './registerServiceWorker';

/** "Update available": offered, never forced, so nobody loses their place mid-procedure. */
export function UpdatePrompt() {
  const ready = useSyncExternalStore(onUpdateReady, isUpdateReady, () => false);
  const [dismissed, setDismissed] = useState(false);
  if (!ready || dismissed) return null;
  return (
    <div className="rr-toast" role="status">
      <span>A new version of Runbook Reader is available.</span>
      <button type="button" className="rr-button rr-button-primary" onClick={installUpdate}>
        Reload to update
      </button>
      <button type="button" className="rr-button" onClick={() => setDismissed(true)}>
        Later
      </button>
    </div>
  );
}
