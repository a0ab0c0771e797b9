import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { DEFAULT_SETTINGS, readSettings, writeSetting } from '../../core/userdata/settings';
import { usePlatform } from '../app/appServices';
import { db } from '../app/database';
import { saveUserData } from '../app/userDataWrites';
import { StorageStatus } from './StorageStatus';
import './settings.css';

/** Browser build: Git hosts that send no CORS headers can be reached through a proxy the team runs. */
function CorsProxySetting({ current }: { current: string }) {
  const [value, setValue] = useState(current);
  const [message, setMessage] = useState<string>();
  // A new saved value replaces the field's text, adjusted while rendering rather than in an effect.
  const [shownCurrent, setShownCurrent] = useState(current);
  if (shownCurrent !== current) {
    setShownCurrent(current);
    setValue(current);
  }
  return (
    <section aria-labelledby="rr-settings-cors">
      <h2 id="rr-settings-cors">CORS proxy for Git sync</h2>
      <p className="rr-muted">
        Needed in the browser only when the Git host does not allow cross-site requests. The desktop app never needs it.
      </p>
      <form
        className="rr-field"
        onSubmit={(e) => {
          e.preventDefault();
          const proxy = value.trim();
          if (proxy && !/^https?:\/\/[^\s]+$/.test(proxy)) {
            setMessage('Give the proxy as an http(s) address, for example https://cors.example.org');
            return;
          }
          saveUserData(
            'The CORS proxy setting',
            writeSetting(db, 'corsProxy', proxy).then(() => setMessage('Saved.')),
          );
        }}
      >
        <label htmlFor="rr-cors-proxy">Proxy address</label>
        <div className="rr-field-row">
          <input
            id="rr-cors-proxy"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="https://cors.example.org"
            spellCheck={false}
            autoComplete="off"
          />
          <button type="submit" className="rr-button">
            Save
          </button>
        </div>
        {message && <p role="status">{message}</p>}
      </form>
    </section>
  );
}

/** Images of other sites are fetched only with the user's consent: a fetch tells that site who reads what. */
function PrivacySetting({ loadExternalImages }: { loadExternalImages: boolean }) {
  return (
    <section aria-labelledby="rr-settings-privacy">
      <h2 id="rr-settings-privacy">Privacy</h2>
      <label className="rr-check-field">
        <input
          type="checkbox"
          checked={loadExternalImages}
          onChange={(e) => saveUserData('The image setting', writeSetting(db, 'loadExternalImages', e.target.checked))}
        />
        Load images from other sites
      </label>
      <p className="rr-muted">
        Off: runbooks show only the images synced with them. On: images linked from other sites are fetched when a runbook is open and the
        network is there, and those sites can see it.
      </p>
    </section>
  );
}

/** Route `/settings`: chat workspace for contacts, privacy, and the offline storage. */
export function SettingsPage() {
  const settings = useLiveQuery(() => readSettings(db), []) ?? DEFAULT_SETTINGS;
  const platform = usePlatform();
  const [workspace, setWorkspace] = useState(settings.slackWorkspace);
  const [saved, setSaved] = useState(false);
  const [shownWorkspace, setShownWorkspace] = useState(settings.slackWorkspace);
  if (shownWorkspace !== settings.slackWorkspace) {
    setShownWorkspace(settings.slackWorkspace);
    setWorkspace(settings.slackWorkspace);
  }

  return (
    <div className="rr-page">
      <h1>Settings</h1>
      <section aria-labelledby="rr-settings-chat">
        <h2 id="rr-settings-chat">Chat workspace</h2>
        <p className="rr-muted">Slack channels named in runbooks (like #ops-team) open in this workspace. Leave empty to only copy them.</p>
        <form
          className="rr-field"
          onSubmit={(e) => {
            e.preventDefault();
            saveUserData(
              'The Slack workspace setting',
              writeSetting(db, 'slackWorkspace', workspace.trim()).then(() => setSaved(true)),
            );
          }}
        >
          <label htmlFor="rr-slack-workspace">Slack workspace</label>
          <div className="rr-field-row">
            <input
              id="rr-slack-workspace"
              value={workspace}
              placeholder="clipper or clipper.slack.com"
              onChange={(e) => (setWorkspace(e.target.value), setSaved(false))}
              autoComplete="off"
              spellCheck={false}
            />
            <button type="submit" className="rr-button">
              Save
            </button>
          </div>
          {saved && <p role="status">Saved.</p>}
        </form>
      </section>
      {platform.kind === 'web' && <CorsProxySetting current={settings.corsProxy} />}
      <PrivacySetting loadExternalImages={settings.loadExternalImages} />
      <section aria-labelledby="rr-settings-storage">
        <h2 id="rr-settings-storage">Offline storage</h2>
        <StorageStatus />
      </section>
    </div>
  );
}
