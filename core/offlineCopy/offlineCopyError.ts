import { shortenUntrustedText } from '../text/untrustedText';

/** Longest message kept: ref names and branch lists come from the file, so they are cut to one line. */
const MAX_MESSAGE_LENGTH = 600;

/**
 * Why an offline copy (a Git bundle or a zip) was not imported. Every import that fails throws one of
 * these and changes nothing; `message` is one line a person can act on.
 *
 * - `too-large`: the file is over the size limit (checked before it is read).
 * - `not-an-offline-copy`: neither a Git bundle nor a zip.
 * - `truncated`: the file ends before its header or its pack does.
 * - `damaged`: the pack's checksum or object count does not match it, or the chosen commit or something in
 *   its tree is not in it (an object whose content does not match its id is such a missing object).
 * - `thin-bundle`: the bundle builds on commits this device does not have (its prerequisites).
 * - `no-branch`: the bundle holds no branch.
 * - `choose-branch`: the bundle holds several branches and none was chosen; the message lists them.
 * - `branch-not-found`: the chosen branch is not in the bundle.
 * - `unsupported`: a bundle feature this reader cannot use (SHA-256 objects, a filtered bundle), or a zip
 *   feature (encryption, ZIP64, a compression method other than deflate).
 * - `unsafe-zip`: a zip entry that would land outside its folder (`..`, an absolute path) or a symbolic link.
 * - `zip-bomb`: a zip with more entries or more unpacked bytes than the limits (declared or found inflating).
 * - `older-commit`: the bundle's commit is older than, or unrelated to, the commit already here.
 * - `subdir-missing`: the chosen sub-folder is not in the bundle's commit.
 * - `signature-refused`: the source pins signing keys and the bundle's commit is not signed by one of them
 *   (or is unsigned, or is a zip, which holds no signature).
 */
export type OfflineCopyErrorCode =
  | 'too-large'
  | 'not-an-offline-copy'
  | 'truncated'
  | 'damaged'
  | 'thin-bundle'
  | 'no-branch'
  | 'choose-branch'
  | 'branch-not-found'
  | 'unsupported'
  | 'unsafe-zip'
  | 'zip-bomb'
  | 'older-commit'
  | 'subdir-missing'
  | 'signature-refused';

/** A commit as the person sees it when choosing between two: its id and when it was committed. */
export interface CommitWhen {
  commit: string;
  /** ISO 8601; undefined when the commit is not on this device. */
  committedAt?: string | undefined;
}

export class OfflineCopyError extends Error {
  override readonly name = 'OfflineCopyError';

  constructor(
    readonly code: OfflineCopyErrorCode,
    message: string,
    /** For `choose-branch`: the branches the bundle holds. For `older-commit`: the two commits. */
    readonly details: {
      branches?: string[] | undefined;
      imported?: CommitWhen | undefined;
      current?: CommitWhen | undefined;
    } = {},
  ) {
    super(shortenUntrustedText(message, MAX_MESSAGE_LENGTH));
  }

  /** A plain object that survives structured cloning and IPC. */
  toJSON(): { code: OfflineCopyErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}
