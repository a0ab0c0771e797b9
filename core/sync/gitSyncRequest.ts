import { INGEST_VERSION } from '../ingest/ingestVersion';
import type { SourceRecord } from '../model';
import { normaliseSubdir } from './checkSourceSettings';
import type { GitSyncRequest } from './syncGitSource';

/**
 * Where a Git source syncs from: its address, branch (absent: the remote's default branch) and sub-folder
 * (normalised; absent: the repository root). The desktop main process keeps exactly this (`source:save`).
 */
export interface SourceSyncSettings {
  sourceId: string;
  url: string;
  branch?: string | undefined;
  subdir?: string | undefined;
  /** OpenSSH public keys the source's commits must be signed with; absent when none are pinned. */
  pinnedSigningKeys?: string | undefined;
  /** With pinned keys: unsigned commits are refused instead of applied and marked unsigned. */
  requireSignedCommits?: boolean | undefined;
}

/** Everything a sync request holds besides where the source syncs from: token, cache state, limits, callbacks. */
export type SyncRunOptions = Omit<GitSyncRequest, keyof SourceSyncSettings>;

/**
 * A source record's sync settings: an empty branch reads as the default branch, the sub-folder is
 * normalised and an empty one reads as the root. Throws `SyncError('invalid-source')` for a sub-folder
 * that leaves the repository.
 */
export function syncSettingsOf(
  source: Pick<SourceRecord, 'id' | 'location' | 'branch' | 'subdir' | 'pinnedSigningKeys' | 'requireSignedCommits'>,
): SourceSyncSettings {
  const settings: SourceSyncSettings = { sourceId: source.id, url: source.location ?? '' };
  if (source.branch) settings.branch = source.branch;
  const subdir = normaliseSubdir(source.subdir);
  if (subdir) settings.subdir = subdir;
  if (source.pinnedSigningKeys?.trim()) {
    settings.pinnedSigningKeys = source.pinnedSigningKeys;
    if (source.requireSignedCommits) settings.requireSignedCommits = true;
  }
  return settings;
}

/** What the cache holds of a source that a sync compares against. */
export interface CachedSourceState {
  /** The commit the cache holds; only a full commit id counts (the bundled set's version is a hash of its files). */
  previousCommit: string | undefined;
  /** Rows written by an older ingest are read again, once, even where the files did not change. */
  rereadAll: boolean;
}

export function cachedStateOf(source: Pick<SourceRecord, 'version' | 'ingestVersion'>): CachedSourceState {
  return {
    previousCommit: source.version !== undefined && /^[0-9a-f]{40}$/.test(source.version) ? source.version : undefined,
    rereadAll: source.version !== undefined && source.ingestVersion !== INGEST_VERSION,
  };
}

/**
 * The one mapping from a source's settings and a run's options to the engine's request; the browser
 * worker (through `runGitSync`), the desktop main process and the command line all build theirs here.
 */
export function gitSyncRequest(settings: SourceSyncSettings, run: SyncRunOptions): GitSyncRequest {
  return {
    ...run,
    sourceId: settings.sourceId,
    url: settings.url,
    branch: settings.branch || undefined,
    subdir: settings.subdir || undefined,
    pinnedSigningKeys: settings.pinnedSigningKeys || undefined,
    requireSignedCommits: settings.requireSignedCommits || undefined,
  };
}
