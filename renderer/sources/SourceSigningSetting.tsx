import { useState, type FormEvent } from 'react';
import type { SourceRecord } from '../../core/model';
import { syncSettingsOf } from '../../core/sync/gitSyncRequest';
import { parsePinnedSigningKeys } from '../../core/sync/pinnedSigningKeys';
import { useServices } from '../app/appServices';
import { PinnedKeysFields, pinnedKeysProblem } from './PinnedKeysFields';
import { SourceCardSettingButtons, SourceCardSettingSummary, useSourceCardSetting } from './SourceCardSetting';
import './sourceSigning.css';

/**
 * A Git source's pinned signing keys on its card: how many and whose, and a small form to change them.
 * A change applies from the next sync or import; "Sync now" checks the current commit against it.
 */
export function SourceSigningSetting({ source }: { source: SourceRecord }) {
  const { db, sourceTokens } = useServices();
  const [keys, setKeys] = useState('');
  const [requireSigned, setRequireSigned] = useState(false);
  const { editing, error, setError, saved, changeButton, startEditing, stopEditing, finishEditing } = useSourceCardSetting(() => {
    setKeys(source.pinnedSigningKeys ?? '');
    setRequireSigned(Boolean(source.requireSignedCommits));
  });

  const pinned = parsePinnedSigningKeys(source.pinnedSigningKeys ?? '').keys;

  async function save(event: FormEvent) {
    event.preventDefault();
    const problem = pinnedKeysProblem(keys);
    if (problem) {
      setError(problem);
      return;
    }
    const text = keys.trim() ? keys : undefined;
    const changes = { pinnedSigningKeys: text, requireSignedCommits: text && requireSigned ? true : undefined };
    try {
      await db.sources.update(source.id, changes);
      // Desktop: main syncs from its own copy of the settings.
      const registered = await sourceTokens.saveSettings(syncSettingsOf({ ...source, ...changes }));
      if (!registered.saved) throw new Error(registered.reason ?? 'the app could not save them');
    } catch (e) {
      setError(`The keys could not be saved: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    finishEditing(
      text ? 'Saved. The next sync or import checks its commit against these keys.' : 'Cleared. Commits are no longer checked.',
    );
  }

  if (!editing) {
    return (
      <SourceCardSettingSummary
        className="rr-source-signing"
        changeButton={changeButton}
        onChange={startEditing}
        saved={saved}
        changeLabel={`Change the pinned signing keys of ${source.name}`}
        changeText={pinned.length > 0 ? 'Change' : 'Pin keys'}
      >
        Pinned signing keys:{' '}
        {pinned.length > 0 ? (
          <>
            <strong>
              {pinned.length} {pinned.length === 1 ? 'key' : 'keys'}
            </strong>
            {pinned.some((key) => key.label) && ` (${pinned.map((key) => key.label || 'no name').join(', ')})`}
            <span className="rr-muted"> · unsigned commits {source.requireSignedCommits ? 'refused' : 'accepted, marked unsigned'}</span>
          </>
        ) : (
          <span className="rr-muted">none, commits are not checked</span>
        )}
      </SourceCardSettingSummary>
    );
  }

  return (
    <form
      className="rr-source-setting rr-source-signing rr-source-signing-editing"
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') stopEditing();
      }}
      noValidate
    >
      <PinnedKeysFields
        keys={keys}
        onKeysChange={setKeys}
        requireSigned={requireSigned}
        onRequireSignedChange={setRequireSigned}
        error={error}
        autoFocus
      />
      <div className="rr-source-signing-actions">
        <SourceCardSettingButtons onCancel={stopEditing} />
      </div>
    </form>
  );
}
