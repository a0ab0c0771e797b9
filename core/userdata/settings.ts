import type { RunbookDatabase } from '../cache/runbookDatabase';

/** The user's settings and their defaults. Stored one row per key in the `settings` table. */
export interface Settings {
  /** Slack workspace (e.g. `clipper` or `clipper.slack.com`) that `#channel` contacts open in. */
  slackWorkspace: string;
  /** Minutes between background syncs while online; 0 turns periodic sync off. */
  syncIntervalMinutes: number;
  /** Browser build only: URL prefix of a CORS proxy for Git hosts that send no CORS headers. */
  corsProxy: string;
  /** Show images runbooks link from other sites (off: nothing is fetched, which would tell those sites who reads what). */
  loadExternalImages: boolean;
}

export const DEFAULT_SETTINGS: Settings = { slackWorkspace: '', syncIntervalMinutes: 15, corsProxy: '', loadExternalImages: false };

export async function readSettings(db: RunbookDatabase): Promise<Settings> {
  const rows = await db.settings.bulkGet(Object.keys(DEFAULT_SETTINGS));
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!row || !(row.key in DEFAULT_SETTINGS)) continue;
    const key = row.key as keyof Settings;
    if (typeof row.value === typeof DEFAULT_SETTINGS[key]) (settings as unknown as Record<string, unknown>)[key] = row.value;
  }
  return settings;
}

export async function writeSetting<K extends keyof Settings>(db: RunbookDatabase, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
