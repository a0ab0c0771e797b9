import type { CommitSignatureMark } from '../model';
import { describePinnedKeysProblems, parsePinnedSigningKeys, sshKeyFingerprint } from './pinnedSigningKeys';
import { readSshSignature } from './readSshSignature';
import { splitSignedCommit } from './splitSignedCommit';
import { sameBytes } from './sshWireReader';
import { verifySshSignature } from './verifySshSignature';

/** A source's signing settings, as the person set them (`SourceRecord.pinnedSigningKeys`, `requireSignedCommits`). */
export interface SigningPolicy {
  pinnedKeys?: string | undefined;
  requireSigned?: boolean | undefined;
}

/**
 * - `not-pinned`: signed by a key the source does not pin.
 * - `bad-signature`: signed with a pinned key (or claims to be), but the signature does not verify or cannot be read.
 * - `unsigned`: the source pins keys and requires signed commits (the strict option).
 * - `bad-keys`: the pinned keys themselves cannot be read.
 */
export type SignatureRefusal = 'not-pinned' | 'bad-signature' | 'unsigned' | 'bad-keys';

export type CommitSignatureVerdict =
  { accepted: true; mark: CommitSignatureMark } | { accepted: false; refusal: SignatureRefusal; message: string };

/** Git's namespace for signed commits and tags (`ssh-keygen -Y sign -n git`). */
const GIT_NAMESPACE = 'git';

/**
 * Decides whether a commit may be applied to a source with these signing settings, and how it is marked.
 * Without pinned keys nothing is refused: a commit is marked `unsigned` or `not-checked`. With pinned keys
 * a commit must carry an SSH signature made by one of them that verifies over the commit's exact bytes;
 * an unsigned commit is applied and marked `unsigned` (the person sees it), unless `requireSigned`: a
 * team that wants no commit without a signature opts into refusing it.
 */
export async function checkCommitSignature(
  commitId: string,
  rawCommit: Uint8Array,
  policy: SigningPolicy,
): Promise<CommitSignatureVerdict> {
  const short = commitId.slice(0, 7);
  const { keys, problems } = parsePinnedSigningKeys(policy.pinnedKeys ?? '');
  if (problems.length > 0) {
    return {
      accepted: false,
      refusal: 'bad-keys',
      message: `${describePinnedKeysProblems(problems)} Fix the source's pinned keys; nothing was changed.`,
    };
  }
  const { payload, signature } = splitSignedCommit(rawCommit);
  if (signature === undefined) {
    if (keys.length === 0 || !policy.requireSigned) return { accepted: true, mark: { status: 'unsigned', commit: commitId } };
    return {
      accepted: false,
      refusal: 'unsigned',
      message: `Commit ${short} is unsigned, and this source requires commits signed by its pinned keys. Nothing was changed.`,
    };
  }
  if (keys.length === 0) return { accepted: true, mark: { status: 'not-checked', commit: commitId } };
  const parsed = readSshSignature(signature);
  if (typeof parsed === 'string') {
    return {
      accepted: false,
      refusal: 'bad-signature',
      message: `The signature of commit ${short} cannot be checked: ${parsed}. Nothing was changed.`,
    };
  }
  const fingerprint = await sshKeyFingerprint(parsed.publicKey);
  const key = keys.find((pinned) => sameBytes(pinned.blob, parsed.publicKey));
  if (!key) {
    return {
      accepted: false,
      refusal: 'not-pinned',
      message: `Commit ${short} is signed by a key that is not pinned for this source (${fingerprint}). Nothing was changed; pin that key in the source's settings if you trust it.`,
    };
  }
  const check = await verifySshSignature(parsed, payload, key, GIT_NAMESPACE);
  if (!check.verified && check.unsupported) {
    return {
      accepted: false,
      refusal: 'bad-signature',
      message: `Commit ${short} cannot be checked here: ${check.reason}. Nothing was changed.`,
    };
  }
  if (!check.verified) {
    return {
      accepted: false,
      refusal: 'bad-signature',
      message: `The signature of commit ${short} does not verify (${check.reason}): the commit or its signature was altered. Nothing was changed.`,
    };
  }
  return { accepted: true, mark: { status: 'signed', commit: commitId, signer: key.label || fingerprint, fingerprint } };
}
