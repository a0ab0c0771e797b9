import { shortenUntrustedText } from '../text/untrustedText';

/** Longest message kept: the longest template with a long host name fits; a server's text is cut. */
const MAX_MESSAGE_LENGTH = 600;
/** Longest technical detail kept: enough to recognise the error, never a whole server answer. */
const MAX_DETAIL_LENGTH = 300;

/**
 * What went wrong with a sync, in categories the UI can show and act on (each has its own message;
 * the code is for logic and icons, the message is for people).
 *
 * - `offline`: this device has no network.
 * - `host-not-found`: the host name does not resolve or nothing answers there (or, in the browser, the
 *   server refused a cross-origin request).
 * - `auth-failed`: HTTP 401/403, or credentials were refused.
 * - `repo-not-found`: HTTP 404, or the URL is not a Git server.
 * - `branch-not-found`: the branch does not exist (or the repository has no commits).
 * - `subdir-missing`: the configured sub-folder is not in the fetched commit.
 * - `connection-cut`: the connection dropped part-way through.
 * - `timed-out`: no data arrived for the configured time.
 * - `storage-full`: the object store could not be written (ENOSPC, QuotaExceededError).
 * - `already-running`: a sync of this source is in progress; this one did not start.
 * - `cancelled`: the caller aborted the sync.
 * - `invalid-source`: the source settings cannot work (not an http(s) URL, credentials in the URL, bad sub-folder).
 * - `signature-refused`: the fetched commit is not signed as the source's pinned signing keys require.
 * - `unknown`: anything else; `detail` says what.
 */
export type SyncErrorCode =
  | 'offline'
  | 'host-not-found'
  | 'auth-failed'
  | 'repo-not-found'
  | 'branch-not-found'
  | 'subdir-missing'
  | 'connection-cut'
  | 'timed-out'
  | 'storage-full'
  | 'already-running'
  | 'cancelled'
  | 'invalid-source'
  | 'signature-refused'
  | 'unknown';

/**
 * The one error a sync rejects with. `message` is a sentence for the person using the app; `detail` is
 * the underlying technical message for logs. Neither ever contains the access token: messages are built
 * from templates that take no token, and `detail` has every form of the token removed.
 */
export class SyncError extends Error {
  override readonly name = 'SyncError';
  readonly detail?: string;

  constructor(
    readonly code: SyncErrorCode,
    message: string,
    detail?: string,
  ) {
    // Messages may quote what a server sent (a status text, a body); whatever it holds, what reaches the
    // screen, the command line's output and the stored last error is one short line.
    super(shortenUntrustedText(message, MAX_MESSAGE_LENGTH));
    if (detail !== undefined) this.detail = shortenUntrustedText(detail, MAX_DETAIL_LENGTH);
  }

  /** A plain object that survives structured cloning and IPC (class instances do not). */
  toJSON(): { code: SyncErrorCode; message: string; detail?: string } {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError;
}

/** The error for a sync stopped through its AbortSignal. */
export function syncCancelled(): SyncError {
  return new SyncError('cancelled', 'The sync was cancelled. Nothing was changed.');
}
