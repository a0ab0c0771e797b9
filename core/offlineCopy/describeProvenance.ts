import type { OfflineCopyProvenance } from '../model';

/**
 * The provenance line a page shows for an imported copy:
 * "Imported from runbooks.bundle on 4 Dec, commit 1a2b3c4, committed 3 Dec 09:12". Dates are in the
 * reader's time zone (`timeZone` for tests); the year is shown only when it is not the current one.
 */
export function describeProvenance(provenance: OfflineCopyProvenance, options: { now?: Date; timeZone?: string } = {}): string {
  const now = options.now ?? new Date();
  const day = (iso: string) => {
    const date = new Date(iso);
    const sameYear = yearOf(date, options.timeZone) === yearOf(now, options.timeZone);
    return date.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: sameYear ? undefined : 'numeric',
      timeZone: options.timeZone,
    });
  };
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: options.timeZone });
  const parts = [`Imported from ${provenance.fileName} on ${day(provenance.importedAt)}`];
  if (provenance.commit) parts.push(`commit ${provenance.commit.slice(0, 7)}`);
  if (provenance.committedAt) parts.push(`committed ${day(provenance.committedAt)} ${time(provenance.committedAt)}`);
  if (provenance.kind === 'zip') parts.push('a zip, so no commit');
  return parts.join(', ');
}

function yearOf(date: Date, timeZone: string | undefined): string {
  return date.toLocaleDateString('en-GB', { year: 'numeric', timeZone });
}

/** "committed 3 Dec 2026 09:12" for the older-commit choice; "date unknown" when the commit is not here. */
export function describeCommitDate(iso: string | undefined, timeZone?: string): string {
  if (!iso) return 'date unknown';
  const date = new Date(iso);
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  return `committed ${day} ${time}`;
}
