/** A badge for any status other than active, so drafts and deprecated runbooks stand out. */
export function StatusBadge({ status }: { status?: string | undefined }) {
  if (!status || status === 'active') return null;
  const tone = status === 'deprecated' || status === 'archived' ? 'rr-badge-danger' : status === 'draft' ? 'rr-badge-warn' : 'rr-badge-neutral';
  return <span className={`rr-badge ${tone}`}>{status}</span>;
}
