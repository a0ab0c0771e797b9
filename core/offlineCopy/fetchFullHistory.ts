import type { HttpClient } from 'isomorphic-git';
import { fetchCommit, FULL_HISTORY } from '../sync/fetchCommit';
import { SyncError } from '../sync/syncError';
import { DEFAULT_SYNC_TIMEOUT_MS } from '../sync/syncGitSource';
import type { SyncSlot } from '../sync/syncHost';
import type { SourceToken } from '../sync/tokenBinding';

/** Brings the whole history behind `commit` into the slot's object store; throws a `SyncError` when it cannot. */
export type HistoryFetcher = (slot: SyncSlot, commit: string) => Promise<void>;

export interface FullHistorySource {
  url: string;
  branch?: string | undefined;
  token?: SourceToken | undefined;
  corsProxy?: string | undefined;
  corsProxyTrusted?: boolean | undefined;
  http: HttpClient;
  isOnline?: (() => boolean) | undefined;
}

/**
 * A sync fetches the latest commit only, so a bundle of it names the parent as a prerequisite and
 * `git clone` refuses it. Before saving, this fetches the rest of the branch's history from the source's
 * own host, as `git fetch --unshallow` does, with the same token rules and rollback as a sync. It changes
 * only the object store (never the cache): a later sync simply has more history to hand.
 */
export function fullHistoryFetcher(source: FullHistorySource): HistoryFetcher {
  return async (slot, commit) => {
    const online = source.isOnline?.();
    if (online === false) throw new SyncError('offline', 'this device is offline');
    await fetchCommit({
      fs: slot.fs,
      http: source.http,
      gitdir: slot.gitdir,
      cache: slot.cache,
      url: source.url,
      branch: source.branch || undefined,
      token: source.token,
      corsProxy: source.corsProxy || undefined,
      corsProxyTrusted: source.corsProxyTrusted,
      have: commit,
      depth: FULL_HISTORY,
      timeoutMs: DEFAULT_SYNC_TIMEOUT_MS,
      signal: slot.signal,
      online,
    });
  };
}
