import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { CachedRunbook } from '../../core/cache/runbookDatabase';
import type { RunbookBody } from '../../core/model';
import { countDone, readChecklist, resetChecklist, setStepDone } from '../../core/userdata/checklistProgress';
import { listChecklistSteps, type ChecklistStep } from '../../core/userdata/checklistSteps';
import { db } from '../app/database';
import { saveUserData } from '../app/userDataWrites';
import type { ChecklistState } from './ChecklistContext';

export interface ChecklistSummary extends ChecklistState {
  total: number;
  doneCount: number;
  reset: () => void;
}

/**
 * Steps of the runbook and the saved progress on them (IndexedDB, so it survives reloads and restarts).
 * A tick shows at once; the saved state replaces it as soon as the write is read back.
 */
export function useChecklistState(meta: CachedRunbook, body: RunbookBody): ChecklistSummary {
  const steps = useMemo(() => stepsOrNone(body.markdown, meta.headings, body.bodyLine), [body.markdown, body.bodyLine, meta.headings]);
  const saved = useLiveQuery(() => readChecklist(db, meta.sourceId, meta.path), [meta.sourceId, meta.path]);
  const [pending, setPending] = useState<{ key: string; done: boolean; base: ReadonlySet<string> | undefined }[]>([]);

  const done = useMemo(() => {
    const result = new Set(saved ?? []);
    // Only ticks made since the last saved state was read apply on top of it.
    for (const p of pending) {
      if (p.base !== saved) continue;
      if (p.done) result.add(p.key);
      else result.delete(p.key);
    }
    return result;
  }, [saved, pending]);

  return useMemo(
    () => ({
      stepsByLine: new Map(steps.map((s) => [s.line, s])),
      done,
      total: steps.length,
      doneCount: countDone(
        steps.map((s) => s.key),
        done,
      ),
      setDone: (key: string, value: boolean) => {
        const tick = { key, done: value, base: saved };
        setPending((list) => [...list.filter((p) => p.base === saved), tick]);
        const write = setStepDone(db, meta.sourceId, meta.path, key, value).catch((error: unknown) => {
          // A tick that was not saved must not look saved.
          setPending((list) => list.filter((p) => p !== tick));
          throw error;
        });
        saveUserData(value ? 'the tick on this step' : 'unticking this step', write);
      },
      reset: () => {
        setPending([]);
        saveUserData('resetting the steps', resetChecklist(db, meta.sourceId, meta.path));
      },
    }),
    [steps, done, saved, meta.sourceId, meta.path],
  );
}

/** A runbook whose Markdown defeats the step reader still reads: the page then simply has no checklist. */
function stepsOrNone(...args: Parameters<typeof listChecklistSteps>): ChecklistStep[] {
  try {
    return listChecklistSteps(...args);
  } catch (error) {
    console.warn('The checklist steps of this runbook could not be read:', error);
    return [];
  }
}
