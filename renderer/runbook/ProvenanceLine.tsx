import type { SourceRecord } from '../../core/model';
import { describeProvenance } from '../../core/offlineCopy/describeProvenance';
import '../offlineCopy/offlineCopy.css';

/**
 * "Imported from runbooks.bundle on 4 Dec, commit 1a2b3c4, committed 3 Dec 09:12" on every page of a
 * source whose cache came from an offline copy; gone once a sync brings another version.
 */
export function ProvenanceLine({ source }: { source?: SourceRecord | undefined }) {
  const provenance = source?.importedFrom;
  if (!provenance || provenance.version !== source.version) return null;
  return (
    <p className="rr-provenance" data-testid="provenance">
      {describeProvenance(provenance)}
    </p>
  );
}
