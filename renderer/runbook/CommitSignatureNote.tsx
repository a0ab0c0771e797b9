import type { SourceRecord } from '../../core/model';
import '../sources/sourceSigning.css';

/**
 * " · signed by alice@ops" / " · unsigned" beside a source's commit, for the commit the cache holds:
 * whether that commit carried a signature from one of the source's pinned keys.
 */
export function CommitSignatureNote({ source }: { source: SourceRecord }) {
  const mark = source.signature;
  if (!mark || mark.commit !== source.version) return null;
  if (mark.status === 'signed') {
    return (
      <span className="rr-signature rr-signature-signed" data-testid="commit-signature" title={`Key ${mark.fingerprint}`}>
        {' '}
        · <span aria-hidden="true">✓ </span>signed by {mark.signer}
      </span>
    );
  }
  return (
    <span className="rr-signature rr-muted" data-testid="commit-signature">
      {' '}
      · {mark.status === 'unsigned' ? 'unsigned' : 'signed, not checked (no pinned keys)'}
    </span>
  );
}
