import { isRetiredStatus, readRunbookStatus } from '../../core/runbook/runbookStatus';

/**
 * A badge for any status other than active, so drafts and deprecated runbooks stand out. The status is
 * shown as written; its colour follows how the app reads it (core/runbook/runbookStatus), and a value
 * that is not a known status says how it is read.
 */
export function StatusBadge({ status }: { status?: string | undefined }) {
  const reading = readRunbookStatus(status);
  if (!status || (reading.known && reading.readAs === 'active')) return null;
  const tone = isRetiredStatus(reading.readAs) ? 'rr-badge-danger' : reading.readAs === 'draft' ? 'rr-badge-warn' : 'rr-badge-neutral';
  const title = reading.known ? undefined : `Not a known status; read as "${reading.readAs}"`;
  return (
    <span className={`rr-badge ${tone}`} title={title}>
      {status}
    </span>
  );
}
