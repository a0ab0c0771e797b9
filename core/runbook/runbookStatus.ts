/**
 * The one definition of a runbook's `status`, read the same way by the library, the runbook header,
 * search ranking and `runbook-reader check`.
 *
 * - The known values are `active`, `draft`, `deprecated` and `archived`, in any case.
 * - No status at all means `active`: most teams never write one.
 * - A few words people use for the same thing are read as the value they mean (`retired` → archived,
 *   `obsolete` → deprecated, `wip` and `proposed` → draft).
 * - Any other value is read as `active`, so a typo never buries the procedure someone needs during an
 *   outage; it is still shown as written (with a neutral badge) and `check` reports it.
 */
export const RUNBOOK_STATUSES = ['active', 'draft', 'deprecated', 'archived'] as const;

export type KnownRunbookStatus = (typeof RUNBOOK_STATUSES)[number];

const READ_AS: Readonly<Record<string, KnownRunbookStatus>> = {
  retired: 'archived',
  obsolete: 'deprecated',
  wip: 'draft',
  proposed: 'draft',
};

export interface RunbookStatusReading {
  /** The value the app acts on (ordering, ranking, badge colour). */
  readAs: KnownRunbookStatus;
  /** False when the written value is not one of the four known ones (check reports it). */
  known: boolean;
}

/** How the app reads the `status` written in a runbook's front matter. */
export function readRunbookStatus(written: string | undefined): RunbookStatusReading {
  const value = written?.trim().toLowerCase() ?? '';
  if (value === '') return { readAs: 'active', known: true };
  if (isKnownRunbookStatus(value)) return { readAs: value, known: true };
  return { readAs: READ_AS[value] ?? 'active', known: false };
}

export function isKnownRunbookStatus(value: string): value is KnownRunbookStatus {
  return (RUNBOOK_STATUSES as readonly string[]).includes(value);
}

/** Deprecated and archived runbooks describe procedures that should no longer be followed. */
export function isRetiredStatus(status: KnownRunbookStatus): boolean {
  return status === 'deprecated' || status === 'archived';
}

/** Library order within a group: current procedures first, retired ones last. */
export function runbookStatusOrder(written: string | undefined): number {
  return RUNBOOK_STATUSES.indexOf(readRunbookStatus(written).readAs);
}
