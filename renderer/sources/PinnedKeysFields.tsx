import { useId } from 'react';
import { describePinnedKeysProblems, parsePinnedSigningKeys } from '../../core/sync/pinnedSigningKeys';
import './sourceSigning.css';

interface Props {
  keys: string;
  onKeysChange: (keys: string) => void;
  requireSigned: boolean;
  onRequireSignedChange: (allow: boolean) => void;
  /** Why the keys cannot be saved, from `pinnedKeysProblem`. */
  error?: string | undefined;
  autoFocus?: boolean | undefined;
}

/** What is wrong with pinned keys as typed, in a sentence; undefined when they can be saved. */
export function pinnedKeysProblem(text: string): string | undefined {
  const { problems } = parsePinnedSigningKeys(text);
  return problems.length > 0 ? describePinnedKeysProblems(problems) : undefined;
}

/** The "Pinned signing keys" box and its unsigned-commits choice, in the add form and on a source's card. */
export function PinnedKeysFields({ keys, onKeysChange, requireSigned, onRequireSignedChange, error, autoFocus }: Props) {
  const hintId = useId();
  const errorId = useId();
  return (
    <>
      <label>
        <span>
          Pinned signing keys <span className="rr-muted">(optional)</span>
        </span>
        <textarea
          value={keys}
          onChange={(e) => onKeysChange(e.target.value)}
          placeholder="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… alice@example.com"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          rows={3}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
          // The person just asked to edit these keys.
          autoFocus={autoFocus}
        />
      </label>
      <p id={hintId} className="rr-muted rr-small">
        OpenSSH public keys, one a line, as in a <code>.pub</code> file or Git’s <code>allowed_signers</code>. A synced or imported commit
        signed by another key, or whose signature does not verify, is then refused and the copy already here stays (
        <code>git commit -S</code> with <code>gpg.format=ssh</code> signs one).
      </p>
      {keys.trim() && (
        <label className="rr-signing-checkbox">
          <input type="checkbox" checked={requireSigned} onChange={(e) => onRequireSignedChange(e.target.checked)} />
          <span>Refuse unsigned commits. Without this, an unsigned commit is applied and its pages say “unsigned”.</span>
        </label>
      )}
      {error && (
        <p id={errorId} className="rr-form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
