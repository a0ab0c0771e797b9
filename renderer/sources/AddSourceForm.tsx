import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { normaliseRegion } from '../../core/contacts/phoneRegion';
import type { SourceRecord } from '../../core/model';
import { checkRepositoryUrl, normaliseSubdir } from '../../core/sync/checkSourceSettings';
import { syncSettingsOf } from '../../core/sync/gitSyncRequest';
import { insecureTokenAddress } from '../../core/sync/tokenBinding';
import { readSettings } from '../../core/userdata/settings';
import { useServices } from '../app/appServices';
import { whenIdle } from '../app/useProgressiveCount';
import { PinnedKeysFields, pinnedKeysProblem } from './PinnedKeysFields';

interface Props {
  onAdded: (sourceId: string) => void;
}

/** Adds a Git source: an https address, optional branch, sub-folder, access token and a display name. */
export function AddSourceForm({ onAdded }: Props) {
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [branch, setBranch] = useState('');
  const [subdir, setSubdir] = useState('');
  const [token, setToken] = useState('');
  const [region, setRegion] = useState('');
  const [trustProxy, setTrustProxy] = useState(false);
  const [pinnedKeys, setPinnedKeys] = useState('');
  const [requireSigned, setRequireSigned] = useState(false);
  const [keysError, setKeysError] = useState<string>();
  const [error, setError] = useState<string>();
  const { db, sourceTokens, sync } = useServices();
  // The sync worker starts while the form is filled in, so "Add and sync" does not wait for it.
  useEffect(() => whenIdle(() => sync.prepare()), [sync]);
  // Browser build only: the CORS proxy the token would pass through, if one is set.
  const corsProxy =
    useLiveQuery(async () => (sourceTokens.usesCorsProxy ? (await readSettings(db)).corsProxy : ''), [db, sourceTokens]) ?? '';
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const keysProblem = pinnedKeysProblem(pinnedKeys);
    setKeysError(keysProblem);
    if (keysProblem) return;
    let location: string;
    let folder: string;
    try {
      location = checkRepositoryUrl(url.trim()).toString();
      folder = normaliseSubdir(subdir);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    if (region.trim() && !normaliseRegion(region)) {
      setError(`“${region.trim()}” is not a region code: use two letters, such as GB, DE or US.`);
      return;
    }
    const insecure = token.trim() ? insecureTokenAddress(location) : undefined;
    if (insecure) {
      setError(insecure);
      return;
    }
    setBusy(true);
    try {
      const id = `git-${crypto.randomUUID().slice(0, 8)}`;
      const displayName = name.trim() || location.replace(/^https?:\/\//, '').replace(/\.git$/, '');
      const source: SourceRecord = {
        id,
        kind: 'git',
        name: displayName,
        location,
        branch: branch.trim() || undefined,
        subdir: folder || undefined,
        region: normaliseRegion(region),
        pinnedSigningKeys: pinnedKeys.trim() ? pinnedKeys : undefined,
        requireSignedCommits: pinnedKeys.trim() && requireSigned ? true : undefined,
      };
      await db.sources.put(source);
      // Desktop: main syncs from its own copy of the settings, and binds the token to their origin.
      const registered = await sourceTokens.saveSettings(syncSettingsOf(source));
      if (!registered.saved) {
        setError(`The source was added, but the app could not save its address: ${registered.reason ?? 'unknown reason'}.`);
      } else if (token.trim()) {
        const saved = await sourceTokens.save({ id, location }, token.trim(), corsProxy && trustProxy ? corsProxy : undefined);
        if (!saved.stored) setError(`The source was added, but its token was not stored: ${saved.reason ?? 'unknown reason'}.`);
      }
      setUrl('');
      setName('');
      setBranch('');
      setSubdir('');
      setToken('');
      setRegion('');
      setTrustProxy(false);
      setPinnedKeys('');
      setRequireSigned(false);
      onAdded(id);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="rr-source-form" onSubmit={(e) => void submit(e)} aria-labelledby="rr-add-source">
      <h2 id="rr-add-source">Add a Git source</h2>
      <label>
        Repository address (https)
        <input
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://github.com/acme/runbooks.git"
          required
          spellCheck={false}
          autoComplete="off"
          inputMode="url"
        />
      </label>
      <label>
        Display name <span className="rr-muted">(optional)</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Platform runbooks" />
      </label>
      <div className="rr-form-pair">
        <label>
          Branch <span className="rr-muted">(default: the repository’s)</span>
          <input value={branch} onChange={(e) => setBranch(e.target.value)} placeholder="main" spellCheck={false} autoComplete="off" />
        </label>
        <label>
          Sub-folder <span className="rr-muted">(optional)</span>
          <input
            value={subdir}
            onChange={(e) => setSubdir(e.target.value)}
            placeholder="docs/operations/runbooks"
            spellCheck={false}
            autoComplete="off"
          />
        </label>
      </div>
      <label>
        Phone region <span className="rr-muted">(for numbers written without +, such as GB or DE)</span>
        <input
          value={region}
          onChange={(e) => setRegion(e.target.value)}
          placeholder="GB"
          maxLength={2}
          spellCheck={false}
          autoComplete="off"
        />
      </label>
      <label>
        Access token <span className="rr-muted">(private repositories)</span>
        <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
      </label>
      <p className="rr-muted rr-small">{sourceTokens.storageNote}</p>
      {corsProxy && (
        <label className="rr-checkbox">
          <input type="checkbox" checked={trustProxy} onChange={(e) => setTrustProxy(e.target.checked)} />
          Send the token through the CORS proxy <code>{corsProxy}</code> too. Tick this only if you trust whoever runs that proxy: it can
          read the token. Without it, the token is not sent while the proxy is in use.
        </label>
      )}
      <PinnedKeysFields
        keys={pinnedKeys}
        onKeysChange={setPinnedKeys}
        requireSigned={requireSigned}
        onRequireSignedChange={setRequireSigned}
        error={keysError}
      />
      {error && (
        <p className="rr-form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="rr-button rr-button-primary" disabled={busy}>
        Add and sync
      </button>
    </form>
  );
}
