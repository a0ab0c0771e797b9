import { useState } from 'react';
import type { SourceRecord } from '../../core/model';
import { saveOfflineCopy } from './offlineCopyClient';
import type { SaveResult } from './saveResult';

/**
 * "Save offline copy" on a Git source's card: a bundle of the commit the cache holds, to hand to someone
 * whose Git host is out of reach. Shown once the source holds a commit.
 */
export function SaveOfflineCopyButton({ source }: { source: SourceRecord }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SaveResult | undefined>();
  if (source.kind !== 'git' || !source.version || !/^[0-9a-f]{40}$/.test(source.version)) return null;

  async function save() {
    setBusy(true);
    setResult(undefined);
    setResult(await saveOfflineCopy(source));
    setBusy(false);
  }

  return (
    <>
      <button type="button" className="rr-button" disabled={busy} onClick={() => void save()}>
        {busy ? 'Saving…' : 'Save offline copy'}
      </button>
      {result && !(result.ok === false && result.cancelled) && (
        <p className={`rr-source-save-note rr-small ${result.ok ? 'rr-muted' : 'rr-notice rr-notice-error'}`} role="status">
          {result.ok ? describeSaved(result) : `Not saved: ${result.message}`}
        </p>
      )}
    </>
  );
}

function describeSaved(result: Extract<SaveResult, { ok: true }>): string {
  if (!result.partialHistory) return `Saved ${result.fileName}, with the whole history: git clone and Runbook Reader both read it.`;
  const why = result.historyNotFetched
    ? `its history could not be fetched (${result.historyNotFetched.replace(/\.$/, '')})`
    : 'this device holds only its latest commits';
  return `Saved ${result.fileName}, but ${why}: Runbook Reader on any device imports it, git clone refuses it. Save again once the Git host is reachable for a copy git clone accepts.`;
}
