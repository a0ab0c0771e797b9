import git, { type HttpClient } from 'isomorphic-git';
import { branchNotFound, classifySyncError, damagedDownload } from './classifySyncError';
import { followRedirects } from './followRedirects';
import { guardHttp, type TransferLimits } from './guardHttp';
import { SyncError, syncCancelled } from './syncError';
import { decideTokenUse, type SourceToken } from './tokenBinding';
import { verifyFetchedPack } from './verifyFetchedPack';
import { asGitFs, beginFetch, commitFetch, namePacksInArrivalOrder, packsAddedSince, rollbackFetch } from './objectStore';
import { withThinPack } from './requestThinPack';
import type { ObjectStoreFs } from './objectStoreFs';

export interface FetchCommitRequest {
  fs: ObjectStoreFs;
  http: HttpClient;
  gitdir: string;
  cache: object;
  url: string;
  branch?: string | undefined;
  /** Sent only to its own origin (see `decideTokenUse`). */
  token?: SourceToken | undefined;
  username?: string | undefined;
  corsProxy?: string | undefined;
  corsProxyTrusted?: boolean | undefined;
  /** A commit the store holds, offered to the server so it sends only what changed since. */
  have?: string | undefined;
  /**
   * How many commits of history to fetch: 1 (the default) for a sync; `FULL_HISTORY` asks for every commit
   * behind the branch, as `git fetch --unshallow` does, so the store can make a bundle `git clone` accepts.
   */
  depth?: number | undefined;
  timeoutMs: number;
  /** Overall deadline and minimum rate of the download. */
  limits?: TransferLimits | undefined;
  signal?: AbortSignal | undefined;
  online?: boolean | undefined;
  /** Progress of the download and of indexing the pack, 0–100, when known. */
  onPercent?: ((percent: number | undefined) => void) | undefined;
  /**
   * Called with the fetched commit once its objects are in the store but before the store keeps them; a
   * throw (a `SyncError`) rolls the fetch back, as any failure does. The signature check goes here.
   */
  acceptCommit?: ((commit: string) => Promise<void>) | undefined;
}

export interface FetchedCommit {
  commit: string;
  /** The branch fetched, e.g. `main` (the remote's default when none was asked for). */
  branch: string;
}

/** The depth `git fetch --unshallow` sends: Git's own way of asking for the whole history. */
export const FULL_HISTORY = 2147483647;

/** Stages of isomorphic-git's fetch progress and the share of the bar each gets. */
const FETCH_STAGES: Record<string, [from: number, to: number]> = {
  'Enumerating objects': [0, 5],
  'Counting objects': [5, 10],
  'Compressing objects': [10, 20],
  'Receiving objects': [20, 85],
  'Resolving deltas': [85, 100],
};

/**
 * One shallow (depth 1), single-branch fetch of `branch` (or the remote's default branch, via its HEAD)
 * into the object store, without checkout. On any failure the store is rolled back to how it was, so
 * the next sync starts from a good store; the failure is thrown as a classified `SyncError`.
 */
export async function fetchCommit(request: FetchCommitRequest): Promise<FetchedCommit> {
  const { fs, gitdir, cache, url, branch, token, timeoutMs, signal } = request;
  const { credentials, withheld } = decideTokenUse(request);
  const guard = guardHttp(withThinPack(followRedirects(request.http)), { timeoutMs, ...request.limits, signal });
  const secrets = token ? secretForms(token.value, credentials?.username ?? '', credentials?.password ?? '') : [];
  let highest = 0;

  const packsBefore = await beginFetch(fs, gitdir);
  try {
    const result = await git.fetch({
      fs: asGitFs(fs),
      http: guard.http,
      gitdir,
      cache,
      url,
      ref: request.have || undefined,
      remoteRef: branch ?? 'HEAD',
      singleBranch: true,
      depth: request.depth ?? 1,
      tags: false,
      corsProxy: request.corsProxy || undefined,
      // Called only when the server answers 401; a second 401 is final (no onAuthFailure), so a wrong token
      // is reported instead of retried.
      onAuth: credentials ? () => ({ ...credentials }) : undefined,
      onProgress: (event) => {
        const stage = FETCH_STAGES[event.phase];
        if (!stage || !request.onPercent) return;
        const share = event.total ? Math.min(event.loaded / event.total, 1) : 0;
        const percent = Math.round(stage[0] + (stage[1] - stage[0]) * share);
        if (percent > highest) {
          highest = percent;
          request.onPercent(percent);
        }
      },
    });
    if (signal?.aborted) throw syncCancelled();
    if (!result.fetchHead) throw branchNotFound(branch);
    const added = await packsAddedSince(fs, gitdir, packsBefore);
    for (const pack of added) {
      const problem = await verifyFetchedPack(fs, gitdir, pack);
      if (problem?.kind === 'damaged') throw damagedDownload(new URL(url).hostname, problem.reason);
      if (problem) {
        throw new SyncError(
          'connection-cut',
          `The download from ${new URL(url).hostname} ended before it was complete. Nothing was changed; sync again when the connection is stable.`,
          problem.reason,
        );
      }
    }
    await request.acceptCommit?.(result.fetchHead);
    await namePacksInArrivalOrder(fs, gitdir, added);
    await commitFetch(fs, gitdir);
    return { commit: result.fetchHead, branch: branch ?? shortBranch(result.defaultBranch) ?? 'HEAD' };
  } catch (error) {
    // Whatever the abort broke on its way out (a cut body that no longer parses), a cancel is a cancel.
    const failure = signal?.aborted
      ? syncCancelled()
      : classifySyncError(error, {
          url,
          branch,
          tokenSent: credentials !== undefined,
          tokenWithheld: withheld,
          packStarted: guard.packStarted,
          online: request.online,
          secrets,
        });
    try {
      await rollbackFetch(fs, gitdir);
    } catch {
      // The marker stays, so the next sync rolls back before it fetches.
    }
    throw failure;
  } finally {
    guard.dispose();
  }
}

function shortBranch(ref: string | null | undefined): string | undefined {
  if (!ref) return undefined;
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}

/** The token as it may appear in a technical message: plain, URL-encoded, or inside a Basic header. */
export function secretForms(token: string, username: string, password: string): string[] {
  const forms = [token, encodeURIComponent(token)];
  try {
    forms.push(btoa(`${username}:${password}`));
  } catch {
    // btoa refuses non-Latin-1 text; such a token cannot appear base64-encoded by this code either.
  }
  return forms;
}
