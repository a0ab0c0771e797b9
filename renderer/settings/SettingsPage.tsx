import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, readSettings, writeSetting } from '../../core/userdata/settings';
import { db } from '../app/database';
import { StorageStatus } from './StorageStatus';

/** Route `/settings`: chat workspace for contacts, and the offline storage. */
export function SettingsPage() {
  const settings = useLiveQuery(() => readSettings(db), []) ?? DEFAULT_SETTINGS;
  const [workspace, setWorkspace] = useState(settings.slackWorkspace);
  const [saved, setSaved] = useState(false);
  useEffect(() => setWorkspace(settings.slackWorkspace), [settings.slackWorkspace]);

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
            void writeSetting(db, 'slackWorkspace', workspace.trim()).then(() => setSaved(true));
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
      <section aria-labelledby="rr-settings-storage">
        <h2 id="rr-settings-storage">Offline storage</h2>
        <StorageStatus />
      </section>
    </div>
  );
}
