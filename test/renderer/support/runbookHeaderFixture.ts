import type { CachedRunbook } from '../../../core/cache/runbookDatabase';
import { ingestRunbook } from '../../../core/ingest/ingestRunbook';
import type { ChecklistSummary } from '../../../renderer/checklist/useChecklistState';

/** Where a fixture runbook sits in the cache; each field has a default. */
export interface FixturePlace {
  sourceId?: string | undefined;
  path?: string | undefined;
  cachedAt?: string | undefined;
}

/** The cached record the runbook header is given for `markdown`, ingested as the app ingests a synced file. */
export function cachedRunbookOf(
  markdown: string,
  { sourceId = 'src', path = 'failover.md', cachedAt = '2026-01-01T00:00:00Z' }: FixturePlace = {},
): CachedRunbook {
  const result = ingestRunbook(sourceId, { path, bytes: new TextEncoder().encode(markdown) });
  if (result.kind !== 'runbook') throw new Error('expected a runbook');
  return { ...result.meta, cachedAt };
}

/** A checklist summary for the header: a runbook without steps, unless `fields` says otherwise. */
export function checklistSummary(fields: Partial<ChecklistSummary> = {}): ChecklistSummary {
  return {
    total: 0,
    doneCount: 0,
    changedCount: 0,
    stepsByLine: new Map(),
    ticks: new Map(),
    setDone: () => undefined,
    reset: () => undefined,
    ...fields,
  };
}
