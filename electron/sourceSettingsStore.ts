/**
 * The Git source settings the main process syncs from: one JSON file (sourceId → address, branch,
 * sub-folder) in the app's data folder beside the token file. The page names a source by id; where the
 * sync goes, and so where a token may go, is read here, never taken from a `sync:run` request.
 */
import path from 'node:path';
import type { SourceSettings } from '../core/desktop/ipcContract';
import { readJsonObject, serialQueue, writeJsonObject } from './jsonFile';

export const SOURCE_SETTINGS_FILE_NAME = 'git-sources.json';

export interface SourceSettingsStore {
  save(settings: SourceSettings): Promise<void>;
  /** Undefined when no settings were saved for the id. */
  get(sourceId: string): Promise<SourceSettings | undefined>;
  delete(sourceId: string): Promise<void>;
}

function asSettings(sourceId: string, value: unknown): SourceSettings | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { url, branch, subdir, pinnedSigningKeys, requireSignedCommits } = value as Record<string, unknown>;
  if (typeof url !== 'string') return undefined;
  return {
    sourceId,
    url,
    branch: typeof branch === 'string' ? branch : undefined,
    subdir: typeof subdir === 'string' ? subdir : undefined,
    pinnedSigningKeys: typeof pinnedSigningKeys === 'string' ? pinnedSigningKeys : undefined,
    requireSignedCommits: requireSignedCommits === true ? true : undefined,
  };
}

export function createSourceSettingsStore(filePath: string): SourceSettingsStore {
  const serialised = serialQueue();
  return {
    save({ sourceId, url, branch, subdir, pinnedSigningKeys, requireSignedCommits }) {
      return serialised(async () => {
        const data = await readJsonObject(filePath);
        // JSON leaves out the fields that are undefined.
        data[sourceId] = { url, branch, subdir, pinnedSigningKeys, requireSignedCommits };
        await writeJsonObject(filePath, data);
      });
    },
    get(sourceId) {
      return serialised(async () => {
        const data = await readJsonObject(filePath);
        return Object.hasOwn(data, sourceId) ? asSettings(sourceId, data[sourceId]) : undefined;
      });
    },
    delete(sourceId) {
      return serialised(async () => {
        const data = await readJsonObject(filePath);
        if (!Object.hasOwn(data, sourceId)) return;
        delete data[sourceId];
        await writeJsonObject(filePath, data);
      });
    },
  };
}

/** The app's store in its data folder (`app.getPath('userData')`). */
export function sourceSettingsFilePath(userDataPath: string): string {
  return path.join(userDataPath, SOURCE_SETTINGS_FILE_NAME);
}
