import { readRunbookStatus, type KnownRunbookStatus } from '../runbook/runbookStatus';

const WEIGHT: Readonly<Record<KnownRunbookStatus, number>> = { active: 1, draft: 0.85, deprecated: 0.45, archived: 0.45 };

/** Relative rank of a runbook by its `status`: retired procedures below current ones, drafts slightly below. */
export function statusWeight(status: string | undefined): number {
  return WEIGHT[readRunbookStatus(status).readAs];
}
