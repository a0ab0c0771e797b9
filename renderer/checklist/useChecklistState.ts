import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { CachedRunbook } from '../../core/cache/runbookDatabase';
import type { RunbookBody } from '../../core/model';
import { countDone, readChecklist, resetChecklist, setStepDone } from '../../core/userdata/checklistProgress';
import { listChecklistSteps } from '../../core/userdata/checklistSteps';
import { db } from '../app/database';
import type { ChecklistState } from './ChecklistContext';

export interface ChecklistSummary extends ChecklistState {
  total: number;
  doneCount: number;
  reset(): void;
}

/** Steps of the runbook and the saved progress on them (IndexedDB, so it survives reloads and restarts). */
export function useChecklistState(meta: CachedRunbook, body: RunbookBody): ChecklistSummary {
  const steps = useMemo(() => listChecklistSteps(body.markdown, meta.headings, body.bodyLine), [body.markdown, body.bodyLine, meta.headings]);
  const done = useLiveQuery(() => readChecklist(db, meta.sourceId, meta.path), [meta.sourceId, meta.path]) ?? new Set<string>();
  return useMemo(
    () => ({
      stepsByLine: new Map(steps.map((s) => [s.line, s])),
      done,
      total: steps.length,
      doneCount: countDone(
        steps.map((s) => s.key),
        done,
      ),
      setDone: (key: string, value: boolean) => void setStepDone(db, meta.sourceId, meta.path, key, value),
      reset: () => void resetChecklist(db, meta.sourceId, meta.path),
    }),
    [steps, done, meta.sourceId, meta.path],
  );
}
